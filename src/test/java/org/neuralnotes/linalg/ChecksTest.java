package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ChecksTest {

    /** √(Σ x²) bounds |x| from above; squares too large fall back to the largest |x|; NaN and ∞ give NaN. */
    @Test
    void absBoundIsAnUpperBoundOfEveryEntry() {
        // closed form: |3|, |−4| → √25 = 5 (widened by 1e-6)
        assertEquals(5.0 * (1 + 1e-6), Checks.absBound(new double[] {3, -4}, 2), 1e-15);
        assertEquals(0.0, Checks.absBound(new double[0], 0));
        // one entry, in every position of the eight sums and the tail: the bound is |x|, widened
        for (int n : new int[] {1, 7, 8, 9, 17}) {
            for (int at = 0; at < n; at++) {
                double[] x = new double[n];
                x[at] = -1.2345678901234567e-3;
                double b = Checks.absBound(x, n);
                assertTrue(b >= 1.2345678901234567e-3 && b <= 1.2345678901234567e-3 * (1 + 2e-6),
                        "n = " + n + ", at " + at + ": " + b);
            }
        }
        // many entries: the bound holds despite the rounding of the sum
        double[] x = new double[100_003];
        org.neuralnotes.random.Rng rng = new org.neuralnotes.random.Rng(5);
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1) * (i == 4321 ? 1e3 : 1);
            largest = Math.max(largest, Math.abs(x[i]));
        }
        assertTrue(Checks.absBound(x, x.length) >= largest);
        // squares that overflow: the largest |x| itself, exactly
        assertEquals(1e200, Checks.absBound(new double[] {1, -1e200, 3e199}, 3));
        assertEquals(Double.MAX_VALUE, Checks.absBound(new double[] {Double.MAX_VALUE, -2}, 2));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertTrue(Double.isNaN(Checks.absBound(new double[] {1, bad, 2}, 3)), "with " + bad);
            assertTrue(Double.isNaN(Checks.absBound(new double[] {1e200, bad}, 2)), "large, with " + bad);
        }
        // the checked form names the matrix and where the bad entry is
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, 2}, {3, Double.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.finiteAbsBound("X", m));
        assertTrue(e.getMessage().contains("X: expected finite values, found NaN at row 1, column 1"),
                e.getMessage());
        assertEquals(Math.sqrt(14) * (1 + 1e-6),
                Checks.finiteAbsBound("X", new DMatrixRMaj(new double[][] {{1, -2}, {3, 0}})), 1e-15);
    }

    /** The blockwise scan finds the first bad entry wherever it is: in a block, at its edges, in the tail. */
    @Test
    void firstNonFiniteFindsTheFirstBadEntryAnywhere() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int n : new int[] {0, 1, 7, 255, 256, 257, 1000, 2048}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // large finite values too: x·0 stays 0 for them
                x[i] = (i % 3 == 0 ? Double.MAX_VALUE : -1e-300) * (i % 2 == 0 ? 1 : -1);
            }
            assertEquals(-1, Checks.firstNonFinite(x, n), "clean, n = " + n);
            for (int at : new int[] {0, 1, 255, 256, 511, n - 1}) {
                if (at < 0 || at >= n) {
                    continue;
                }
                for (double v : bad) {
                    double[] y = x.clone();
                    y[at] = v;
                    if (at + 3 < n) {
                        y[at + 3] = Double.NaN;
                    }
                    assertEquals(at, Checks.firstNonFinite(y, n), "n = " + n + ", at " + at + ", " + v);
                    // entries beyond n are not looked at
                    assertEquals(-1, Checks.firstNonFinite(y, at));
                }
            }
        }
    }

    @Test
    void finiteNamesTheArgumentAndTheEntry() {
        DMatrixRMaj m = new DMatrixRMaj(30, 20);
        m.set(17, 3, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.finite("X", m));
        assertTrue(e.getMessage().equals("X: expected finite values, found NaN at row 17, column 3"), e.getMessage());
    }
}
