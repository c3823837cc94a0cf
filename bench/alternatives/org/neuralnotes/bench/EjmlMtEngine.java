package org.neuralnotes.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.neuralnotes.linalg.Engine;

/**
 * An alternative route, for the comparison only: EJML's multi-threaded products
 * (CommonOps_MT_DDRM). Select with -Dneuralnotes.engine=org.neuralnotes.bench.EjmlMtEngine.
 */
public final class EjmlMtEngine implements Engine {
    @Override
    public String name() {
        return "ejml-mt";
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj A, DMatrixRMaj B,
                     double beta, DMatrixRMaj C) {
        if (beta == 0.0) {
            if (!transA && !transB) {
                CommonOps_MT_DDRM.mult(alpha, A, B, C);
            } else if (transA && !transB) {
                CommonOps_MT_DDRM.multTransA(alpha, A, B, C);
            } else if (!transA) {
                CommonOps_MT_DDRM.multTransB(alpha, A, B, C);
            } else {
                CommonOps_MT_DDRM.multTransAB(alpha, A, B, C);
            }
            return;
        }
        // C = β·C + α·op(A)·op(B) by way of a temporary (this route is for comparison only)
        DMatrixRMaj T = new DMatrixRMaj(C.numRows, C.numCols);
        gemm(transA, transB, alpha, A, B, 0.0, T);
        CommonOps_DDRM.add(beta, C, 1.0, T, C);
    }
}
