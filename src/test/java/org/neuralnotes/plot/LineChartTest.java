package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void eachLineKeepsItsPointsAndTheAxesTheirScale() {
        PlotFigure f = LineChart.of("sizes").x("layer").y("size", true)
                .line("a", new double[] {1, 2, 3}, new double[] {10, 1, 0.1})
                .line("b", new double[] {1, 2, 3}, new double[] {1, 1, 1}).build();
        assertEquals("sizes", f.title());
        assertArrayEquals(new double[] {10, 1, 0.1}, Scripts.numbers(Scripts.trace(f, 0), "y"), 0.0);
        assertArrayEquals(new double[] {1, 1, 1}, Scripts.numbers(Scripts.trace(f, 1), "y"), 0.0);
        var extra = Scripts.json(f.layoutExtra());
        assertTrue(extra.get("yaxis").toString().contains("log"), extra.toString());
        assertTrue(extra.get("xaxis").toString().contains("linear"), extra.toString());
    }

    @Test
    void refusesMismatchedPointsAndAnEmptyChart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t").line("a", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("x, y:"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> LineChart.of("t").build());
    }
}
