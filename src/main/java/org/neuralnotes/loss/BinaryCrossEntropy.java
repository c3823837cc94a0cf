package org.neuralnotes.loss;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.linalg.FastMath;

/**
 * Log-loss averaged over the N examples (note 001):
 * J = −(1/N) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], with ŷ in (0, 1) and y in [0, 1].
 */
public final class BinaryCrossEntropy implements Loss {

    @Override
    public String name() {
        return "binary_cross_entropy";
    }

    @Override
    public double value(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        check(Yhat, Y);
        double s = 0;
        int n = Y.getNumElements();
        for (int i = 0; i < n; i++) {
            double p = Yhat.data[i];
            double y = Y.data[i];
            // y ln ŷ + (1 − y) ln(1 − ŷ), skipping a term whose weight is zero
            if (y != 0) {
                s += y * Math.log(p);
            }
            if (y != 1) {
                s += (1 - y) * Math.log1p(-p);
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
            double p = Yhat.data[i];
            // ∂J/∂ŷ = (ŷ − y) / (N ŷ(1 − ŷ))
            G.data[i] = invN * (p - Y.data[i]) / (p * (1 - p));
        }
        return G;
    }

    /**
     * The log-loss of each example from its logit z, given e = e^(−|z|)
     * ({@link FastMath#ofMinusAbs(double[], double[], int)}), written over e:
     * L = ln(1 + e) + max(z, 0) − y·z. It is −[y ln σ(z) + (1 − y) ln(1 − σ(z))] without ln 0
     * when σ(z) rounds to 0 or 1; max(z, 0) − y·z cancels exactly when y = 1 and z &gt; 0, so a
     * small loss keeps its digits.
     */
    public static void lossesFromLogits(double[] z, double[] y, double[] e, int n) {
        for (int i = 0; i < n; i++) {
            e[i] = FastMath.log1pOfUnit(e[i]) + (Math.max(z[i], 0.0) - y[i] * z[i]);
        }
    }

    static void checkTargets(DMatrixRMaj Y) {
        int n = Y.getNumElements();
        for (int i = 0; i < n; i++) {
            double y = Y.data[i];
            if (!(y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("Y: expected targets in [0, 1], found " + y
                        + " at row " + i / Y.numCols + ", column " + i % Y.numCols);
            }
        }
    }

    private static void check(DMatrixRMaj Yhat, DMatrixRMaj Y) {
        Checks.sameShape("Yhat", Yhat, "Y", Y);
        checkTargets(Y);
        int n = Yhat.getNumElements();
        for (int i = 0; i < n; i++) {
            double p = Yhat.data[i];
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("Yhat: expected probabilities in (0, 1), found " + p
                        + " at row " + i / Yhat.numCols + ", column " + i % Yhat.numCols
                        + " (pair the loss with a sigmoid output)");
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
