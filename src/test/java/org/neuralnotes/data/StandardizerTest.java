package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.data.Refusals.assertRefused;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final DMatrixRMaj X = new DMatrixRMaj(4, 2, true,
            1, 10,
            2, 20,
            3, 30,
            4, 40);

    private static double relative(double expected, double actual) {
        return Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-300);
    }

    @Test
    void fitsMeanAndPopulationSdByHand() {
        Standardizer s = Standardizer.fit(X);
        // μ = (2.5, 25); σ² = (1/4)(2.25 + 0.25 + 0.25 + 2.25) = 1.25 for column 0, 100·1.25 for column 1
        assertArrayEquals(new double[] {2.5, 25}, s.mean().data);
        assertEquals(Math.sqrt(1.25), s.sd().get(0, 0), 1e-15);
        assertEquals(Math.sqrt(125.0), s.sd().get(0, 1), 1e-13);
        assertArrayEquals(s.sd().data, s.scale().data);
        assertEquals(2, s.columns());
        assertEquals(0, s.constantColumns().length);

        DMatrixRMaj Z = s.transform(X);
        double a = 1.5 / Math.sqrt(1.25);
        double b = 0.5 / Math.sqrt(1.25);
        double[] expected = {-a, -a, -b, -b, b, b, a, a};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Z.data[i], 1e-15);
        }
    }

    @Test
    void transformedTrainingColumnsHaveMeanZeroAndSdOne() {
        DMatrixRMaj Xtrain = Datasets.iris().X();
        DMatrixRMaj Z = Standardizer.fit(Xtrain).transform(Xtrain);
        Standardizer again = Standardizer.fit(Z);
        for (int j = 0; j < Z.numCols; j++) {
            assertEquals(0.0, again.mean().get(0, j), 1e-14);
            assertEquals(1.0, again.sd().get(0, j), 1e-14);
        }
    }

    @Test
    void inverseTransformUndoesTransform() {
        DMatrixRMaj Xtrain = Datasets.breastCancer().X();
        Standardizer s = Standardizer.fit(Xtrain);
        DMatrixRMaj back = s.inverseTransform(s.transform(Xtrain));
        for (int i = 0; i < Xtrain.data.length; i++) {
            assertEquals(Xtrain.data[i], back.data[i], 1e-12 * Math.max(1.0, Math.abs(Xtrain.data[i])));
        }
    }

    @Test
    void agreesWithPythonStatisticsOnBreastCancer() {
        Reference ref = Reference.load();
        Standardizer s = Standardizer.fit(Datasets.breastCancer().X());
        double[] mean = ref.vector("breast_cancer", "mean");
        double[] sd = ref.vector("breast_cancer", "sd");
        assertEquals(30, mean.length);
        for (int j = 0; j < 30; j++) {
            assertTrue(relative(mean[j], s.mean().get(0, j)) < 1e-13, "mean of column " + j);
            assertTrue(relative(sd[j], s.sd().get(0, j)) < 1e-12, "sd of column " + j);
        }
    }

    @Test
    void constantColumnIsCentredButNotScaled() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004, so a naive mean of this column is not 0.1
        // and a naive spread is not 0: the constant column must be detected exactly
        DMatrixRMaj Xc = new DMatrixRMaj(3, 2, true,
                0.1, 1,
                0.1, 2,
                0.1, 3);
        Standardizer s = Standardizer.fit(Xc);
        assertArrayEquals(new int[] {0}, s.constantColumns());
        assertEquals(0.1, s.mean().get(0, 0));
        assertEquals(0.0, s.sd().get(0, 0));
        assertEquals(1.0, s.scale().get(0, 0));
        DMatrixRMaj Z = s.transform(Xc);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, Z.get(i, 0));
        }
        // new data keep their offset from the training value
        DMatrixRMaj Znew = s.transform(new DMatrixRMaj(1, 2, true, 1.1, 2));
        assertEquals(1.0, Znew.get(0, 0), 1e-15);
        assertEquals(0.0, Znew.get(0, 1), 1e-15);
        assertEquals(0.1, s.inverseTransform(Z).get(2, 0));
        assertEquals("Standardizer(columns=2, population sd, constant columns=1)", s.toString());
    }

    @Test
    void digitsHaveConstantBlankPixelsAndStayFinite() {
        Dataset d = Datasets.digits();
        Standardizer s = Standardizer.fit(d.X());
        int[] constant = s.constantColumns();
        // pixel_0_0 is blank in every image
        assertEquals(0, constant[0]);
        for (int j : constant) {
            for (int i = 0; i < d.n(); i++) {
                assertEquals(d.X().get(0, j), d.X().get(i, j));
            }
        }
        DMatrixRMaj Z = s.transform(d.X());
        for (double v : Z.data) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void accessorsReturnCopies() {
        Standardizer s = Standardizer.fit(X);
        s.mean().set(0, 0, 99);
        s.sd().set(0, 0, 99);
        s.scale().set(0, 0, 99);
        assertEquals(2.5, s.mean().get(0, 0));
        assertEquals(Math.sqrt(1.25), s.scale().get(0, 0), 1e-15);
    }

    @Test
    void refusesBadInput() {
        assertRefused("Xtrain", () -> Standardizer.fit(null), "null");
        assertRefused("Xtrain", () -> Standardizer.fit(new DMatrixRMaj(0, 2)), "0x2");
        assertRefused("Xtrain", () -> Standardizer.fit(new DMatrixRMaj(2, 1, true, 1, Double.NaN)),
                "finite", "NaN", "row 1, column 0");
        Standardizer s = Standardizer.fit(X);
        assertRefused("X", () -> s.transform(new DMatrixRMaj(3, 3)), "2 columns", "3x3");
        assertRefused("X", () -> s.transform(null), "null");
        assertRefused("X", () -> s.transform(new DMatrixRMaj(1, 2, true, 0, Double.NaN)), "NaN");
        assertRefused("Z", () -> s.inverseTransform(new DMatrixRMaj(2, 1)), "2 columns", "2x1");
        assertRefused("Z", () -> s.inverseTransform(new DMatrixRMaj(1, 2, true, Double.POSITIVE_INFINITY, 0)),
                "Infinity", "row 0, column 0");
    }

    @Test
    void hugeColumnsAreMeasuredWithoutOverflow() {
        // {1, 2, 3, 4}·1e200: the same standardized values as {1, 2, 3, 4}
        DMatrixRMaj huge = new DMatrixRMaj(new double[][] {{1e200}, {2e200}, {3e200}, {4e200}});
        Standardizer s = Standardizer.fit(huge);
        assertEquals(2.5e200, s.mean().get(0, 0), 1e185);
        assertEquals(Math.sqrt(1.25) * 1e200, s.sd().get(0, 0), 1e186);
        DMatrixRMaj z = s.transform(huge);
        double[] expected = {-3 / Math.sqrt(5), -1 / Math.sqrt(5), 1 / Math.sqrt(5), 3 / Math.sqrt(5)};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], z.get(i, 0), 1e-14);
        }
        DMatrixRMaj back = s.inverseTransform(z);
        for (int i = 0; i < 4; i++) {
            assertEquals(huge.get(i, 0), back.get(i, 0), 1e186);
        }
        // {1.5e308, 1.5e308, 0}: the sum 3e308 is beyond a double; μ = 1e308, σ = √(1/2)·1e308
        DMatrixRMaj edge = new DMatrixRMaj(new double[][] {{1.5e308}, {1.5e308}, {0}});
        Standardizer t = Standardizer.fit(edge);
        assertEquals(1e308, t.mean().get(0, 0), 1e294);
        assertEquals(Math.sqrt(0.5) * 1e308, t.sd().get(0, 0), 1e294);
        DMatrixRMaj ze = t.transform(edge);
        assertEquals(Math.sqrt(0.5), ze.get(0, 0), 1e-14);
        assertEquals(-Math.sqrt(2), ze.get(2, 0), 1e-14);
    }

    @Test
    void aTransformBeyondADoubleIsRefused() {
        Standardizer s = Standardizer.fit(new DMatrixRMaj(new double[][] {{0}, {1}}));
        assertRefused("X", () -> s.transform(new DMatrixRMaj(new double[][] {{0.5}, {1.7e308}})),
                "entry (row 1, column 0) = 1.7E308", "Infinity");
        // σ = 2: x = 2·z + 2 = 2e308 for z = 1e308
        Standardizer wide = Standardizer.fit(new DMatrixRMaj(new double[][] {{0}, {4}}));
        assertRefused("Z", () -> wide.inverseTransform(new DMatrixRMaj(new double[][] {{1e308}})), "row 0, column 0");
    }
}
