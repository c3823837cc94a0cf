package org.neuralnotes.loss;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * Cross-entropy on one-hot targets averaged over the N examples (note 000):
 * L = −(1/N) Σ_i Σ_m y_im ln ŷ_im, each row of Ŷ a probability distribution.
 */
public final class CategoricalCrossEntropy implements Loss {

    @Override
    public String name() {
        return "categorical_cross_entropy";
    }

    @Override
    public double value(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        check(Yhat, Y);
        double s = 0;
        int n = Y.getNumElements();
        for (int i = 0; i < n; i++) {
            double y = Y.data[i];
            if (y != 0) {
                // y ln ŷ
                s += y * Math.log(Yhat.data[i]);
            }
        }
        return -s / Y.numRows;
    }

    @Override
    public DMatrixRMaj gradient(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        check(Yhat, Y);
        double invN = 1.0 / Y.numRows;
        DMatrixRMaj G = new DMatrixRMaj(Y.numRows, Y.numCols);
        int n = Y.getNumElements();
        for (int i = 0; i < n; i++) {
            // ∂L/∂ŷ = −y / (N ŷ)
            G.data[i] = -invN * Y.data[i] / Yhat.data[i];
        }
        return G;
    }

    /** Targets must be distributions over the classes: entries in [0, 1], rows summing to 1. */
    static void checkTargets(DMatrixRMaj Y) {
        int k = Y.numCols;
        for (int r = 0; r < Y.numRows; r++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double y = Y.data[r * k + j];
                if (!(y >= 0 && y <= 1)) {
                    throw new IllegalArgumentException("Y: expected one-hot rows with entries in [0, 1],"
                            + " found " + y + " at row " + r + ", column " + j);
                }
                sum += y;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("Y: expected one-hot rows summing to 1, found row "
                        + r + " summing to " + sum);
            }
        }
    }

    private static void check(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        Checks.sameShape("Yhat", Yhat, "Y", Y);
        checkTargets(Y);
        int n = Yhat.getNumElements();
        for (int i = 0; i < n; i++) {
            double p = Yhat.data[i];
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("Yhat: expected probabilities in (0, 1], found " + p
                        + " at row " + i / Yhat.numCols + ", column " + i % Yhat.numCols
                        + " (pair the loss with a softmax output)");
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
