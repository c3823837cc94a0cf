package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

/** A stratified split standardized on its training rows, in one call. */
class StandardizedSplitTest {
    @Test
    void trainingColumnsHaveMeanZeroAndSpreadOneAndTestRowsShareTheirScale() {
        Dataset bc = Datasets.breastCancer();
        StandardizedSplit s = StandardizedSplit.of(bc, 0.25, new Rng(3));
        int n = s.X().numRows;
        assertEquals(569, n + s.Xtest().numRows);
        for (int j = 0; j < bc.p(); j++) {
            // mean and spread of the raw training column, computed here
            double mean = 0, sq = 0;
            for (int i = 0; i < n; i++) {
                mean += bc.X().get(s.split().trainIndex()[i], j) / n;
            }
            for (int i = 0; i < n; i++) {
                double d = bc.X().get(s.split().trainIndex()[i], j) - mean;
                sq += d * d;
            }
            double sd = Math.sqrt(sq / n);
            double zMean = 0;
            for (int i = 0; i < n; i++) {
                zMean += s.X().get(i, j) / n;
            }
            assertEquals(0, zMean, 1e-12);
            int t = s.split().testIndex()[0];
            double expected = (bc.X().get(t, j) - mean) / sd;
            double sdUsed = s.scaler().sd().get(0, j);
            // the standardizer's spread is the population or the sample one; either way the test row uses it
            assertEquals((bc.X().get(t, j) - mean) / sdUsed, s.Xtest().get(0, j), 1e-9);
            assertEquals(sd, sdUsed, sd * 2e-3);
            assertEquals(expected, s.Xtest().get(0, j), Math.abs(expected) * 2e-3 + 1e-12);
        }
    }

    @Test
    void twoClassesGiveALabelColumnAndMoreGiveOneHotRows() {
        StandardizedSplit bc = StandardizedSplit.of(Datasets.breastCancer(), 0.25, new Rng(3));
        assertEquals(1, bc.Y().numCols);
        int[] labels = bc.trainLabels();
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], bc.Y().get(i, 0), 0.0);
        }
        StandardizedSplit iris = StandardizedSplit.of(Datasets.iris(), 0.2, new Rng(3));
        DMatrixRMaj Y = iris.Ytest();
        assertEquals(3, Y.numCols);
        int[] test = iris.testLabels();
        for (int i = 0; i < test.length; i++) {
            assertEquals(1.0, Y.get(i, test[i]), 0.0);
        }
        // two named features, in the order named
        StandardizedSplit two = bc.features("worst concave points", "worst radius");
        int a = bc.data().featureNames().indexOf("worst concave points");
        int b = bc.data().featureNames().indexOf("worst radius");
        assertEquals(2, two.X().numCols);
        assertEquals(bc.X().get(5, a), two.X().get(5, 0), 0.0);
        assertEquals(bc.Xtest().get(7, b), two.Xtest().get(7, 1), 0.0);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> bc.features("size"));
        assertEquals("names: expected features of " + bc.data().name() + " such as mean radius, found \"size\"",
                unknown.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StandardizedSplit.of(null, 0.25, new Rng(1)));
        assertEquals("data: expected a data set, found null", e.getMessage());
    }
}
