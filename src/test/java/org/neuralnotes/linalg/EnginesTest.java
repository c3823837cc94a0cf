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

    @Test
    void aBlockOfRowsReadInPlaceGivesTheProductOfItsCopy() {
        Engine fast = fastOrNull();
        Engine[] engines = fast == null ? new Engine[] {new PlainEngine()}
                : new Engine[] {new PlainEngine(), fast};
        Rng rng = new Rng(11L);
        // {rows of A, cols of A, cols of B, first, rows of the block}: a matrix-vector product
        // (one column of B), one row, the last row, all rows, a batch in the middle
        int[][] cases = {{40, 6, 1, 7, 13}, {40, 6, 3, 0, 1}, {40, 6, 3, 39, 1}, {40, 6, 5, 0, 40},
            {300, 17, 9, 128, 128}, {9, 1, 4, 2, 5}};
        for (Engine engine : engines) {
            for (int[] c : cases) {
                DMatrixRMaj A = uniform(c[0], c[1], rng);
                int first = c[3];
                int rows = c[4];
                DMatrixRMaj R = new DMatrixRMaj(rows, c[1]);
                System.arraycopy(A.data, first * c[1], R.data, 0, rows * c[1]);
                for (boolean transA : new boolean[] {false, true}) {
                    // B has as many rows as op(R) has columns
                    DMatrixRMaj B = uniform(transA ? rows : c[1], c[2], rng);
                    DMatrixRMaj C0 = uniform(transA ? c[1] : rows, c[2], rng);
                    for (double[] ab : new double[][] {{1.0, 0.0}, {-0.5, 2.0}}) {
                        DMatrixRMaj expected = C0.copy();
                        DMatrixRMaj actual = C0.copy();
                        new PlainEngine().gemm(transA, false, ab[0], R, B, ab[1], expected);
                        engine.gemmRows(transA, ab[0], A, first, rows, B, ab[1], actual);
                        DMatrixRMaj scale = abs(C0);
                        new PlainEngine().gemm(transA, false, Math.abs(ab[0]), abs(R), abs(B),
                                Math.abs(ab[1]), scale);
                        assertAgree(expected, actual, scale, engine.name() + " rows " + first + "+"
                                + rows + " of " + c[0] + "x" + c[1] + " transA=" + transA
                                + " alpha=" + ab[0] + " beta=" + ab[1]);
                    }
                }
            }
        }
    }

    @Test
    void aBlockOfRowsOutsideTheMatrixIsRefused() {
        Rng rng = new Rng(12L);
        DMatrixRMaj A = uniform(10, 3, rng);
        DMatrixRMaj B = uniform(3, 2, rng);
        DMatrixRMaj C = new DMatrixRMaj(1, 1);
        Fixtures.refuses(() -> Products.multRows(A, -1, 2, B, C), "first:", "0..9", "-1");
        Fixtures.refuses(() -> Products.multRows(A, 10, 1, B, C), "first:", "0..9", "10");
        Fixtures.refuses(() -> Products.multRows(A, 4, 7, B, C), "rows:", "1..6", "7");
        Fixtures.refuses(() -> Products.multRows(A, 4, 0, B, C), "rows:", "1..6", "0");
        Fixtures.refuses(() -> Products.multTransARows(A, 0, 4, B, C), "B:", "4 rows", "3x2");
        Fixtures.refuses(() -> Products.multRows(A, 0, 4, B, A), "C:", "other than A");
        // C = R·B and C = Rᵀ·D through the checked entry points
        DMatrixRMaj R = new DMatrixRMaj(4, 3);
        System.arraycopy(A.data, 3 * 3, R.data, 0, 12);
        DMatrixRMaj expected = new DMatrixRMaj(4, 2);
        new PlainEngine().gemm(false, false, 1.0, R, B, 0.0, expected);
        assertAgree(expected, Products.multRows(A, 3, 4, B, C), scale(false, false, R, B), "multRows");
        DMatrixRMaj D = uniform(4, 2, rng);
        DMatrixRMaj expectedT = new DMatrixRMaj(3, 2);
        new PlainEngine().gemm(true, false, 1.0, R, D, 0.0, expectedT);
        assertAgree(expectedT, Products.multTransARows(A, 3, 4, D, new DMatrixRMaj(1, 1)),
                scale(true, false, R, D), "multTransARows");
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
    void theGeneralRowsProductAddsIntoCAndChecksItsShape() {
        Rng rng = new Rng(13L);
        DMatrixRMaj X = uniform(10, 3, rng);
        DMatrixRMaj D = uniform(4, 2, rng);
        DMatrixRMaj W = uniform(3, 2, rng);
        DMatrixRMaj R = new DMatrixRMaj(4, 3);
        System.arraycopy(X.data, 5 * 3, R.data, 0, 12);
        // W ← W − ½·Rᵀ·D, R rows 5 … 8 of X: a gradient-descent step made inside the product
        DMatrixRMaj expected = W.copy();
        new PlainEngine().gemm(true, false, -0.5, R, D, 1.0, expected);
        DMatrixRMaj scale = abs(W);
        new PlainEngine().gemm(true, false, 0.5, abs(R), abs(D), 1.0, scale);
        DMatrixRMaj actual = W.copy();
        assertTrue(actual == Products.gemmRows(true, -0.5, X, 5, 4, D, 1.0, actual));
        assertAgree(expected, actual, scale, "W − ½·Rᵀ·D");
        // every row of X is the product of X itself, with the same β = 1 meaning
        DMatrixRMaj whole = uniform(3, 2, rng);
        DMatrixRMaj wholeExpected = whole.copy();
        DMatrixRMaj E = uniform(10, 2, rng);
        new PlainEngine().gemm(true, false, 2.0, X, E, 1.0, wholeExpected);
        DMatrixRMaj wholeScale = abs(whole);
        new PlainEngine().gemm(true, false, 2.0, abs(X), abs(E), 1.0, wholeScale);
        assertAgree(wholeExpected, Products.gemmRows(true, 2.0, X, 0, 10, E, 1.0, whole), wholeScale,
                "W + 2·Xᵀ·E");
        // β ≠ 0 needs C in the result's shape; α and β finite
        Fixtures.refuses(() -> Products.gemmRows(true, -0.5, X, 5, 4, D, 1.0, new DMatrixRMaj(2, 3)),
                "C:", "3x2", "2x3");
        Fixtures.refuses(() -> Products.gemmRows(true, Double.NaN, X, 5, 4, D, 1.0, W.copy()),
                "alpha", "NaN");
        Fixtures.refuses(() -> Products.gemmRows(true, 1.0, X, 5, 4, D, Double.POSITIVE_INFINITY,
                W.copy()), "beta", "Infinity");
        Fixtures.refuses(() -> Products.gemmRows(true, 1.0, X, 8, 4, D, 1.0, W.copy()), "rows:");
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
