package org.neuralnotes.bench;

import org.ejml.data.DMatrixRMaj;

/** The element-wise steps of the network, each one loop with no temporaries. */
final class Elementwise {
    private Elementwise() {}

    /** A = max(Z, 0) in place. */
    static void relu(DMatrixRMaj Z) {
        double[] z = Z.data;
        int n = Z.getNumElements();
        for (int i = 0; i < n; i++) {
            if (z[i] < 0.0) {
                z[i] = 0.0;
            }
        }
    }

    /** dZ = dA ⊙ [A > 0] (A = max(Z, 0), so A > 0 exactly where Z > 0). */
    static void reluBackward(DMatrixRMaj A, DMatrixRMaj dA, DMatrixRMaj dZ) {
        dZ.reshape(dA.numRows, dA.numCols);
        double[] a = A.data;
        double[] g = dA.data;
        double[] out = dZ.data;
        int n = dA.getNumElements();
        for (int i = 0; i < n; i++) {
            out[i] = a[i] > 0.0 ? g[i] : 0.0;
        }
    }

    /** Each row of Z replaced by softmax(row) = e^(z − max) / Σ e^(z − max), in place. */
    static void softmaxRows(DMatrixRMaj Z) {
        int cols = Z.numCols;
        double[] z = Z.data;
        for (int i = 0; i < Z.numRows; i++) {
            int o = i * cols;
            double max = z[o];
            for (int j = 1; j < cols; j++) {
                max = Math.max(max, z[o + j]);
            }
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                z[o + j] = Math.exp(z[o + j] - max);
                sum += z[o + j];
            }
            for (int j = 0; j < cols; j++) {
                z[o + j] /= sum;
            }
        }
    }

    /** log Σⱼ e^(z[o + j]) for j < n, without overflow. */
    static double logSumExp(double[] z, int o, int n) {
        double max = z[o];
        for (int j = 1; j < n; j++) {
            max = Math.max(max, z[o + j]);
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(z[o + j] - max);
        }
        return max + Math.log(sum);
    }

    /** D = s·(A − Y). */
    static void scaledDifference(double s, DMatrixRMaj A, DMatrixRMaj Y, DMatrixRMaj D) {
        D.reshape(A.numRows, A.numCols);
        int n = A.getNumElements();
        for (int i = 0; i < n; i++) {
            D.data[i] = s * (A.data[i] - Y.data[i]);
        }
    }

    /** P = P − α·G. */
    static void subtractScaled(DMatrixRMaj P, double alpha, DMatrixRMaj G) {
        int n = P.getNumElements();
        for (int i = 0; i < n; i++) {
            P.data[i] -= alpha * G.data[i];
        }
    }
}
