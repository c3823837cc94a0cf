package org.neuralnotes.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Computes the one matrix product everything else is built on:
 * C = α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ (BLAS {@code dgemm}, row-major).
 *
 * <p>{@link PlainEngine} does it with EJML's own loops and is the reference;
 * {@link BlasEngine} hands it to an optimized native BLAS (OpenBLAS). A test checks that
 * the two agree to rounding. {@link Products} checks the arguments and picks the engine;
 * an engine trusts that shapes already fit and that C shares no array with A or B.
 */
public interface Engine {

    /** A short name for reports: "plain" or "blas (…library…)". */
    String name();

    /**
     * C = α·op(A)·op(B) + β·C. C must already have shape rows(op(A)) x cols(op(B));
     * when β = 0 the old content of C is ignored (even NaN).
     *
     * @param transA use Aᵀ instead of A
     * @param transB use Bᵀ instead of B
     */
    void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj A, DMatrixRMaj B,
              double beta, DMatrixRMaj C);

    /**
     * C = α·op(R)·B + β·C, where R is the block of {@code rows} consecutive rows of A starting
     * at row {@code first} (a batch of examples taken in order). C must already have shape
     * rows(op(R)) x cols(B); β = 0 ignores its old content.
     *
     * <p>This default copies the block and calls {@link #gemm}; an engine that can read A
     * at an offset overrides it and copies nothing.
     *
     * @param transA use Rᵀ instead of R
     */
    default void gemmRows(boolean transA, double alpha, DMatrixRMaj A, int first, int rows,
                          DMatrixRMaj B, double beta, DMatrixRMaj C) {
        DMatrixRMaj R = new DMatrixRMaj(rows, A.numCols);
        System.arraycopy(A.data, first * A.numCols, R.data, 0, rows * A.numCols);
        gemm(transA, false, alpha, R, B, beta, C);
    }
}
