package org.neuralnotes.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GradientCheckReportTest {

    /** ‖g_num − g_bp‖ / (‖g_num‖ + ‖g_bp‖) for (3, 4) against (3, 4.5): 0.5 / (5 + √29.25). */
    @Test
    void relativeErrorIsTheNormOfTheDifferenceOverTheSumOfNorms() {
        GradientCheckReport.Row row = GradientCheckReport.Row.of("W1", 1, 2, 2, new double[] {3, 4},
                new double[] {3, 4.5});
        assertEquals(0.5 / (5 + Math.sqrt(29.25)), row.relativeError(), 1e-16);
        assertEquals(0.5, row.maxAbsDifference(), 0);
    }

    @Test
    void printsOneLinePerParameterAndTheLargestError() {
        GradientCheckReport report = new GradientCheckReport(List.of(
                GradientCheckReport.Row.of("W1", 1, 2, 2, new double[] {3, 4}, new double[] {3, 4.5}),
                GradientCheckReport.Row.of("b1", 1, 1, 1, new double[] {1}, new double[] {1})), 1e-5);
        String text = report.toString();
        String[] lines = text.split("\n");
        assertTrue(lines[0].contains("gradient check (h = 1.0E-5)"), text);
        assertTrue(lines[3].contains("W1") && lines[3].contains("1x2") && lines[3].contains("4.804E-2"), text);
        assertTrue(lines[4].contains("b1") && lines[4].contains("0.000E0"), text);
        assertEquals("largest relative error: 4.804e-02 (h = 1.00000e-05)", lines[lines.length - 1]);
    }
}
