package org.neuralnotes.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The matrix products of the forward and backward passes, in one place so that an
 * optimized BLAS can take them. Every method checks its arguments, writes into {@code C}
 * (reshaping it) and returns it; {@code C} must be a matrix of its own, not A, B or b.
 *
 * <h2>Which engine computes the products</h2>
 * Chosen once, on the first product, by the system property {@code neuralnotes.engine}:
 * <ul>
 *   <li>{@code auto} (default): {@link BlasEngine} (native OpenBLAS) when it loads, otherwise
 *       {@link PlainEngine} (EJML); {@link #engineStatus()} then says why BLAS was not used;</li>
 *   <li>{@code blas}: the native engine or, if it cannot load, an IllegalStateException on
 *       every product saying why;</li>
 *   <li>{@code plain}: EJML's own products, the reference;</li>
 *   <li>a class name, e.g. {@code com.example.MyEngine}: that {@link Engine}, made with its
 *       public no-argument constructor (used by the benchmarks to compare other routes).</li>
 * </ul>
 * In a notebook: {@code System.setProperty("neuralnotes.engine", "plain")} before the first
 * product. {@link #engineName()} tells which one is in use. Both engines agree to rounding
 * (tested); they may differ in the last bits because they add in a different order.
 */
public final class Products {
    /** The system property that chooses the engine: auto, blas or plain. */
    public static final String ENGINE_PROPERTY = "neuralnotes.engine";

    private Products() {}

    /** C = A·B */
    public static DMatrixRMaj mult(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        return gemm(false, false, 1.0, A, B, 0.0, C);
    }

    /** C = Aᵀ·B */
    public static DMatrixRMaj multTransA(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        return gemm(true, false, 1.0, A, B, 0.0, C);
    }

    /** C = A·Bᵀ */
    public static DMatrixRMaj multTransB(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        return gemm(false, true, 1.0, A, B, 0.0, C);
    }

    /**
     * The general product C = α·op(A)·op(B) + β·C (BLAS dgemm), op(X) = X or Xᵀ. When β ≠ 0,
     * C must already have the result's shape; when β = 0 it is reshaped and overwritten.
     */
    public static DMatrixRMaj gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj A,
                                   DMatrixRMaj B, double beta, DMatrixRMaj C) {
        checkProduct(transA, transB, A, B, C);
        checkScalars(alpha, beta, transA ? A.numCols : A.numRows, transB ? B.numRows : B.numCols, C);
        engine().gemm(transA, transB, alpha, A, B, beta, C);
        return C;
    }

    /** α and β finite; C reshaped to rows × cols when β = 0, else required to have that shape. */
    private static void checkScalars(double alpha, double beta, int rows, int cols, DMatrixRMaj C) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha: expected a finite number, found " + alpha);
        }
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta: expected a finite number, found " + beta);
        }
        if (beta == 0.0) {
            C.reshape(rows, cols);
        } else {
            Checks.shape("C", C, rows, cols);
        }
    }

    /** The engine in use, chosen on first use (see the class comment). */
    public static Engine engine() {
        return Selection.INSTANCE.engine();
    }

    /** The name of the engine in use, e.g. "blas (/usr/lib/…/libopenblas.so.0)" or "plain". */
    public static String engineName() {
        return engine().name();
    }

    /** One sentence: the engine in use, how it was chosen and, if BLAS is not used, why. */
    public static String engineStatus() {
        return Selection.INSTANCE.status();
    }

    private static void checkProduct(boolean transA, boolean transB, DMatrixRMaj A,
                                     DMatrixRMaj B, DMatrixRMaj C) {
        Checks.nonEmpty("A", A);
        Checks.nonEmpty("B", B);
        if (C == null) {
            throw new IllegalArgumentException("C: expected a matrix for the result, found null");
        }
        if (C == A || C == B) {
            throw new IllegalArgumentException("C: expected a matrix other than A and B (the"
                    + " product cannot overwrite its input), found the same matrix as "
                    + (C == A ? "A" : "B"));
        }
        int inner = transA ? A.numRows : A.numCols;
        int innerB = transB ? B.numCols : B.numRows;
        if (inner != innerB) {
            String opA = transA ? "Aᵀ" : "A";
            String opB = transB ? "Bᵀ" : "B";
            throw new IllegalArgumentException("B: expected " + opB + " to have " + inner
                    + " rows to match the columns of " + opA + " (A is " + Checks.shape(A)
                    + "), found B of shape " + Checks.shape(B));
        }
    }

    /** The engine choice, made once per JVM on first use. */
    static final class Selection {
        static final Selection INSTANCE =
                new Selection(System.getProperty(ENGINE_PROPERTY, "auto"));

        private final Engine engine;
        private final String status;
        private final IllegalStateException failure;

        /** The choice for one value of the property (package-private for the tests). */
        Selection(String property) {
            String given = property == null ? "auto" : property.trim();
            String wanted = given.contains(".") ? "class" : given.toLowerCase();
            Engine chosen = null;
            String note;
            IllegalStateException error = null;
            switch (wanted) {
                case "plain":
                    chosen = new PlainEngine();
                    note = "plain (EJML), chosen by " + ENGINE_PROPERTY + "=plain";
                    break;
                case "blas":
                    try {
                        chosen = BlasEngine.load();
                        note = chosen.name() + ", chosen by " + ENGINE_PROPERTY + "=blas";
                    } catch (IllegalStateException e) {
                        error = new IllegalStateException(ENGINE_PROPERTY + "=blas was asked"
                                + " for but cannot be used: " + e.getMessage(), e);
                        note = error.getMessage();
                    }
                    break;
                case "auto":
                case "":
                    try {
                        chosen = BlasEngine.load();
                        note = chosen.name() + ", chosen automatically (" + ENGINE_PROPERTY
                                + "=auto)";
                    } catch (IllegalStateException e) {
                        chosen = new PlainEngine();
                        note = "plain (EJML), because " + e.getMessage();
                    }
                    break;
                case "class":
                    try {
                        chosen = (Engine) Class.forName(given, true,
                                Thread.currentThread().getContextClassLoader())
                                .getDeclaredConstructor().newInstance();
                        note = chosen.name() + ", chosen by " + ENGINE_PROPERTY + "=" + given;
                    } catch (ReflectiveOperationException | ClassCastException
                             | LinkageError e) {
                        error = new IllegalStateException(ENGINE_PROPERTY + "=" + given
                                + ": expected a class implementing " + Engine.class.getName()
                                + " with a public no-argument constructor, found " + e, e);
                        note = error.getMessage();
                    }
                    break;
                default:
                    error = new IllegalStateException(ENGINE_PROPERTY + ": expected auto, blas,"
                            + " plain or an Engine class name, found \"" + given + "\"");
                    note = error.getMessage();
            }
            this.engine = chosen;
            this.status = note;
            this.failure = error;
        }

        Engine engine() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return engine;
        }

        String status() {
            return status;
        }
    }
}
