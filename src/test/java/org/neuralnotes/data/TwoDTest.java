package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralnotes.random.Rng;

class TwoDTest {
    @ParameterizedTest
    @ValueSource(strings = {"two blobs", "circles", "xor", "spirals"})
    void oneSeedGivesTheSameDataAndAnotherSeedOtherData(String name) {
        Dataset a = TwoD.byName(name, 200, 0.1, new Rng(7));
        Dataset b = TwoD.byName(name, 200, 0.1, new Rng(7));
        Dataset c = TwoD.byName(name, 200, 0.1, new Rng(8));
        assertArrayEquals(a.X().data, b.X().data);
        assertFalse(java.util.Arrays.equals(a.X().data, c.X().data));
        assertEquals(200, a.n());
        assertArrayEquals(new int[] {100, 100}, a.classCounts());
    }

    @Test
    void blobMeansSitAtTheirCentresWithinFourStandardErrors() {
        int n = 4000;
        Dataset d = TwoD.twoBlobs(n, 0.1, new Rng(1));
        double sd = 0.5 + 3 * 0.1;
        double[][] sum = new double[2][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                sum[d.y()[i]][j] += d.X().get(i, j);
            }
        }
        double se = sd / Math.sqrt(n / 2.0);
        for (int j = 0; j < 2; j++) {
            assertEquals(-1.5, sum[0][j] / (n / 2.0), 4 * se);
            assertEquals(1.5, sum[1][j] / (n / 2.0), 4 * se);
        }
    }

    @Test
    void withoutNoiseCirclesSeparateByRadius() {
        Dataset d = TwoD.circles(500, 0, new Rng(2));
        for (int i = 0; i < d.n(); i++) {
            double r = Math.hypot(d.X().get(i, 0), d.X().get(i, 1));
            if (d.y()[i] == 0) {
                assertTrue(r <= 1.5 + 1e-12, "inner point at radius " + r);
            } else {
                assertTrue(r >= 2.1 - 1e-12 && r <= 3 + 1e-12, "ring point at radius " + r);
            }
        }
    }

    @Test
    void withoutNoiseTheXorLabelIsTheSignOfTheProduct() {
        Dataset d = TwoD.xor(500, 0, new Rng(3));
        for (int i = 0; i < d.n(); i++) {
            double x1 = d.X().get(i, 0);
            double x2 = d.X().get(i, 1);
            assertEquals(x1 * x2 > 0 ? 1 : 0, d.y()[i]);
            assertTrue(Math.abs(x1) >= 0.3 && Math.abs(x2) >= 0.3);
        }
    }

    @Test
    void withoutNoiseTheSecondSpiralIsTheFirstTurnedByHalfATurn() {
        Dataset d = TwoD.spirals(300, 0, new Rng(4));
        DMatrixRMaj X = d.X();
        for (int i = 0; i + 1 < d.n(); i += 2) {
            // row i is class 0, row i + 1 the same point of class 1: (x, y) -> (-x, -y)
            assertEquals(-X.get(i, 0), X.get(i + 1, 0), 1e-12);
            assertEquals(-X.get(i, 1), X.get(i + 1, 1), 1e-12);
            double t = (double) (i / 2) / 150;
            assertEquals(3 * t, Math.hypot(X.get(i, 0), X.get(i, 1)), 1e-12);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TwoD.circles(100, 1.5, new Rng(1)));
        assertTrue(e.getMessage().startsWith("noise: expected a number in [0, 1], found 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TwoD.byName("moons", 100, 0, new Rng(1)));
        assertTrue(e.getMessage().contains("\"moons\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TwoD.xor(2, 0, new Rng(1)));
        assertTrue(e.getMessage().startsWith("n: "), e.getMessage());
    }
}
