package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.Fixtures;
import org.neuralnotes.random.Rng;

/**
 * The fast engine against the plain reference: every product, on shapes from 1×1 to tall and
 * skinny, agrees to rounding. The bound for entry (i, j) is 1e-12 · Σₖ |a_ik|·|b_kj|, the scale
 * at which floating-point sums in a different order may differ.
 */
class EnginesTest {
    private static final double TOLERANCE = 1e-12;

    /** {rows of op(A), inner, cols of op(B)} */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {7, 1, 5}, {1, 9, 6}, {6, 9, 1},
        {1000, 3, 2}, {3, 1000, 2}, {1000, 100, 1}, {1, 1000, 300}, {1, 2, 1}, {2, 1, 1}, {2, 3, 1000}, {64, 784, 10}, {129, 65, 33}, {200, 200, 200},
        // tall results of long inner products, which the BLAS engine computes transposed
        {2000, 300, 40}, {1200, 4000, 8},
    };

    private static DMatrixRMaj uniform(int rows, int cols, Rng rng) {
        DMatrixRMaj M = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < M.data.length; i++) {
            M.data[i] = rng.uniform(-1, 1);
        }
        return M;
    }

    private static DMatrixRMaj abs(DMatrixRMaj M) {
        DMatrixRMaj R = M.copy();
        for (int i = 0; i < R.getNumElements(); i++) {
            R.data[i] = Math.abs(R.data[i]);
        }
        return R;
    }

    /** A stored as given: r×k, or k×r when it enters transposed. */
    private static DMatrixRMaj operand(boolean trans, int rows, int cols, Rng rng) {
        return trans ? uniform(cols, rows, rng) : uniform(rows, cols, rng);
    }

    private static void assertAgree(DMatrixRMaj expected, DMatrixRMaj actual, DMatrixRMaj scale,
                                    String what) {
        assertEquals(expected.numRows, actual.numRows, what + ": rows");
        assertEquals(expected.numCols, actual.numCols, what + ": cols");
        for (int i = 0; i < expected.getNumElements(); i++) {
            double bound = TOLERANCE * Math.max(scale.data[i], Double.MIN_NORMAL);
            double error = Math.abs(expected.data[i] - actual.data[i]);
            assertTrue(error <= bound, what + ": entry " + i + " differs by " + error
                    + " (bound " + bound + "): " + expected.data[i] + " vs " + actual.data[i]);
        }
    }

    /** |op(A)|·|op(B)|, the scale of rounding errors in op(A)·op(B). */
    private static DMatrixRMaj scale(boolean transA, boolean transB, DMatrixRMaj A,
                                     DMatrixRMaj B) {
        DMatrixRMaj S = new DMatrixRMaj(transA ? A.numCols : A.numRows,
                transB ? B.numRows : B.numCols);
        new PlainEngine().gemm(transA, transB, 1.0, abs(A), abs(B), 0.0, S);
        return S;
    }

    private static Engine fastOrNull() {
        try {
            return BlasEngine.load();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    @Test
    void fastEngineAgreesWithPlainOnEveryShapeAndTransposition() {
        Engine fast = fastOrNull();
        if (fast == null) {
            // no native library on this machine: the automatic choice must fall back and say why
            Products.Selection auto = new Products.Selection("auto");
            assertEquals("plain", auto.engine().name());
            assertTrue(auto.status().contains("native BLAS"), auto.status());
            return;
        }
        Engine plain = new PlainEngine();
        Rng rng = new Rng(20240611L);
        double[][] alphaBeta = {{1.0, 0.0}, {0.25, 0.0}, {1.0, 1.0}, {-0.5, 2.0}};
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                DMatrixRMaj A = operand(transA, s[0], s[1], rng);
                DMatrixRMaj B = operand(transB, s[1], s[2], rng);
                DMatrixRMaj C0 = uniform(s[0], s[2], rng);
                for (double[] ab : alphaBeta) {
                    DMatrixRMaj expected = C0.copy();
                    DMatrixRMaj actual = C0.copy();
                    plain.gemm(transA, transB, ab[0], A, B, ab[1], expected);
                    fast.gemm(transA, transB, ab[0], A, B, ab[1], actual);
                    // scale = |α|·|op(A)|·|op(B)| + |β|·|C0|
                    DMatrixRMaj scale = abs(C0);
                    plain.gemm(transA, transB, Math.abs(ab[0]), abs(A), abs(B),
                            Math.abs(ab[1]), scale);
                    assertAgree(expected, actual, scale, s[0] + "x" + s[1] + "x" + s[2]
                            + " transA=" + transA + " transB=" + transB
                            + " alpha=" + ab[0] + " beta=" + ab[1]);
                }
            }
        }
    }

    /** The shapes above that the BLAS engine computes transposed are among those checked against plain. */
    @Test
    void theTransposedRouteIsTakenForTallResultsOfLongInnerProductsOnly() {
        // {m, k, n} of C (m × n) = op(A)·op(B): W2's first layer forward and gradient, and the test shapes
        for (int[] s : new int[][] {{10000, 784, 64}, {784, 10000, 64}, {2000, 300, 40}, {1200, 4000, 8}}) {
            assertTrue(BlasEngine.longSideFirst(s[0], s[2], s[1]), java.util.Arrays.toString(s));
        }
        // short inner products, square or small results: W2's output layer, W3's batches of 128
        for (int[] s : new int[][] {{10000, 64, 10}, {10000, 10, 64}, {128, 784, 128}, {784, 128, 128},
                {200, 200, 200}, {64, 784, 10}}) {
            assertTrue(!BlasEngine.longSideFirst(s[0], s[2], s[1]), java.util.Arrays.toString(s));
        }
    }

    @Test
    void betaZeroIgnoresWhatCHeldEvenNaN() {
        Engine fast = fastOrNull();
        Engine[] engines = fast == null ? new Engine[] {new PlainEngine()}
                : new Engine[] {new PlainEngine(), fast};
        Rng rng = new Rng(3L);
        for (Engine engine : engines) {
            for (int[] s : new int[][] {{5, 4, 1}, {1, 4, 5}, {5, 4, 3}}) {
                DMatrixRMaj A = uniform(s[0], s[1], rng);
                DMatrixRMaj B = uniform(s[1], s[2], rng);
                DMatrixRMaj C = new DMatrixRMaj(s[0], s[2]);
                java.util.Arrays.fill(C.data, Double.NaN);
                engine.gemm(false, false, 1.0, A, B, 0.0, C);
                DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]);
                new PlainEngine().gemm(false, false, 1.0, A, B, 0.0, expected);
                assertAgree(expected, C, scale(false, false, A, B), engine.name() + " beta=0");
            }
        }
    }

    @Test
    void productsMatchThePlainFormulasWhicheverEngineIsInUse() {
        Rng rng = new Rng(7L);
        DMatrixRMaj X = uniform(50, 4, rng);
        DMatrixRMaj W = uniform(4, 3, rng);
        DMatrixRMaj D = uniform(50, 3, rng);
        PlainEngine plain = new PlainEngine();

        // Z = X·W, G = Xᵀ·D, H = D·Wᵀ
        DMatrixRMaj Z = Products.mult(X, W, new DMatrixRMaj(1, 1));
        DMatrixRMaj G = Products.multTransA(X, D, new DMatrixRMaj(1, 1));
        DMatrixRMaj H = Products.multTransB(D, W, new DMatrixRMaj(1, 1));
        DMatrixRMaj Zp = new DMatrixRMaj(50, 3);
        DMatrixRMaj Gp = new DMatrixRMaj(4, 3);
        DMatrixRMaj Hp = new DMatrixRMaj(50, 4);
        plain.gemm(false, false, 1, X, W, 0, Zp);
        plain.gemm(true, false, 1, X, D, 0, Gp);
        plain.gemm(false, true, 1, D, W, 0, Hp);
        assertAgree(Zp, Z, scale(false, false, X, W), "X·W");
        assertAgree(Gp, G, scale(true, false, X, D), "Xᵀ·D");
        assertAgree(Hp, H, scale(false, true, D, W), "D·Wᵀ");
    }

    @Test
    void rowHelpersAddTheBiasAndSumOverRows() {
        DMatrixRMaj Z = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{10, 20, 30}});
        Rows.addRow(Z, b);
        assertEquals(new DMatrixRMaj(new double[][] {{11, 22, 33}, {14, 25, 36}}).toString(),
                Z.toString());
        // db = (1/2)·Σᵢ Z[i, :] = (12.5, 23.5, 34.5)
        DMatrixRMaj db = Rows.sumRows(0.5, Z, new DMatrixRMaj(3, 3));
        assertEquals(1, db.numRows);
        assertEquals(3, db.numCols);
        assertEquals(12.5, db.get(0, 0), 0.0);
        assertEquals(23.5, db.get(0, 1), 0.0);
        assertEquals(34.5, db.get(0, 2), 0.0);
    }

    @Test
    void shapeErrorsNameTheArgumentAndBothShapes() {
        DMatrixRMaj A = new DMatrixRMaj(3, 4);
        DMatrixRMaj B = new DMatrixRMaj(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Products.mult(A, B, new DMatrixRMaj(1, 1)));
        assertTrue(e.getMessage().startsWith("B:"), e.getMessage());
        assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("5x2"),
                e.getMessage());
        // Aᵀ·B needs the same number of rows
        e = assertThrows(IllegalArgumentException.class,
                () -> Products.multTransA(A, B, new DMatrixRMaj(1, 1)));
        assertTrue(e.getMessage().contains("Aᵀ") && e.getMessage().contains("3 rows"),
                e.getMessage());
        // A·Bᵀ needs the same number of columns
        e = assertThrows(IllegalArgumentException.class,
                () -> Products.multTransB(A, B, new DMatrixRMaj(1, 1)));
        assertTrue(e.getMessage().contains("Bᵀ") && e.getMessage().contains("4 rows"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Products.mult(A, new DMatrixRMaj(4, 4), A));
        assertTrue(e.getMessage().startsWith("C:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Products.mult(new DMatrixRMaj(0, 4), new DMatrixRMaj(4, 4),
                        new DMatrixRMaj(1, 1)));
        assertTrue(e.getMessage().startsWith("A:") && e.getMessage().contains("0x4"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Products.gemm(false, false, 1, A, new DMatrixRMaj(4, 2), 1,
                        new DMatrixRMaj(2, 2)));
        assertTrue(e.getMessage().startsWith("C:") && e.getMessage().contains("3x2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Rows.addRow(A, new DMatrixRMaj(1, 3)));
        assertTrue(e.getMessage().startsWith("b:"), e.getMessage());
    }

    @Test
    void engineChoiceFollowsThePropertyAndSaysWhy() {
        Products.Selection plain = new Products.Selection("plain");
        assertTrue(plain.engine() instanceof PlainEngine);
        assertTrue(plain.status().contains("neuralnotes.engine=plain"), plain.status());

        Products.Selection wrong = new Products.Selection("fastest");
        IllegalStateException e = assertThrows(IllegalStateException.class, wrong::engine);
        assertTrue(e.getMessage().contains("neuralnotes.engine") && e.getMessage().contains(
                "fastest"), e.getMessage());

        Products.Selection byClass = new Products.Selection(PlainEngine.class.getName());
        assertTrue(byClass.engine() instanceof PlainEngine);
        Products.Selection notAnEngine = new Products.Selection("java.lang.String");
        e = assertThrows(IllegalStateException.class, notAnEngine::engine);
        assertTrue(e.getMessage().contains("java.lang.String") && e.getMessage().contains(
                Engine.class.getName()), e.getMessage());

        Products.Selection blas = new Products.Selection("blas");
        Products.Selection auto = new Products.Selection("auto");
        if (fastOrNull() != null) {
            assertTrue(blas.engine() instanceof BlasEngine);
            assertTrue(auto.engine() instanceof BlasEngine);
        } else {
            assertThrows(IllegalStateException.class, blas::engine);
            assertTrue(auto.engine() instanceof PlainEngine);
        }
        // the engine in use is named and the status names it too
        assertTrue(Products.engineStatus().startsWith(Products.engineName()),
                Products.engineStatus());
        assertSame(Products.engine(), Products.engine());
    }
}
