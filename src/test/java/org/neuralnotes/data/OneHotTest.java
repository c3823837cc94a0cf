package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuralnotes.data.Refusals.assertRefused;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OneHotTest {

    @Test
    void encodePutsASingleOneInTheLabelsColumn() {
        DMatrixRMaj Y = OneHot.encode(new int[] {2, 0, 1, 2}, 3);
        double[] expected = {
            0, 0, 1,
            1, 0, 0,
            0, 1, 0,
            0, 0, 1};
        assertEquals(4, Y.numRows);
        assertEquals(3, Y.numCols);
        assertArrayEquals(expected, Y.data);
    }

    @Test
    void encodeAllowsClassesThatNeverOccur() {
        DMatrixRMaj Y = OneHot.encode(new int[] {0, 0}, 4);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0}, Y.data);
    }

    @Test
    void decodeAndArgmaxInvertEncode() {
        int[] labels = {3, 1, 4, 1, 0, 2, 4, 4, 0};
        DMatrixRMaj Y = OneHot.encode(labels, 5);
        assertArrayEquals(labels, OneHot.decode(Y));
        assertArrayEquals(labels, OneHot.argmax(Y));
    }

    @Test
    void argmaxTakesTheLargestScoreAndTheFirstOnATie() {
        DMatrixRMaj A = new DMatrixRMaj(4, 3, true,
                0.2, 0.7, 0.1,
                -5.0, -1.0, -3.0,
                0.4, 0.4, 0.2,
                1e-300, 0.0, -1e300);
        assertArrayEquals(new int[] {1, 1, 0, 0}, OneHot.argmax(A));
    }

    @Test
    void countsAndAccuracy() {
        assertArrayEquals(new int[] {2, 0, 3}, OneHot.counts(new int[] {2, 0, 2, 0, 2}, 3));
        assertEquals(0.75, OneHot.accuracy(new int[] {1, 0, 2, 2}, new int[] {1, 0, 2, 1}));
        assertEquals(0.0, OneHot.accuracy(new int[] {1}, new int[] {0}));
    }

    @Test
    void encodeRefusesBadArguments() {
        assertRefused("labels", () -> OneHot.encode(null, 3), "null");
        assertRefused("labels", () -> OneHot.encode(new int[0], 3), "empty");
        assertRefused("classes", () -> OneHot.encode(new int[] {0}, 0), ">= 1", "0");
        assertRefused("labels", () -> OneHot.encode(new int[] {0, 1, -1}, 3),
                "[0, 3)", "-1", "index 2");
        assertRefused("labels", () -> OneHot.encode(new int[] {0, 3, 1}, 3),
                "[0, 3)", "found 3", "index 1");
    }

    @Test
    void decodeRefusesRowsThatAreNotOneHot() {
        assertRefused("Y", () -> OneHot.decode(null), "null");
        assertRefused("Y", () -> OneHot.decode(new DMatrixRMaj(0, 3)), "0x3");
        assertRefused("Y", () -> OneHot.decode(new DMatrixRMaj(2, 2, true, 1, 0, 0.5, 0.5)),
                "one-hot", "0.5", "row 1, column 0");
        assertRefused("Y", () -> OneHot.decode(new DMatrixRMaj(1, 3, true, 1, 0, 1)),
                "one-hot", "row 0, column 2");
        assertRefused("Y", () -> OneHot.decode(new DMatrixRMaj(2, 2, true, 0, 1, 0, 0)),
                "no 1 in row 1");
        assertRefused("Y", () -> OneHot.decode(new DMatrixRMaj(1, 2, true, Double.NaN, 1)),
                "NaN", "row 0, column 0");
    }

    @Test
    void argmaxRefusesBadScores() {
        assertRefused("A", () -> OneHot.argmax(null), "null");
        assertRefused("A", () -> OneHot.argmax(new DMatrixRMaj(3, 0)), "3x0");
        assertRefused("A", () -> OneHot.argmax(new DMatrixRMaj(1, 2, true, 0.5, Double.NaN)),
                "finite", "NaN", "row 0, column 1");
    }

    @Test
    void countsAndAccuracyRefuseBadArguments() {
        assertRefused("classes", () -> OneHot.counts(new int[] {0}, -2), "-2");
        assertRefused("labels", () -> OneHot.counts(new int[] {0, 5}, 2), "found 5", "index 1");
        assertRefused("labels", () -> OneHot.counts(null, 2), "null");
        assertRefused("predicted", () -> OneHot.accuracy(null, new int[] {1}), "null");
        assertRefused("actual", () -> OneHot.accuracy(new int[] {1}, new int[0]), "empty");
        assertRefused("actual", () -> OneHot.accuracy(new int[] {1, 2}, new int[] {1}),
                "expected 2 labels", "found 1");
    }
}
