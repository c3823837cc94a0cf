package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.data.Refusals.assertRefused;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

class SplitTest {

    /** N×2 inputs whose row i is (i, −10·i), so every row tells which example it is. */
    private static DMatrixRMaj rowsThatNameThemselves(int N) {
        DMatrixRMaj X = new DMatrixRMaj(N, 2);
        for (int i = 0; i < N; i++) {
            X.set(i, 0, i);
            X.set(i, 1, -10.0 * i);
        }
        return X;
    }

    private static void assertRowsFollowIndex(DMatrixRMaj part, DMatrixRMaj whole, int[] index) {
        assertEquals(index.length, part.numRows);
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < whole.numCols; j++) {
                assertEquals(whole.get(index[i], j), part.get(i, j));
            }
        }
    }

    private static void assertPartition(int N, int[] train, int[] test) {
        int[] all = new int[train.length + test.length];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(test, 0, all, train.length, test.length);
        Arrays.sort(all);
        for (int i = 0; i < N; i++) {
            assertEquals(i, all[i], "every row exactly once");
        }
        assertEquals(N, all.length);
    }

    @Test
    void testTakesTheFirstRoundedShareOfOnePermutation() {
        int N = 10;
        DMatrixRMaj X = rowsThatNameThemselves(N);
        DMatrixRMaj Y = OneHot.encode(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, 3);
        Split.TrainTest s = Split.trainTest(X, Y, 0.3, new Rng(42));

        int[] pi = new Rng(42).permutation(N);
        assertArrayEquals(Arrays.copyOfRange(pi, 0, 3), s.testIndex());
        assertArrayEquals(Arrays.copyOfRange(pi, 3, 10), s.trainIndex());
        assertPartition(N, s.trainIndex(), s.testIndex());
        assertRowsFollowIndex(s.Xtrain(), X, s.trainIndex());
        assertRowsFollowIndex(s.Ytrain(), Y, s.trainIndex());
        assertRowsFollowIndex(s.Xtest(), X, s.testIndex());
        assertRowsFollowIndex(s.Ytest(), Y, s.testIndex());
        assertEquals("TrainTest(train 7x2 -> 7x3, test 3x2 -> 3x3)", s.toString());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        DMatrixRMaj X = rowsThatNameThemselves(50);
        DMatrixRMaj Y = rowsThatNameThemselves(50);
        Split.TrainTest a = Split.trainTest(X, Y, 0.2, new Rng(7));
        Split.TrainTest b = Split.trainTest(X, Y, 0.2, new Rng(7));
        Split.TrainTest c = Split.trainTest(X, Y, 0.2, new Rng(8));
        assertArrayEquals(a.testIndex(), b.testIndex());
        assertArrayEquals(a.Xtrain().data, b.Xtrain().data);
        assertFalse(Arrays.equals(a.testIndex(), c.testIndex()));
        assertEquals(10, a.testIndex().length);
    }

    @Test
    void roundingDecidesTheTestCount() {
        DMatrixRMaj X = rowsThatNameThemselves(7);
        // 0.25 · 7 = 1.75 → 2 rows for testing
        assertEquals(2, Split.trainTest(X, X, 0.25, new Rng(1)).testIndex().length);
        // 0.5 · 7 = 3.5 → 4 (Math.round rounds halves up)
        assertEquals(4, Split.trainTest(X, X, 0.5, new Rng(1)).testIndex().length);
    }

    @Test
    void stratifiedKeepsEachClassShare() {
        int[] labels = new int[150];
        for (int i = 0; i < 150; i++) {
            labels[i] = i % 3;
        }
        DMatrixRMaj X = rowsThatNameThemselves(150);
        DMatrixRMaj Y = OneHot.encode(labels, 3);
        Split.TrainTest s = Split.stratified(X, Y, labels, 0.2, new Rng(3));
        assertPartition(150, s.trainIndex(), s.testIndex());
        assertArrayEquals(new int[] {10, 10, 10}, OneHot.counts(s.testLabels(labels), 3));
        assertArrayEquals(new int[] {40, 40, 40}, OneHot.counts(s.trainLabels(labels), 3));
        assertArrayEquals(s.testLabels(labels), OneHot.decode(s.Ytest()));
        assertRowsFollowIndex(s.Xtest(), X, s.testIndex());
        assertRowsFollowIndex(s.Xtrain(), X, s.trainIndex());
        // the classes are mixed, not listed class by class
        int[] t = s.testLabels(labels);
        int[] sorted = t.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, t));
        // same seed, same split
        assertArrayEquals(s.testIndex(),
                Split.stratified(X, Y, labels, 0.2, new Rng(3)).testIndex());
    }

    @Test
    void stratifiedRoundsPerClass() {
        // 7 of class 0 and 3 of class 1: round(0.3·7) = 2 and round(0.3·3) = 1
        int[] labels = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0};
        DMatrixRMaj X = rowsThatNameThemselves(10);
        Split.TrainTest s = Split.stratified(X, X, labels, 0.3, new Rng(11));
        assertArrayEquals(new int[] {2, 1}, OneHot.counts(s.testLabels(labels), 2));
        assertArrayEquals(new int[] {5, 2}, OneHot.counts(s.trainLabels(labels), 2));
    }

    @Test
    void selectRowsAndSelect() {
        DMatrixRMaj M = rowsThatNameThemselves(4);
        DMatrixRMaj R = Split.selectRows(M, new int[] {3, 0, 3});
        assertArrayEquals(new double[] {3, -30, 0, -0.0, 3, -30}, R.data);
        assertArrayEquals(new int[] {40, 10, 10}, Split.select(new int[] {10, 20, 30, 40}, new int[] {3, 0, 0}));
    }

    @Test
    void trainTestRefusesBadArguments() {
        DMatrixRMaj X = rowsThatNameThemselves(10);
        Rng rng = new Rng(1);
        assertRefused("X", () -> Split.trainTest(null, X, 0.2, rng), "null");
        assertRefused("Y", () -> Split.trainTest(X, null, 0.2, rng), "null");
        assertRefused("Y", () -> Split.trainTest(X, rowsThatNameThemselves(9), 0.2, rng),
                "10 rows", "10x2", "9x2");
        assertRefused("X", () -> Split.trainTest(rowsThatNameThemselves(1), rowsThatNameThemselves(1), 0.5, rng),
                "at least 2 rows", "1x2");
        assertRefused("testFraction", () -> Split.trainTest(X, X, 0.0, rng), "(0, 1)", "0.0");
        assertRefused("testFraction", () -> Split.trainTest(X, X, 1.0, rng), "(0, 1)", "1.0");
        assertRefused("testFraction", () -> Split.trainTest(X, X, Double.NaN, rng), "NaN");
        assertRefused("testFraction", () -> Split.trainTest(X, X, 0.01, rng), "0 of 10");
        assertRefused("testFraction", () -> Split.trainTest(X, X, 0.99, rng), "10 of 10");
        assertRefused("rng", () -> Split.trainTest(X, X, 0.2, null), "null");
    }

    @Test
    void stratifiedRefusesBadArguments() {
        DMatrixRMaj X = rowsThatNameThemselves(6);
        int[] labels = {0, 1, 0, 1, 0, 1};
        Rng rng = new Rng(1);
        assertRefused("labels", () -> Split.stratified(X, X, null, 0.5, rng), "null");
        assertRefused("labels", () -> Split.stratified(X, X, new int[] {0, 1}, 0.5, rng),
                "expected 6 labels", "found 2");
        assertRefused("labels", () -> Split.stratified(X, X, new int[] {0, 1, 0, -1, 0, 1}, 0.5, rng),
                ">= 0", "-1", "index 3");
        assertRefused("testFraction", () -> Split.stratified(X, X, labels, 1.5, rng), "1.5");
        // round(0.1 · 3) = 0 in each class
        assertRefused("testFraction", () -> Split.stratified(X, X, labels, 0.1, rng),
                "per class", "0 of 6");
        assertRefused("rng", () -> Split.stratified(X, X, labels, 0.5, null), "null");
        assertRefused("Y", () -> Split.stratified(X, rowsThatNameThemselves(5), labels, 0.5, rng), "5x2");
    }

    @Test
    void trainTestRecordChecksItsParts() {
        DMatrixRMaj X = rowsThatNameThemselves(3);
        DMatrixRMaj x1 = rowsThatNameThemselves(1);
        assertRefused("Xtrain", () -> new Split.TrainTest(x1, X, x1, x1, new int[] {0, 1}, new int[] {2}),
                "2 rows", "trainIndex", "1x2");
        assertRefused("Ytest", () -> new Split.TrainTest(X, X, x1, X, new int[] {0, 1, 2}, new int[] {2}),
                "1 rows", "testIndex", "3x2");
        assertRefused("trainIndex", () -> new Split.TrainTest(x1, x1, x1, x1, null, new int[] {2}), "null");
        assertRefused("testIndex", () -> new Split.TrainTest(x1, x1, x1, x1, new int[] {0}, new int[0]), "empty");
        Split.TrainTest s = Split.trainTest(rowsThatNameThemselves(4), rowsThatNameThemselves(4), 0.5, new Rng(1));
        assertRefused("labels", () -> s.trainLabels(null), "null");
        assertRefused("labels", () -> s.testLabels(new int[0]), "empty");
        assertRefused("testIndex", () -> s.testLabels(new int[] {0}), "[0, 1)");
        assertRefused("trainIndex", () -> s.trainLabels(new int[] {0}), "[0, 1)");
    }

    @Test
    void selectRefusesBadIndices() {
        DMatrixRMaj M = rowsThatNameThemselves(4);
        assertRefused("M", () -> Split.selectRows(null, new int[] {0}), "null");
        assertRefused("rows", () -> Split.selectRows(M, null), "null");
        assertRefused("rows", () -> Split.selectRows(M, new int[] {0, 4}), "[0, 4)", "found 4", "position 1");
        assertRefused("values", () -> Split.select(new int[0], new int[] {0}), "empty");
        assertRefused("index", () -> Split.select(new int[] {5, 6}, new int[] {-1}), "[0, 2)", "-1", "position 0");
        assertTrue(Split.select(new int[] {5}, new int[] {0, 0}).length == 2);
    }
}
