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

    @Test
    void finiteNamesTheArgumentAndTheEntry() {
        DMatrixRMaj m = new DMatrixRMaj(30, 20);
        m.set(17, 3, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.finite("X", m));
        assertTrue(e.getMessage().equals("X: expected finite values, found NaN at row 17, column 3"), e.getMessage());
    }
}
