package org.neuralnotes.activation;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * Softmax over each row: A_α = e^(Z_α) / Σ_β e^(Z_β). Rows are examples, so each row
 * of A is a probability distribution over the classes. The largest entry of each row is
 * subtracted before exponentiating, so no input overflows.
 */
public final class Softmax implements Activation {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public boolean elementwise() {
        return false;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj Z) {
        DMatrixRMaj A = new DMatrixRMaj(1, 1);
        forward(Z, A);
        return A;
    }

    @Override
    public void forward(DMatrixRMaj Z, DMatrixRMaj A) {
        Checks.nonEmpty("Z", Z);
        Checks.notSame("A", A, "Z", Z);
        int rows = Z.numRows;
        int k = Z.numCols;
        A.reshape(rows, k);
        for (int r = 0; r < rows; r++) {
            int o = r * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, Z.data[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                // e^(Z_j − max Z): the shift cancels in the ratio
                double e = Math.exp(Z.data[o + j] - max);
                A.data[o + j] = e;
                sum += e;
            }
            for (int j = 0; j < k; j++) {
                A.data[o + j] /= sum;
            }
        }
    }

    /**
     * The Jacobian of one row: J[β][α] = ∂A_β/∂Z_α = A_β(δ_αβ − A_α) (note 003, eq. 13).
     *
     * @param a one row of A, a probability distribution
     * @return a K×K symmetric matrix
     */
    public DMatrixRMaj jacobian(DMatrixRMaj a) {
        Checks.nonEmpty("a", a);
        if (a.numRows != 1) {
            throw new IllegalArgumentException("a: expected one row (1xK), found " + Checks.shape(a));
        }
        int k = a.numCols;
        DMatrixRMaj J = new DMatrixRMaj(k, k);
        for (int b = 0; b < k; b++) {
            for (int al = 0; al < k; al++) {
                // ∂A_β/∂Z_α = A_β(δ_αβ − A_α)
                J.data[b * k + al] = a.data[b] * ((al == b ? 1.0 : 0.0) - a.data[al]);
            }
        }
        return J;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj dA) {
        DMatrixRMaj dZ = new DMatrixRMaj(1, 1);
        backward(Z, A, dA, dZ);
        return dZ;
    }

    @Override
    public void backward(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj dA, DMatrixRMaj dZ) {
        Checks.sameShape("Z", Z, "A", A);
        Checks.sameShape("A", A, "dA", dA);
        Checks.notSame("dZ", dZ, "A", A);
        int rows = A.numRows;
        int k = A.numCols;
        dZ.reshape(rows, k);
        for (int r = 0; r < rows; r++) {
            int o = r * k;
            // E = Σ_β A_β dA_β, the "averaged error" of note 003
            double E = 0;
            for (int j = 0; j < k; j++) {
                E += A.data[o + j] * dA.data[o + j];
            }
            for (int j = 0; j < k; j++) {
                // dZ_α = Σ_β dA_β A_β(δ_αβ − A_α) = A_α(dA_α − E)
                dZ.data[o + j] = A.data[o + j] * (dA.data[o + j] - E);
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
