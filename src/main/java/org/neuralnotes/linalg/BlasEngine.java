package org.neuralnotes.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The fast engine: {@code dgemm} of a native OpenBLAS, called through
 * {@code dev.ludovic.netlib:blas} ({@code JNIBLAS}), which hands EJML's own {@code double[]}
 * arrays to the native code without copying them.
 *
 * <p>Row-major trick: a row-major r×c array read in column-major order is the c×r transpose,
 * so C = op(A)·op(B) is computed as the column-major product Cᵀ = op(B)ᵀ·op(A)ᵀ, which is
 * {@code dgemm(opB, opA, n, m, k, α, B, ldb, A, lda, β, C, n)} on the same arrays.
 *
 * <p>Where the native library comes from is decided by {@link BlasLibrary}; use
 * {@link #load()} to get the engine or an explanation of why it is not available.
 */
public final class BlasEngine implements Engine {
    private final BLAS blas;
    private final String library;
    /** the transposed result of {@link #productTransposed}, reused call after call on each thread */
    private final ThreadLocal<DMatrixRMaj> scratch = ThreadLocal.withInitial(() -> new DMatrixRMaj(1, 1));

    private BlasEngine(BLAS blas, String library) {
        this.blas = blas;
        this.library = library;
    }

    /**
     * Loads the native BLAS once per call site (the underlying library is loaded once per JVM).
     *
     * @throws IllegalStateException when no native OpenBLAS can be found or loaded; the message
     *                               says what was tried and how to install it
     */
    public static BlasEngine load() {
        String library = BlasLibrary.locate();
        // dev.ludovic.netlib also sets up its pure-Java fallbacks on first use and logs a
        // warning for each one the JVM lacks (VectorBLAS needs jdk.incubator.vector); this
        // engine never uses them, so those warnings are silenced while it loads.
        Logger builderLog = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
        Level previous = builderLog.getLevel();
        builderLog.setLevel(Level.SEVERE);
        try {
            BLAS blas = NativeBLAS.getInstance();
            return new BlasEngine(blas, library);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("native BLAS: found " + library
                    + " but could not load it through dev.ludovic.netlib (" + e + ")", e);
        } finally {
            builderLog.setLevel(previous);
        }
    }

    @Override
    public String name() {
        return "blas (" + library + ")";
    }

    /** The path of the native library in use. */
    public String library() {
        return library;
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj A, DMatrixRMaj B,
                     double beta, DMatrixRMaj C) {
        int k = transA ? A.numRows : A.numCols;
        if (beta == 0.0 && longSideFirst(C.numRows, C.numCols, k)) {
            productTransposed(transA, transB, alpha, A, B, C, k);
            return;
        }
        product(transA, transB, alpha, A, B, beta, C);
    }

    /**
     * Whether C (m × n) is computed faster as its transpose. OpenBLAS runs at its best when the
     * long side of the result is its first dimension; the row-major trick makes that n. For a
     * tall C from a long inner product (Z = X·W of 10 000 × 784 by 784 × 64, ∂L/∂W = Xᵀ·δ of
     * 784 × 10 000 by 10 000 × 64) computing m × n column-major and transposing it measured
     * 8–19% faster, transpose included; for short inner products or small results it is slower.
     */
    static boolean longSideFirst(int m, int n, int k) {
        return m >= 4 * n && k >= 256 && (double) m * n * k >= 1 << 24;
    }

    /** C = α·op(A)·op(B) as the column-major m × n product (the row-major Cᵀ), then transposed. */
    private void productTransposed(boolean transA, boolean transB, double alpha, DMatrixRMaj A,
                                   DMatrixRMaj B, DMatrixRMaj C, int k) {
        int m = C.numRows;
        int n = C.numCols;
        DMatrixRMaj T = scratch.get();
        T.reshape(n, m);
        // a row-major array read column-major is the transpose: A's is Aᵀ, B's is Bᵀ
        blas.dgemm(transA ? "N" : "T", transB ? "N" : "T", m, n, k,
                alpha, A.data, 0, Math.max(1, A.numCols), B.data, 0, Math.max(1, B.numCols),
                0.0, T.data, 0, m);
        CommonOps_DDRM.transpose(T, C);
    }

    /** C = α·op(A)·op(B) + β·C through the row-major trick of the class comment. */
    private void product(boolean transA, boolean transB, double alpha, DMatrixRMaj A,
                         DMatrixRMaj B, double beta, DMatrixRMaj C) {
        int m = C.numRows;
        int n = C.numCols;
        int k = transA ? A.numRows : A.numCols;
        if ((n == 1 || m == 1) && k > 1) {
            gemv(transA, transB, alpha, A, B, beta, C, m, n, k);
            return;
        }
        // column-major: Cᵀ (n×m) = α·op(B)ᵀ·op(A)ᵀ + β·Cᵀ on the row-major arrays as they are
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, B.data, 0, Math.max(1, B.numCols), A.data, 0, Math.max(1, A.numCols),
                beta, C.data, 0, Math.max(1, n));
    }

    /**
     * A product whose result is a single column or row is a matrix-vector product: dgemv is
     * several times faster there than dgemm (e.g. z = X·w in logistic regression).
     */
    private void gemv(boolean transA, boolean transB, double alpha, DMatrixRMaj A, DMatrixRMaj B,
                      double beta, DMatrixRMaj C, int m, int n, int k) {
        double[] a = A.data;
        int cols = A.numCols;
        if (beta == 0.0) {
            // β = 0 means "ignore C", also when C holds NaN; dgemv would compute 0·C
            java.util.Arrays.fill(C.data, 0, m * n, 0.0);
        }
        if (n == 1) {
            // c = α·op(A)·x + β·c, x = op(B) a vector of k entries (contiguous either way);
            // A's array read column-major is Aᵀ
            if (transA) {
                blas.dgemv("N", m, k, alpha, a, 0, cols, B.data, 0, 1, beta, C.data, 0, 1);
            } else {
                blas.dgemv("T", k, m, alpha, a, 0, cols, B.data, 0, 1, beta, C.data, 0, 1);
            }
        } else {
            // cᵀ = α·op(B)ᵀ·aᵀ + β·cᵀ, a = op(A) a vector of k entries; B's array read
            // column-major is Bᵀ
            if (transB) {
                blas.dgemv("T", k, n, alpha, B.data, 0, k, a, 0, 1, beta, C.data, 0, 1);
            } else {
                blas.dgemv("N", n, k, alpha, B.data, 0, n, a, 0, 1, beta, C.data, 0, 1);
            }
        }
    }

    @Override
    public String toString() {
        return "BlasEngine(" + library + ")";
    }
}
