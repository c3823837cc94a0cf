package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Confusion matrix, predicted against actual, activation. */
class SmallFiguresTest {
    @Test
    void confusionCountsFromOneHotAndSoftmaxRows() {
        DMatrixRMaj actual = new DMatrixRMaj(new double[][] {
            {1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {0, 1, 0}});
        DMatrixRMaj predicted = new DMatrixRMaj(new double[][] {
            {0.7, 0.2, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}, {0.6, 0.1, 0.3}, {0.1, 0.1, 0.8}});
        // actual 0 → predicted 0, 1; actual 1 → 1, 2; actual 2 → 2, 0
        int[][] expected = {{1, 1, 0}, {0, 1, 1}, {1, 0, 1}};
        int[][] c = ConfusionMatrix.counts(predicted, actual);
        for (int a = 0; a < 3; a++) {
            assertArrayEquals(expected[a], c[a]);
        }
    }

    @Test
    void confusionCountsFromOneSigmoidColumn() {
        DMatrixRMaj actual = new DMatrixRMaj(new double[][] {{0}, {0}, {1}, {1}, {1}});
        DMatrixRMaj predicted = new DMatrixRMaj(new double[][] {{0.2}, {0.5}, {0.51}, {0.49}, {0.9}});
        int[][] c = ConfusionMatrix.counts(predicted, actual);
        assertArrayEquals(new int[] {1, 1}, c[0]);
        assertArrayEquals(new int[] {1, 2}, c[1]);
    }

    @Test
    @SuppressWarnings("unchecked")
    void confusionFigureWritesEachCountWhereItsCellIs() {
        DMatrixRMaj actual = new DMatrixRMaj(new double[][] {{0}, {1}, {1}});
        DMatrixRMaj predicted = new DMatrixRMaj(new double[][] {{0.9}, {0.8}, {0.7}});
        PlotFigure f = ConfusionMatrix.of(predicted, actual, "no", "yes");
        List<Map<String, Object>> notes = Scripts.annotations(f);
        assertEquals(4, notes.size());
        // cell (actual 1, predicted 1) holds 2
        Map<String, Object> cell = notes.get(3);
        assertEquals(1, cell.get("x"));
        assertEquals(1, cell.get("y"));
        assertEquals("2", cell.get("text"));
        Map<String, Object> xaxis = (Map<String, Object>) Scripts.json(f.layoutExtra()).get("xaxis");
        assertEquals(List.of("no", "yes"), xaxis.get("ticktext"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(predicted, actual, "only one"));
        assertTrue(e.getMessage().startsWith("classNames:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.counts(new DMatrixRMaj(2, 1), actual));
        assertTrue(e.getMessage().startsWith("predicted:"), e.getMessage());
    }

    @Test
    void predictedAgainstActualHasTheDiagonalAndEveryExample() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1, 10}, {2, 20}, {3, 30}});
        DMatrixRMaj yHat = new DMatrixRMaj(new double[][] {{1.5, 9}, {1.8, 21}, {3.2, 33}});
        PlotFigure f = PredictedVsActual.of(yHat, y);
        assertEquals(3, f.getTraces().length);
        // the diagonal spans the smallest to the largest value of both
        assertArrayEquals(new double[] {1, 33}, Scripts.numbers(Scripts.trace(f, 0), "x"));
        assertArrayEquals(new double[] {1, 33}, Scripts.numbers(Scripts.trace(f, 0), "y"));
        assertArrayEquals(new double[] {10, 20, 30}, Scripts.numbers(Scripts.trace(f, 2), "x"));
        assertArrayEquals(new double[] {9, 21, 33}, Scripts.numbers(Scripts.trace(f, 2), "y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictedVsActual.of(new DMatrixRMaj(3, 1), y));
        assertTrue(e.getMessage().startsWith("predicted:"), e.getMessage());
    }

    @Test
    void activationAndDerivativeAreSampledOnTheRange() {
        PlotFigure f = ActivationPlot.of("tanh", SmallFiguresTest::tanh, SmallFiguresTest::tanhPrime, -2, 2);
        double[] z = Scripts.numbers(Scripts.trace(f, 0), "x");
        double[] a = Scripts.numbers(Scripts.trace(f, 0), "y");
        double[] da = Scripts.numbers(Scripts.trace(f, 1), "y");
        assertEquals(201, z.length);
        assertEquals(-2.0, z[0], 0.0);
        assertEquals(2.0, z[200], 0.0);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Math.tanh(z[i]), a[i], 1e-15);
            // central difference of the plotted g, against the plotted g'
            if (i > 0 && i < z.length - 1) {
                double slope = (a[i + 1] - a[i - 1]) / (z[i + 1] - z[i - 1]);
                assertEquals(da[i], slope, 1e-3);
            }
        }
        assertEquals("tanh and its derivative", f.title());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationPlot.of("bad", Z -> new DMatrixRMaj(3, 1), SmallFiguresTest::tanhPrime));
        assertTrue(e.getMessage().startsWith("g:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ActivationPlot.of("tanh", SmallFiguresTest::tanh, SmallFiguresTest::tanhPrime, 1, 1));
        assertTrue(e.getMessage().startsWith("from, to:"), e.getMessage());
    }

    static DMatrixRMaj tanh(DMatrixRMaj z) {
        DMatrixRMaj a = z.copy();
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = Math.tanh(a.data[i]);
        }
        return a;
    }

    static DMatrixRMaj tanhPrime(DMatrixRMaj z) {
        DMatrixRMaj a = tanh(z);
        for (int i = 0; i < a.data.length; i++) {
            // tanh'(z) = 1 − tanh²(z)
            a.data[i] = 1 - a.data[i] * a.data[i];
        }
        return a;
    }
}
