package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Softmax;
import org.neuralnotes.linalg.Checks;

/**
 * Note 000's formulas for a {@link SingleLayerNetwork}, entry by entry in the note's own
 * parameters w_kj and β_mk: its gradient and its output, an implementation independent of the
 * network's matrix products, to compare them with.
 */
final class NoteFormulas {
    private NoteFormulas() {}

    /** {@link SingleLayerNetwork#noteGradient}: the note's summed gradient, in θ's order. */
    static DMatrixRMaj gradient(SingleLayerNetwork net, DMatrixRMaj X, DMatrixRMaj Y) {
        checkData(net, X, Y);
        int n = X.numRows;
        int p = net.p();
        int K = net.K();
        int w = net.outputs();
        DMatrixRMaj gradW = new DMatrixRMaj(p + 1, K);
        DMatrixRMaj gradB = new DMatrixRMaj(K + 1, w);
        double[] z = new double[K];
        double[] A = new double[K];
        double[] eps = new double[w];
        for (int i = 0; i < n; i++) {
            for (int k = 1; k <= K; k++) {
                // z_ik = w_k0 + Σ_j w_kj x_ij
                double s = net.w(k, 0);
                for (int j = 1; j <= p; j++) {
                    s += net.w(k, j) * X.get(i, j - 1);
                }
                z[k - 1] = s;
                // A_ik = g(z_ik)
                A[k - 1] = net.g().value(s);
            }
            double[] f = outputRow(net, A);
            for (int m = 1; m <= w; m++) {
                // ε_im = f_m(x_i) − y_im
                eps[m - 1] = f[m - 1] - Y.get(i, m - 1);
            }
            for (int m = 1; m <= w; m++) {
                // ∂C/∂β_m0 += ε_im
                gradB.data[m - 1] += eps[m - 1];
                for (int k = 1; k <= K; k++) {
                    // ∂C/∂β_mk += ε_im g(z_ik)
                    gradB.data[k * w + m - 1] += eps[m - 1] * A[k - 1];
                }
            }
            for (int k = 1; k <= K; k++) {
                // Σ_m ε_im β_mk
                double back = 0;
                for (int m = 1; m <= w; m++) {
                    back += eps[m - 1] * net.beta(m, k);
                }
                double gPrime = net.g().derivative(z[k - 1], A[k - 1]);
                // ∂C/∂w_k0 += Σ_m ε_im β_mk g'(z_ik)
                gradW.data[k - 1] += back * gPrime;
                for (int j = 1; j <= p; j++) {
                    // ∂C/∂w_kj += Σ_m ε_im β_mk g'(z_ik) x_ij
                    gradW.data[j * K + k - 1] += back * gPrime * X.get(i, j - 1);
                }
            }
        }
        return SingleLayerNetwork.concat(gradW, gradB);
    }

    /** {@link SingleLayerNetwork#noteOutput}: [1, g([1, X]·W)]·B, then softmax for a softmax output. */
    static DMatrixRMaj output(SingleLayerNetwork net, DMatrixRMaj X) {
        Checks.cols("X", X, net.p());
        Checks.finite("X", X);
        DMatrixRMaj W = net.W();
        DMatrixRMaj B = net.B();
        int n = X.numRows;
        int p = net.p();
        int K = net.K();
        int w = net.outputs();
        DMatrixRMaj out = new DMatrixRMaj(n, w);
        double[] A = new double[K];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < K; k++) {
                // [1, x_i]·W, column k
                double z = W.get(0, k);
                for (int j = 1; j <= p; j++) {
                    z += X.get(i, j - 1) * W.get(j, k);
                }
                A[k] = net.g().value(z);
            }
            // [1, g(z_i)]·B
            double[] f = new double[w];
            for (int m = 0; m < w; m++) {
                double s = B.get(0, m);
                for (int k = 1; k <= K; k++) {
                    s += A[k - 1] * B.get(k, m);
                }
                f[m] = s;
            }
            if (net.network().layer(2).activation() instanceof Softmax) {
                softmaxInPlace(f);
            }
            System.arraycopy(f, 0, out.data, i * w, w);
        }
        return out;
    }

    private static double[] outputRow(SingleLayerNetwork net, double[] A) {
        int w = net.outputs();
        double[] f = new double[w];
        for (int m = 1; m <= w; m++) {
            // f_m = β_m0 + Σ_k β_mk A_k
            double s = net.beta(m, 0);
            for (int k = 1; k <= A.length; k++) {
                s += net.beta(m, k) * A[k - 1];
            }
            f[m - 1] = s;
        }
        if (net.network().layer(2).activation() instanceof Softmax) {
            softmaxInPlace(f);
        }
        return f;
    }

    private static void softmaxInPlace(double[] f) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int m = 0; m < f.length; m++) {
            // e^(f_m − max f)
            f[m] = Math.exp(f[m] - max);
            sum += f[m];
        }
        for (int m = 0; m < f.length; m++) {
            // softmax_m = e^(f_m) / Σ_l e^(f_l)
            f[m] /= sum;
        }
    }

    private static void checkData(SingleLayerNetwork net, DMatrixRMaj X, DMatrixRMaj Y) {
        Checks.nonEmpty("X", X);
        if (X.numCols != net.p()) {
            throw new IllegalArgumentException("X: expected " + net.p() + " columns (one per input), found "
                    + Checks.shape(X));
        }
        Checks.finite("X", X);
        Checks.shape("Y", Y, X.numRows, net.outputs());
        Checks.finite("Y", Y);
    }
}
