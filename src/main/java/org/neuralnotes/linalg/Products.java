package org.neuralnotes.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrix products of the forward and backward passes, in one place so that an
 * optimized BLAS can take them. Every method writes into {@code C}, reshaping it.
 */
public final class Products {
    private Products() {}

    /** C = A·B */
    public static DMatrixRMaj mult(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        C.reshape(A.numRows, B.numCols);
        CommonOps_DDRM.mult(A, B, C);
        return C;
    }

    /** C = Aᵀ·B */
    public static DMatrixRMaj multTransA(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        C.reshape(A.numCols, B.numCols);
        CommonOps_DDRM.multTransA(A, B, C);
        return C;
    }

    /** C = A·Bᵀ */
    public static DMatrixRMaj multTransB(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        C.reshape(A.numRows, B.numRows);
        CommonOps_DDRM.multTransB(A, B, C);
        return C;
    }
}
