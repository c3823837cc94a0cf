package org.neuralnotes.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

class InitializersTest {

    // ---- exact values: the same seed replayed in the test, entry by entry in row-major order

    @Test
    void uniformDrawsAPlusBMinusATimesURowMajor() {
        DMatrixRMaj M = new DMatrixRMaj(3, 4);
        Initializers.uniform(-1, 1).fill(M, 3, 4, new Rng(42));
        Rng replay = new Rng(42);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                double u = replay.nextDouble();
                assertEquals(-1.0 + 2.0 * u, M.get(r, c), 0.0, "M(" + r + "," + c + ")");
            }
        }
    }

    @Test
    void noteThreeRuleIsUniformMinusHalfValueForValue() {
        DMatrixRMaj M = new DMatrixRMaj(5, 7);
        Initializers.uniform(-0.5, 0.5).fill(M, 5, 7, new Rng(3));
        Rng replay = new Rng(3);
        for (int i = 0; i < M.getNumElements(); i++) {
            // note 003: U(0, 1) − ½
            assertEquals(replay.nextDouble() - 0.5, M.data[i], 0.0, "entry " + i);
        }
    }

    @Test
    void normalDrawsMeanPlusSdTimesGaussian() {
        DMatrixRMaj M = new DMatrixRMaj(4, 3);
        Initializers.normal(2.0, 0.5).fill(M, 4, 3, new Rng(7));
        Rng replay = new Rng(7);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(2.0 + 0.5 * replay.nextGaussian(), M.get(r, c), 0.0);
            }
        }
    }

    @Test
    void xavierUniformUsesLimitFromBothFans() {
        DMatrixRMaj M = new DMatrixRMaj(3, 5);
        Initializers.xavierUniform().fill(M, 3, 5, new Rng(11));
        double L = Math.sqrt(6.0 / 8.0);
        Rng replay = new Rng(11);
        for (int i = 0; i < 15; i++) {
            assertEquals(-L + 2 * L * replay.nextDouble(), M.data[i], 1e-15);
        }
    }

    @Test
    void xavierNormalUsesSdFromBothFans() {
        DMatrixRMaj M = new DMatrixRMaj(3, 5);
        Initializers.xavierNormal().fill(M, 3, 5, new Rng(12));
        double sd = Math.sqrt(2.0 / 8.0);
        Rng replay = new Rng(12);
        for (int i = 0; i < 15; i++) {
            assertEquals(sd * replay.nextGaussian(), M.data[i], 1e-15);
        }
    }

    @Test
    void heRulesUseFanInOnly() {
        DMatrixRMaj N = new DMatrixRMaj(4, 2);
        Initializers.heNormal().fill(N, 4, 1000, new Rng(13));
        DMatrixRMaj U = new DMatrixRMaj(4, 2);
        Initializers.heUniform().fill(U, 4, 1000, new Rng(13));
        Rng replayN = new Rng(13);
        Rng replayU = new Rng(13);
        double sd = Math.sqrt(2.0 / 4.0);
        double L = Math.sqrt(6.0 / 4.0);
        for (int i = 0; i < 8; i++) {
            assertEquals(sd * replayN.nextGaussian(), N.data[i], 1e-15);
            assertEquals(-L + 2 * L * replayU.nextDouble(), U.data[i], 1e-15);
        }
    }

    @Test
    void drawsExactlyOneNumberPerEntry() {
        Rng used = new Rng(5);
        Initializers.uniform(0, 1).fill(new DMatrixRMaj(2, 3), 2, 3, used);
        Rng replay = new Rng(5);
        for (int i = 0; i < 6; i++) {
            replay.nextDouble();
        }
        assertEquals(replay.nextLong(), used.nextLong());

        Rng usedN = new Rng(6);
        Initializers.heNormal().fill(new DMatrixRMaj(3, 3), 3, 3, usedN);
        Rng replayN = new Rng(6);
        for (int i = 0; i < 9; i++) {
            replayN.nextGaussian();
        }
        assertEquals(replayN.nextLong(), usedN.nextLong());
    }

    @Test
    void sameSeedSameMatrixDifferentSeedDifferentMatrix() {
        DMatrixRMaj A = new DMatrixRMaj(10, 10);
        DMatrixRMaj B = new DMatrixRMaj(10, 10);
        DMatrixRMaj C = new DMatrixRMaj(10, 10);
        Initializers.xavierNormal().fill(A, 10, 10, new Rng(99));
        Initializers.xavierNormal().fill(B, 10, 10, new Rng(99));
        Initializers.xavierNormal().fill(C, 10, 10, new Rng(100));
        for (int i = 0; i < 100; i++) {
            assertEquals(Double.doubleToRawLongBits(A.data[i]), Double.doubleToRawLongBits(B.data[i]));
        }
        int equal = 0;
        for (int i = 0; i < 100; i++) {
            equal += A.data[i] == C.data[i] ? 1 : 0;
        }
        assertEquals(0, equal);
    }

    @Test
    void zerosAndConstantFillEveryEntryAndNeedNoGenerator() {
        DMatrixRMaj M = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        Initializers.zeros().fill(M, 2, 2, null);
        for (double v : M.data) {
            assertEquals(0.0, v, 0.0);
        }
        Initializers.constant(-0.25).fill(M, 2, 2, null);
        for (double v : M.data) {
            assertEquals(-0.25, v, 0.0);
        }
    }

    @Test
    void fillKeepsTheShape() {
        DMatrixRMaj M = new DMatrixRMaj(1, 6);
        Initializers.heUniform().fill(M, 3, 6, new Rng(1));
        assertEquals(1, M.numRows);
        assertEquals(6, M.numCols);
    }

    // ---- moments within sampling error (n = 60000; 5 standard errors)

    private static final int ROWS = 200;
    private static final int COLS = 300;

    private static double[] meanAndVariance(DMatrixRMaj M) {
        int n = M.getNumElements();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += M.data[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = M.data[i] - mean;
            var += d * d;
        }
        return new double[] {mean, var / (n - 1)};
    }

    /** Mean within 5σ/√n; variance within 5·√((μ4 − σ⁴)/n) with μ4 the fourth central moment. */
    private static void assertMoments(DMatrixRMaj M, double mean, double var, double mu4,
                                      String what) {
        int n = M.getNumElements();
        double[] mv = meanAndVariance(M);
        double seMean = Math.sqrt(var / n);
        double seVar = Math.sqrt((mu4 - var * var) / n);
        assertEquals(mean, mv[0], 5 * seMean, what + ": mean");
        assertEquals(var, mv[1], 5 * seVar, what + ": variance");
    }

    private static void assertUniformMoments(DMatrixRMaj M, double a, double b, String what) {
        double w = b - a;
        // U(a, b): variance w²/12, fourth central moment w⁴/80
        assertMoments(M, (a + b) / 2, w * w / 12, w * w * w * w / 80, what);
    }

    private static void assertNormalMoments(DMatrixRMaj M, double mean, double sd, String what) {
        double var = sd * sd;
        // N(μ, σ²): fourth central moment 3σ⁴
        assertMoments(M, mean, var, 3 * var * var, what);
    }

    @Test
    void uniformMomentsAndBounds() {
        DMatrixRMaj M = new DMatrixRMaj(ROWS, COLS);
        Initializers.uniform(-1, 3).fill(M, ROWS, COLS, new Rng(21));
        assertUniformMoments(M, -1, 3, "uniform(-1, 3)");
        assertBounds(M, -1, 3);
    }

    @Test
    void normalMoments() {
        DMatrixRMaj M = new DMatrixRMaj(ROWS, COLS);
        Initializers.normal(-3, 2).fill(M, ROWS, COLS, new Rng(22));
        assertNormalMoments(M, -3, 2, "normal(-3, 2)");
    }

    @Test
    void xavierMomentsAndBounds() {
        DMatrixRMaj U = new DMatrixRMaj(ROWS, COLS);
        Initializers.xavierUniform().fill(U, ROWS, COLS, new Rng(23));
        double L = Math.sqrt(6.0 / (ROWS + COLS));
        assertUniformMoments(U, -L, L, "xavierUniform");
        assertBounds(U, -L, L);
        // both Xavier rules give variance 2 / (fanIn + fanOut)
        assertEquals(2.0 / (ROWS + COLS), L * L / 3, 1e-15);

        DMatrixRMaj N = new DMatrixRMaj(ROWS, COLS);
        Initializers.xavierNormal().fill(N, ROWS, COLS, new Rng(24));
        assertNormalMoments(N, 0, Math.sqrt(2.0 / (ROWS + COLS)), "xavierNormal");
    }

    @Test
    void heMomentsAndBounds() {
        DMatrixRMaj N = new DMatrixRMaj(ROWS, COLS);
        Initializers.heNormal().fill(N, ROWS, COLS, new Rng(25));
        assertNormalMoments(N, 0, Math.sqrt(2.0 / ROWS), "heNormal");

        DMatrixRMaj U = new DMatrixRMaj(ROWS, COLS);
        Initializers.heUniform().fill(U, ROWS, COLS, new Rng(26));
        double L = Math.sqrt(6.0 / ROWS);
        assertUniformMoments(U, -L, L, "heUniform");
        assertBounds(U, -L, L);
    }

    /** Every entry in [a, b), and the sample reaches both ends (so the bounds are not too narrow). */
    private static void assertBounds(DMatrixRMaj M, double a, double b) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : M.data) {
            assertTrue(v >= a && v < b, v + " outside [" + a + ", " + b + ")");
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double w = b - a;
        assertTrue(min < a + 1e-3 * w, "min " + min + " far from " + a);
        assertTrue(max > b - 1e-3 * w, "max " + max + " far from " + b);
    }

    // ---- argument errors name the argument

    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void factoryArgumentsAreChecked() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.uniform(1, 1)), "b:", "> a = 1.0", "found 1.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.uniform(2, 1)), "b:", "found 1.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.uniform(Double.NaN, 1)), "a:", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.uniform(0, Double.POSITIVE_INFINITY)), "b:", "Infinity");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.normal(0, 0)), "sd:", "> 0", "found 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.normal(0, -1)), "sd:", "found -1.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.normal(Double.NaN, 1)), "mean:", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.constant(Double.NaN)), "c:", "NaN");
    }

    @Test
    void fillArgumentsAreChecked() {
        Initializer init = Initializers.xavierUniform();
        Rng rng = new Rng(1);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> init.fill(null, 2, 2, rng)), "M:", "null");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> init.fill(new DMatrixRMaj(0, 3), 2, 2, rng)), "M:", "0x3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> init.fill(new DMatrixRMaj(2, 2), 0, 2, rng)), "fanIn:", ">= 1", "found 0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> init.fill(new DMatrixRMaj(2, 2), 2, -3, rng)), "fanOut:", "found -3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> init.fill(new DMatrixRMaj(2, 2), 2, 2, null)), "rng:", "xavierUniform()");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Initializers.zeros().fill(new DMatrixRMaj(2, 2), 0, 2, null)), "fanIn:");
    }

    @Test
    void toStringShowsRuleAndHyperparameters() {
        assertEquals("zeros()", Initializers.zeros().toString());
        assertEquals("constant(c=0.5)", Initializers.constant(0.5).toString());
        assertEquals("uniform(a=-1.0, b=1.0)", Initializers.uniform(-1, 1).toString());
        assertEquals("normal(mean=0.0, sd=0.1)", Initializers.normal(0, 0.1).toString());
        assertEquals("xavierUniform()", Initializers.xavierUniform().toString());
        assertEquals("xavierNormal()", Initializers.xavierNormal().toString());
        assertEquals("heNormal()", Initializers.heNormal().toString());
        assertEquals("heUniform()", Initializers.heUniform().toString());
    }
}
