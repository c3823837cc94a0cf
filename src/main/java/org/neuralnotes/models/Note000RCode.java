package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.ElementwiseActivation;
import org.neuralnotes.linalg.Checks;

/**
 * Note 000's R functions {@code NN_output} and {@code GD_iteration}, transcribed statement by
 * statement, each R line as a comment above the Java that does it. Every matrix is filled the way
 * R's {@code matrix(data, nrow, ncol, byrow)} fills it ({@link #rMatrix}): column by column unless
 * {@code byrow = TRUE}, recycling {@code data} when it is shorter than the matrix. That is the
 * point of keeping the transcription: one of the note's fills recycles a K-vector down the
 * (p+1)×K matrix {@code g_prime_z_W} column by column, so entry (j, k) holds g′(z_{i,(j mod K)+1})
 * where the gradient needs g′(z_ik). Its step is then not the gradient step: see the notebook
 * 02-single-hidden-layer and {@code Note000RCodeTest}.
 *
 * <p>Layout as in {@link SingleLayerNetwork}: W is (p+1)×K with the biases w_k0 in row 0, B is
 * (K+1)×1 with β_0 in row 0; X is n×p and Y n×1.
 */
public final class Note000RCode {
    private Note000RCode() {}

    /** What {@code GD_iteration} returns (W_out, B_out) and the averaged gradients it stepped along. */
    public record Step(DMatrixRMaj W, DMatrixRMaj B, DMatrixRMaj delW, DMatrixRMaj delB) {}

    /** {@code NN_output}: cbind(1, g(cbind(1, X) %*% W)) %*% B, an n×1 column. */
    public static DMatrixRMaj nnOutput(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj B, ElementwiseActivation g) {
        check(X, W, B, g);
        int n = X.numRows, p = X.numCols, K = W.numCols;
        DMatrixRMaj out = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double f = B.get(0, 0);
            for (int k = 0; k < K; k++) {
                f += B.get(k + 1, 0) * g.value(z(X, W, i, k, p));
            }
            out.set(i, 0, f);
        }
        return out;
    }

    /** {@code GD_iteration(X, Y, W, B, rho)}: one step along the mean of the observations' "gradients". */
    public static Step gdIteration(DMatrixRMaj X, DMatrixRMaj Y, DMatrixRMaj W, DMatrixRMaj B, double rho,
                                   ElementwiseActivation g) {
        check(X, W, B, g);
        Checks.shape("Y", Y, X.numRows, 1);
        int n = X.numRows, p = X.numCols, K = W.numCols;
        // errors <- NN_output(X = X, W = W, B = B) - Y
        DMatrixRMaj out = nnOutput(X, W, B, g);
        DMatrixRMaj delW = new DMatrixRMaj(p + 1, K), delB = new DMatrixRMaj(K + 1, 1);
        double[] betas = new double[K], gz = new double[K], gpz = new double[K], x1 = new double[p + 1];
        for (int k = 0; k < K; k++) {
            betas[k] = B.get(k + 1, 0);
        }
        for (int i = 0; i < n; i++) {
            double error = out.get(i, 0) - Y.get(i, 0);
            x1[0] = 1;
            for (int j = 0; j < p; j++) {
                x1[j + 1] = X.get(i, j);
            }
            for (int k = 0; k < K; k++) {
                // c(1, X[i, ]) %*% W, then g and g_prime over its K columns
                double zk = z(X, W, i, k, p);
                gz[k] = g.value(zk);
                gpz[k] = g.derivative(zk, gz[k]);
            }
            // errors_W <- matrix(errors[i], nrow = (p + 1), ncol = K)
            DMatrixRMaj errorsW = rMatrix(new double[] {error}, p + 1, K, false);
            // B_W <- matrix(B[-1, ], nrow = (p + 1), ncol = K, byrow = TRUE)
            DMatrixRMaj bW = rMatrix(betas, p + 1, K, true);
            // X_W <- matrix(c(1, X[i, ]), nrow = (p + 1), ncol = K, byrow = FALSE)
            DMatrixRMaj xW = rMatrix(x1, p + 1, K, false);
            // g_prime_z_W <- apply(c(1, X[i, ]) %*% W, 2, g_prime) %>% matrix(nrow = (p + 1), ncol = K, byrow = FALSE)
            DMatrixRMaj gpW = rMatrix(gpz, p + 1, K, false);
            // del_W <- errors_W * B_W * g_prime_z_W * X_W;  gradient_array_W[ , , i] <- del_W
            for (int e = 0; e < delW.data.length; e++) {
                delW.data[e] += errorsW.data[e] * bW.data[e] * gpW.data[e] * xW.data[e];
            }
            // g_z_B <- apply(c(1, X[i, ]) %*% W, 2, g) %>% c(1, .) %>% matrix(nrow = (K + 1), ncol = 1)
            // del_B <- errors_B * g_z_B;  gradient_array_B[ , , i] <- del_B
            delB.add(0, 0, error);
            for (int k = 0; k < K; k++) {
                delB.add(k + 1, 0, error * gz[k]);
            }
        }
        // del_W_all <- apply(gradient_array_W, c(1, 2), mean);  likewise del_B_all
        scale(1.0 / n, delW);
        scale(1.0 / n, delB);
        // W_out <- W - rho * del_W_all;  B_out <- B - rho * del_B_all
        DMatrixRMaj Wout = W.copy(), Bout = B.copy();
        for (int e = 0; e < Wout.data.length; e++) {
            Wout.data[e] -= rho * delW.data[e];
        }
        for (int e = 0; e < Bout.data.length; e++) {
            Bout.data[e] -= rho * delB.data[e];
        }
        return new Step(Wout, Bout, delW, delB);
    }

    /**
     * R's {@code matrix(data, nrow, ncol, byrow)}: the nrow×ncol matrix filled with {@code data}
     * column by column (row by row when {@code byrow}), starting over at data[0] whenever data runs out.
     */
    public static DMatrixRMaj rMatrix(double[] data, int nrow, int ncol, boolean byrow) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("data: expected at least one value, found "
                    + (data == null ? "null" : "none"));
        }
        Checks.positive("nrow", nrow);
        Checks.positive("ncol", ncol);
        DMatrixRMaj M = new DMatrixRMaj(nrow, ncol);
        for (int t = 0; t < nrow * ncol; t++) {
            // the t-th value filled goes down a column (or along a row when byrow)
            int r = byrow ? t / ncol : t % nrow;
            int c = byrow ? t % ncol : t / nrow;
            M.set(r, c, data[t % data.length]);
        }
        return M;
    }

    /** z_ik = w_k0 + Σ_j w_kj x_ij. */
    private static double z(DMatrixRMaj X, DMatrixRMaj W, int i, int k, int p) {
        double z = W.get(0, k);
        for (int j = 0; j < p; j++) {
            z += W.get(j + 1, k) * X.get(i, j);
        }
        return z;
    }

    private static void scale(double s, DMatrixRMaj M) {
        for (int e = 0; e < M.data.length; e++) {
            M.data[e] *= s;
        }
    }

    private static void check(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj B, ElementwiseActivation g) {
        Checks.nonEmpty("X", X);
        Checks.nonEmpty("W", W);
        // W is (p+1)×K, B is (K+1)×1
        Checks.shape("W", W, X.numCols + 1, W.numCols);
        Checks.shape("B", B, W.numCols + 1, 1);
        if (g == null) {
            throw new IllegalArgumentException("g: expected an element-wise activation, found null");
        }
    }
}
