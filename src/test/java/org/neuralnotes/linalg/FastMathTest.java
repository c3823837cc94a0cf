package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.Sigmoid;
import org.junit.jupiter.api.Test;

/** The vectorizable e^x against StrictMath.exp (fdlibm, itself within 1 ulp of e^x). */
class FastMathTest {

    private static double ulps(double expected, double actual) {
        return Math.abs(expected - actual) / Math.ulp(expected);
    }

    private static void within1Ulp(double x) {
        double expected = StrictMath.exp(x);
        double actual = FastMath.exp(x);
        assertTrue(ulps(expected, actual) <= 1.0,
                () -> "e^" + x + ": expected " + expected + ", found " + actual + " ("
                        + ulps(expected, actual) + " ulp)");
    }

    @Test
    void within1UlpOfStrictMathOverTheWholeRange() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 400_000; i++) {
            within1Ulp(rng.nextDouble(-1, 1));
            within1Ulp(rng.nextDouble(-40, 40));
            within1Ulp(rng.nextDouble(FastMath.LOW, FastMath.HIGH));
        }
    }

    /** Where k changes (x = (j + ½)·ln 2, |r| largest) and at the ends of the range. */
    @Test
    void within1UlpAtTheEdges() {
        for (int j = -1021; j <= 1022; j++) {
            double x = (j + 0.5) * Math.log(2);
            if (x >= FastMath.LOW && x <= FastMath.HIGH) {
                within1Ulp(x);
                within1Ulp(Math.nextUp(x));
                within1Ulp(Math.nextDown(x));
            }
        }
        for (double x : new double[] {FastMath.LOW, FastMath.HIGH, 0.0, -0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 1.0, -1.0}) {
            within1Ulp(x);
        }
    }

    @Test
    void exactWhereTheAnswerIsExact() {
        assertEquals(1.0, FastMath.exp(0.0), 0);
        assertEquals(1.0, FastMath.exp(-0.0), 0);
        // e^(k·ln 2) = 2^k up to the rounding of k·ln 2 itself: 1 ulp
        assertEquals(1024.0, FastMath.exp(10 * Math.log(2)), Math.ulp(1024.0));
    }

    /** Outside [LOW, HIGH] (subnormal results, overflow) and for NaN it is Math.exp. */
    @Test
    void mathExpOutsideTheRange() {
        for (double x : new double[] {-708.5, -745.0, -746.0, 709.5, 710.0, -1e9, 1e9,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertEquals(Math.exp(x), FastMath.exp(x), 0, "x = " + x);
        }
        assertTrue(Double.isNaN(FastMath.exp(Double.NaN)));
    }

    /** The array form of e^(−|z|) is the scalar form entry by entry, bit for bit, tails included. */
    @Test
    void arrayFormEqualsTheScalarForm() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] z = new double[10_000];
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 3 == 0 ? rng.nextDouble(-800, 800) : rng.nextDouble(-40, 40);
        }
        double[] edges = {0.0, -0.0, 708.0, -708.0, 708.5, -745.0, -746.0, 1e9, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        System.arraycopy(edges, 0, z, 0, edges.length);
        double[] e = new double[z.length];
        FastMath.ofMinusAbs(z, e, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToLongBits(FastMath.ofMinusAbs(z[i])), Double.doubleToLongBits(e[i]),
                    "z = " + z[i]);
        }
    }

    /** σ(z) against the two-sided formula on StrictMath.exp: within 2 ulp, and in [0, 1]. */
    @Test
    void sigmoidAgainstStrictMath() {
        Sigmoid sigmoid = Activations.sigmoid();
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < 400_000; i++) {
            double z = i % 2 == 0 ? rng.nextDouble(-40, 40) : rng.nextDouble(-800, 800);
            double e = StrictMath.exp(-Math.abs(z));
            // σ(z) = 1 / (1 + e^(−z)) for z ≥ 0, e^z / (1 + e^z) for z < 0
            double expected = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            double actual = sigmoid.value(z);
            assertTrue(actual >= 0 && actual <= 1, "σ(" + z + ") = " + actual);
            if (expected > 0) {
                assertTrue(ulps(expected, actual) <= 2.0, () -> "σ(" + z + "): expected "
                        + expected + ", found " + actual);
            } else {
                assertEquals(expected, actual, Double.MIN_VALUE, "σ(" + z + ")");
            }
        }
        assertEquals(0.5, sigmoid.value(0.0), 0);
        assertEquals(0.5, sigmoid.value(-0.0), 0);
    }

    @Test
    void log1pOfUnitIsMathsLog1pToTwoUlps() {
        org.neuralnotes.random.Rng rng = new org.neuralnotes.random.Rng(22);
        for (int i = 0; i < 100_000; i++) {
            double e = i == 0 ? 1.0 : i == 1 ? 0.0 : i == 2 ? Double.MIN_VALUE
                    : Math.pow(rng.nextDouble(), 1 + 40 * rng.nextDouble());
            double expected = Math.log1p(e);
            assertEquals(expected, FastMath.log1pOfUnit(e), 2 * Math.ulp(expected), "e = " + e);
        }
    }
}
