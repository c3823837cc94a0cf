package org.neuralnotes.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The reference engine: EJML's {@code CommonOps_DDRM} products in plain Java, one thread.
 * Slow on large matrices, but simple, portable and always available; the fast engine is
 * tested against it.
 */
public final class PlainEngine implements Engine {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj A, DMatrixRMaj B,
                     double beta, DMatrixRMaj C) {
        if (beta == 0.0) {
            // C = α·op(A)·op(B)
            if (!transA && !transB) {
                CommonOps_DDRM.mult(alpha, A, B, C);
            } else if (transA && !transB) {
                CommonOps_DDRM.multTransA(alpha, A, B, C);
            } else if (!transA) {
                CommonOps_DDRM.multTransB(alpha, A, B, C);
            } else {
                CommonOps_DDRM.multTransAB(alpha, A, B, C);
            }
            return;
        }
        if (beta != 1.0) {
            // C = β·C
            CommonOps_DDRM.scale(beta, C);
        }
        // C = C + α·op(A)·op(B)
        if (!transA && !transB) {
            CommonOps_DDRM.multAdd(alpha, A, B, C);
        } else if (transA && !transB) {
            CommonOps_DDRM.multAddTransA(alpha, A, B, C);
        } else if (!transA) {
            CommonOps_DDRM.multAddTransB(alpha, A, B, C);
        } else {
            CommonOps_DDRM.multAddTransAB(alpha, A, B, C);
        }
    }

    @Override
    public String toString() {
        return "PlainEngine(EJML CommonOps_DDRM)";
    }
}
