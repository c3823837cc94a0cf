package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ChecksTest {

    /** The scan finds the first bad entry wherever it is, and looks at nothing beyond n. */
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

    /** A large array, scanned in parallel chunks, gives the serial scan's first index. */
    @Test
    void theParallelScanOfALargeArrayFindsTheSameFirstEntry() {
        int n = 3 * Checks.PARALLEL_ENTRIES + 12345;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 7) - 3.5;
        }
        assertEquals(-1, Checks.firstNonFinite(x, n));
        int[] positions = {0, 1, (1 << 18) - 1, 1 << 18, Checks.PARALLEL_ENTRIES + 5, n - 1};
        for (int at : positions) {
            double[] y = x.clone();
            y[at] = Double.NEGATIVE_INFINITY;
            // a later bad entry, in another chunk, does not win
            y[Math.min(n - 1, at + (1 << 19))] = Double.NaN;
            assertEquals(at, Checks.firstNonFinite(y, n), "at " + at);
            // the serial scan below the threshold agrees
            int m = Checks.PARALLEL_ENTRIES - 1;
            int expected = -1;
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(y[i])) {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, Checks.firstNonFinite(y, m), "below the threshold, at " + at);
        }
        // entries beyond n are not looked at
        double[] z = x.clone();
        z[n - 1] = Double.NaN;
        assertEquals(-1, Checks.firstNonFinite(z, n - 1));
    }

    @Test
    void finiteNamesTheArgumentAndTheEntry() {
        DMatrixRMaj m = new DMatrixRMaj(30, 20);
        m.set(17, 3, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.finite("X", m));
        assertTrue(e.getMessage().equals("X: expected finite values, found NaN at row 17, column 3"), e.getMessage());
    }
}
