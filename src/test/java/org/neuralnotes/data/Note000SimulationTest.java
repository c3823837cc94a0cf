package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.data.Refusals.assertRefused;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;
import tech.tablesaw.api.Table;

class Note000SimulationTest {
    private static final int BIG = 100_000;

    /** f(X) = X1 + 10·sin²(X2) + 10·X3, written out here independently of the class under test. */
    private static double f(DMatrixRMaj X, int i) {
        double s = StrictMath.sin(X.get(i, 1));
        return X.get(i, 0) + 10 * s * s + 10 * X.get(i, 2);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / v.length);
    }

    private static double[] column(DMatrixRMaj M, int j) {
        double[] c = new double[M.numRows];
        for (int i = 0; i < M.numRows; i++) {
            c[i] = M.get(i, j);
        }
        return c;
    }

    /** |estimate − truth| within five standard errors. */
    private static void assertWithin(double truth, double estimate, double standardError, String what) {
        assertTrue(Math.abs(estimate - truth) < 5 * standardError,
                what + ": expected " + truth + " ± " + 5 * standardError + ", found " + estimate);
    }

    @Test
    void sameSeedGivesBitwiseIdenticalData() {
        RegressionData a = Note000Simulation.generate(1000, new Rng(2024));
        RegressionData b = Note000Simulation.generate(1000, new Rng(2024));
        // Arrays.equals on double[] compares the bits (doubleToLongBits)
        assertTrue(Arrays.equals(a.X().data, b.X().data));
        assertTrue(Arrays.equals(a.Y().data, b.Y().data));
        RegressionData c = Note000Simulation.generate(1000, new Rng(2025));
        assertFalse(Arrays.equals(a.X().data, c.X().data));
    }

    @Test
    void drawsPerObservationInTheOrderX1X2X3Noise() {
        RegressionData d = Note000Simulation.generate(3, new Rng(5));
        Rng rng = new Rng(5);
        for (int i = 0; i < 3; i++) {
            double x1 = rng.uniform(-10, 10);
            double x2 = rng.normal(0, 10);
            double x3 = rng.exponential(1);
            double eps = rng.normal(0, 1);
            assertEquals(x1, d.X().get(i, 0));
            assertEquals(x2, d.X().get(i, 1));
            assertEquals(x3, d.X().get(i, 2));
            double s = StrictMath.sin(x2);
            assertEquals(x1 + 10 * s * s + 10 * x3 + eps, d.Y().get(i, 0));
        }
        // the first rows of a larger sample are the smaller sample
        RegressionData big = Note000Simulation.generate(20, new Rng(5));
        assertArrayEquals(d.X().data, Arrays.copyOf(big.X().data, 9));
        assertArrayEquals(d.Y().data, Arrays.copyOf(big.Y().data, 3));
    }

    @Test
    void shapesNamesAndTheNotesSampleSize() {
        RegressionData d = Note000Simulation.generate(new Rng(1));
        assertEquals(Note000Simulation.NOTES_N, d.n());
        assertEquals(1000, d.X().numRows);
        assertEquals(3, d.X().numCols);
        assertEquals(1, d.Y().numCols);
        assertEquals(List.of("X1", "X2", "X3"), d.featureNames());
        assertEquals(List.of("Y"), d.targetNames());
        assertTrue(d.description().contains("order x1, x2, x3, noise"));
        Table t = d.toTable();
        assertEquals(List.of("X1", "X2", "X3", "Y"), t.columnNames());
        assertEquals(d.Y().get(999, 0), t.doubleColumn("Y").get(999));
        assertEquals(d.X().get(10, 1), t.doubleColumn("X2").get(10));
        assertEquals("note000: 1000 examples, X 1000x3 [X1, X2, X3], Y 1000x1 [Y]", d.toString());
    }

    @Test
    void momentsMatchTheRecipe() {
        RegressionData d = Note000Simulation.generate(BIG, new Rng(20240611L));
        double rootN = Math.sqrt(BIG);
        double[] x1 = column(d.X(), 0);
        double[] x2 = column(d.X(), 1);
        double[] x3 = column(d.X(), 2);
        // X1 ~ U(−10, 10): mean 0, sd 20/√12
        double sd1 = 20 / Math.sqrt(12);
        assertWithin(0, mean(x1), sd1 / rootN, "mean of X1");
        assertWithin(sd1, sd(x1), sd1 / Math.sqrt(2 * BIG), "sd of X1");
        assertTrue(Arrays.stream(x1).allMatch(v -> v >= -10 && v < 10), "X1 in [-10, 10)");
        // X2 ~ N(0, sd 10): mean 0, sd 10 (standard error of a normal sd ≈ σ/√(2n))
        assertWithin(0, mean(x2), 10 / rootN, "mean of X2");
        assertWithin(10, sd(x2), 10 / Math.sqrt(2 * BIG), "sd of X2");
        // X3 ~ Exp(1): mean 1, sd 1, non-negative
        assertWithin(1, mean(x3), 1 / rootN, "mean of X3");
        assertWithin(1, sd(x3), Math.sqrt(2.0) / rootN, "sd of X3");
        assertTrue(Arrays.stream(x3).allMatch(v -> v >= 0), "X3 >= 0");
        // E[Y] = 0 + 10·E[sin²X2] + 10·1 = 10·(1 − e^(−2·100))/2 + 10 = 15;
        // Var Y = 100/3 + 100·Var(sin²X2) + 100 + 1 with Var(sin²X2) = 1/8 (to within e^(−200))
        double[] y = column(d.Y(), 0);
        double sdY = Math.sqrt(100.0 / 3 + 100.0 / 8 + 100 + 1);
        assertWithin(15, mean(y), sdY / rootN, "mean of Y");
        assertWithin(sdY, sd(y), 2 * sdY / rootN, "sd of Y");
    }

    @Test
    void yIsTheRegressionFunctionPlusStandardNormalNoise() {
        RegressionData d = Note000Simulation.generate(BIG, new Rng(99));
        double[] residual = new double[BIG];
        double largest = 0;
        for (int i = 0; i < BIG; i++) {
            residual[i] = d.Y().get(i, 0) - f(d.X(), i);
            largest = Math.max(largest, Math.abs(residual[i]));
        }
        double rootN = Math.sqrt(BIG);
        assertWithin(0, mean(residual), 1 / rootN, "mean of the noise");
        assertWithin(1, sd(residual), 1 / Math.sqrt(2 * BIG), "sd of the noise");
        assertTrue(largest < 6, "no noise draw beyond 6 sd, largest " + largest);
        // the library's noiseless f agrees with the one written here
        DMatrixRMaj F = Note000Simulation.mean(d.X());
        for (int i = 0; i < BIG; i++) {
            assertEquals(f(d.X(), i), F.get(i, 0));
        }
    }

    @Test
    void refusesBadArguments() {
        assertRefused("n", () -> Note000Simulation.generate(0, new Rng(1)), ">= 1", "0");
        assertRefused("n", () -> Note000Simulation.generate(-5, new Rng(1)), "-5");
        assertRefused("rng", () -> Note000Simulation.generate(10, null), "null");
        assertRefused("rng", () -> Note000Simulation.generate(null), "null");
        assertRefused("X", () -> Note000Simulation.mean(new DMatrixRMaj(2, 2)), "3 columns", "2x2");
        assertRefused("X", () -> Note000Simulation.mean(null), "null");
        assertRefused("X", () -> Note000Simulation.mean(new DMatrixRMaj(1, 3, true, 0, Double.NaN, 0)),
                "NaN", "row 0, column 1");
    }

    @Test
    void regressionDataRefusesInconsistentParts() {
        DMatrixRMaj X = new DMatrixRMaj(2, 1, true, 1, 2);
        DMatrixRMaj Y = new DMatrixRMaj(2, 1, true, 3, 4);
        List<String> f = List.of("x");
        List<String> t = List.of("y");
        assertRefused("name", () -> new RegressionData("", X, Y, f, t, "d"), "non-blank");
        assertRefused("X", () -> new RegressionData("r", null, Y, f, t, "d"), "null");
        assertRefused("Y", () -> new RegressionData("r", X, new DMatrixRMaj(3, 1), f, t, "d"),
                "2 rows", "2x1", "3x1");
        assertRefused("Y", () -> new RegressionData("r", X, new DMatrixRMaj(2, 1, true, 0, Double.NaN), f, t, "d"),
                "NaN");
        assertRefused("featureNames", () -> new RegressionData("r", X, Y, List.of("a", "b"), t, "d"),
                "expected 1 names", "found 2");
        assertRefused("targetNames", () -> new RegressionData("r", X, Y, f, null, "d"), "null");
        assertRefused("targetNames", () -> new RegressionData("r", X, Y, f, List.of("x"), "d"),
                "distinct", "\"x\"");
        assertRefused("description", () -> new RegressionData("r", X, Y, f, t, null), "null");
    }
}
