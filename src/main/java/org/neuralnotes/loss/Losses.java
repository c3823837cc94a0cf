package org.neuralnotes.loss;

/** The losses of the notes, by name, each with the normalization the notes use. */
public final class Losses {
    private Losses() {}

    /** L = Σ(ŷ − y)² (note 000's squared error). */
    public static SquaredLoss sumOfSquares() {
        return new SquaredLoss(SquaredLoss.Scale.SUM);
    }

    /** L = ½Σ(ŷ − y)² (note 000's scaled objective; note 002's J = ½(h − o)² per example). */
    public static SquaredLoss halfSumOfSquares() {
        return new SquaredLoss(SquaredLoss.Scale.HALF_SUM);
    }

    /** L = (1/NK)Σ(ŷ − y)², the mean over every entry. */
    public static SquaredLoss meanSquaredError() {
        return new SquaredLoss(SquaredLoss.Scale.PER_ENTRY);
    }

    /** L = (1/2N)Σ_i‖ŷ_i − y_i‖², note 003's ½‖A − Y‖² averaged over samples. */
    public static SquaredLoss halfMeanSquaredError() {
        return new SquaredLoss(SquaredLoss.Scale.HALF_PER_EXAMPLE);
    }

    /** ℓ2 = (1/N)Σ_i (ŷ_i − y_i)ᵀ(ŷ_i − y_i), note 004, with gradient (2/N)(ŷ − y). */
    public static SquaredLoss l2() {
        return new SquaredLoss(SquaredLoss.Scale.PER_EXAMPLE);
    }

    /** Log-loss averaged over examples (note 001). */
    public static BinaryCrossEntropy binaryCrossEntropy() {
        return new BinaryCrossEntropy();
    }

    /** Cross-entropy on one-hot targets averaged over examples. */
    public static CategoricalCrossEntropy categoricalCrossEntropy() {
        return new CategoricalCrossEntropy();
    }

    /** The loss with this name, as {@link Loss#name()} writes it. */
    public static Loss byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name: expected a loss name, found null");
        }
        switch (name) {
            case "sum_of_squares": return sumOfSquares();
            case "half_sum_of_squares": return halfSumOfSquares();
            case "mse": return meanSquaredError();
            case "half_mse": return halfMeanSquaredError();
            case "l2": return l2();
            case "binary_cross_entropy": return binaryCrossEntropy();
            case "categorical_cross_entropy": return categoricalCrossEntropy();
            default:
                throw new IllegalArgumentException("name: expected one of sum_of_squares,"
                        + " half_sum_of_squares, mse, half_mse, l2, binary_cross_entropy,"
                        + " categorical_cross_entropy; found \"" + name + "\"");
        }
    }
}
