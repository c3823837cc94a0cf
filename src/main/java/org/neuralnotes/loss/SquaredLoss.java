package org.neuralnotes.loss;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * The squared-error losses of the notes, L = c·Σ(ŷ − y)², which differ only in the
 * factor c: 1 for the sum of squares, ½ for note 000's scaled objective, 1/(2N) for
 * note 003's ½‖A − Y‖² averaged over samples, 1/N for note 004's l2, 1/(NK) for the
 * mean squared error over every entry.
 */
public final class SquaredLoss implements Loss {

    /** How the sum of squares is scaled. */
    public enum Scale {
        /** L = Σ(ŷ − y)² */
        SUM("sum_of_squares"),
        /** L = ½Σ(ŷ − y)² (note 000) */
        HALF_SUM("half_sum_of_squares"),
        /** L = (1/N)Σ‖ŷ − y‖² over N examples (note 004's l2) */
        PER_EXAMPLE("l2"),
        /** L = (1/2N)Σ‖ŷ − y‖² over N examples (note 003's ½‖A − Y‖²) */
        HALF_PER_EXAMPLE("half_mse"),
        /** L = (1/NK)Σ(ŷ − y)² over all N·K entries */
        PER_ENTRY("mse");

        private final String label;

        Scale(String label) {
            this.label = label;
        }
    }

    private final Scale scale;

    public SquaredLoss(Scale scale) {
        if (scale == null) {
            throw new IllegalArgumentException("scale: expected a Scale, found null");
        }
        this.scale = scale;
    }

    public Scale scale() {
        return scale;
    }

    /** c in L = c·Σ(ŷ − y)² for a batch of this shape. */
    public double factor(int rows, int cols) {
        switch (scale) {
            case SUM: return 1.0;
            case HALF_SUM: return 0.5;
            case PER_EXAMPLE: return 1.0 / rows;
            case HALF_PER_EXAMPLE: return 0.5 / rows;
            case PER_ENTRY: return 1.0 / ((double) rows * cols);
            default: throw new AssertionError(scale);
        }
    }

    @Override
    public String name() {
        return scale.label;
    }

    @Override
    public double value(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        Checks.sameShape("Yhat", Yhat, "Y", Y);
        double s = 0;
        int n = Y.getNumElements();
        for (int i = 0; i < n; i++) {
            double d = Yhat.data[i] - Y.data[i];
            s += d * d;
        }
        // L = c·Σ(ŷ − y)²
        return factor(Y.numRows, Y.numCols) * s;
    }

    @Override
    public DMatrixRMaj gradient(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        Checks.sameShape("Yhat", Yhat, "Y", Y);
        double c2 = 2.0 * factor(Y.numRows, Y.numCols);
        DMatrixRMaj G = new DMatrixRMaj(Y.numRows, Y.numCols);
        int n = Y.getNumElements();
        for (int i = 0; i < n; i++) {
            // ∂L/∂ŷ = 2c(ŷ − y)
            G.data[i] = c2 * (Yhat.data[i] - Y.data[i]);
        }
        return G;
    }

    @Override
    public String toString() {
        return name();
    }
}
