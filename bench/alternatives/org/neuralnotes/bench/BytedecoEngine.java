package org.neuralnotes.bench;

import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Engine;

/**
 * An alternative route, for the comparison only: cblas_dgemm of the OpenBLAS that
 * org.bytedeco:openblas ships in its jars, called on EJML's double[] (JavaCPP copies the
 * arrays in and out on every call). Select with -Dneuralnotes.engine=org.neuralnotes.bench.BytedecoEngine.
 */
public final class BytedecoEngine implements Engine {
    public BytedecoEngine() {
        openblas_nolapack.blas_set_num_threads(Integer.parseInt(
                System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "2")));
    }

    @Override
    public String name() {
        return "bytedeco-cblas (OpenBLAS 0.3.31 from org.bytedeco:openblas, arrays copied)";
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj A, DMatrixRMaj B,
                     double beta, DMatrixRMaj C) {
        int k = transA ? A.numRows : A.numCols;
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                C.numRows, C.numCols, k, alpha, A.data, Math.max(1, A.numCols), B.data,
                Math.max(1, B.numCols), beta, C.data, Math.max(1, C.numCols));
    }
}
