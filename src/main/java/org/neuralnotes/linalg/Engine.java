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
}
