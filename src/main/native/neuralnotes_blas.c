/*
 * The bridge between dev.ludovic.netlib's JNI code, which looks up the Fortran BLAS names
 * (dgemm_, dgemv_), and the OpenBLAS build that numpy ships (the scipy-openblas32 wheel), whose
 * symbols carry the prefix scipy_. Each function passes its arguments through unchanged: both
 * sides use 32-bit integers and the Fortran calling convention (every argument by address).
 *
 * Built by tools/blas/build-bridge.sh; found at run time by org.neuralnotes.linalg.BlasLibrary.
 */

void scipy_dgemm_(const char *transa, const char *transb, const int *m, const int *n,
                  const int *k, const double *alpha, const double *a, const int *lda,
                  const double *b, const int *ldb, const double *beta, double *c,
                  const int *ldc);

void scipy_dgemv_(const char *trans, const int *m, const int *n, const double *alpha,
                  const double *a, const int *lda, const double *x, const int *incx,
                  const double *beta, double *y, const int *incy);

/* C = alpha op(A) op(B) + beta C */
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b,
            const int *ldb, const double *beta, double *c, const int *ldc) {
    scipy_dgemm_(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/* y = alpha op(A) x + beta y */
void dgemv_(const char *trans, const int *m, const int *n, const double *alpha,
            const double *a, const int *lda, const double *x, const int *incx,
            const double *beta, double *y, const int *incy) {
    scipy_dgemv_(trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
}
