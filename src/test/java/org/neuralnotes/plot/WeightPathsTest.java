package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class WeightPathsTest {
    /** The value of entry (r, c) at a step: distinct for every entry and step. */
    static double value(int r, int c, int step) {
        return 100 * r + c + step / 1000.0;
    }

    /** A long weight table for one rows x cols parameter over steps 1..steps, rows shuffled. */
    static Table table(String name, int rows, int cols, int steps, long seed) {
        List<int[]> entries = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    entries.add(new int[] {s, r, c});
                }
            }
        }
        int[] order = new Rng(seed).permutation(entries.size());
        IntColumn step = IntColumn.create("step");
        StringColumn parameter = StringColumn.create("parameter");
        IntColumn row = IntColumn.create("row");
        IntColumn col = IntColumn.create("col");
        DoubleColumn value = DoubleColumn.create("value");
        for (int i : order) {
            int[] e = entries.get(i);
            step.append(e[0]);
            parameter.append(name);
            row.append(e[1]);
            col.append(e[2]);
            value.append(value(e[1], e[2], e[0]));
        }
        return Table.create("weights", step, parameter, row, col, value);
    }

    /** Checks panel k of a figure shows entry (r, c) on axes x{k+1}, y{k+1}, in step order. */
    static void assertPanel(PlotFigure f, int k, String parameter, int r, int c, int steps) {
        String js = Scripts.trace(f, k);
        String axis = k == 0 ? "" : String.valueOf(k + 1);
        assertEquals("x" + axis, Scripts.literal(js, "xaxis"));
        assertEquals("y" + axis, Scripts.literal(js, "yaxis"));
        double[] x = Scripts.numbers(js, "x");
        double[] y = Scripts.numbers(js, "y");
        assertEquals(steps, x.length);
        for (int s = 0; s < steps; s++) {
            assertEquals(s + 1, x[s], 0.0);
            assertEquals(value(r, c, s + 1), y[s], 1e-12);
        }
        Map<String, Object> a = Scripts.annotations(f).get(k);
        assertEquals(parameter + "[" + r + "," + c + "]", a.get("text"));
        assertEquals("x" + axis + " domain", a.get("xref"));
        assertEquals("y" + axis + " domain", a.get("yref"));
    }

    @Test
    void threeByFourMatrixGivesThreeRowsOfFourPanelsInMatrixOrder() {
        PlotFigure f = WeightPaths.of(table("W1", 3, 4, 5, 7), "W1").build();
        String layout = f.getLayout().asJavascript();
        assertTrue(layout.contains("rows: 3,"), layout);
        assertTrue(layout.contains("columns: 4,"), layout);
        assertTrue(layout.contains("pattern: 'independent'"), layout);
        assertTrue(layout.contains("roworder: 'top to bottom'"), layout);
        assertEquals(12, f.getTraces().length);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertPanel(f, r * 4 + c, "W1", r, c, 5);
            }
        }
        assertEquals("W1 (3x4): paths over the steps", f.title());
    }

    @Test
    void oneByOneMatrixGivesOnePanel() {
        PlotFigure f = WeightPaths.of(table("b2", 1, 1, 4, 3), "b2").build();
        String layout = f.getLayout().asJavascript();
        assertTrue(layout.contains("rows: 1,"), layout);
        assertTrue(layout.contains("columns: 1,"), layout);
        assertEquals(1, f.getTraces().length);
        assertPanel(f, 0, "b2", 0, 0, 4);
        assertEquals("b2 (1x1): paths over the steps", f.title());
    }

    @Test
    void explicitSubsetKeepsTheChosenOrder() {
        PlotFigure f = WeightPaths.of(table("W2", 5, 6, 3, 11), "W2").rows(4, 1).cols(0, 5, 2).build();
        assertEquals(6, f.getTraces().length);
        int[] rows = {4, 1};
        int[] cols = {0, 5, 2};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertPanel(f, i * 3 + j, "W2", rows[i], cols[j], 3);
            }
        }
        assertTrue(f.title().contains("2 of 5 rows x 3 of 6 cols"), f.title());
    }

    @Test
    void everyParameterGetsItsOwnFigureInTableOrder() {
        Table both = table("W1", 2, 3, 2, 1).append(table("b1", 1, 3, 2, 2));
        FigureGroup g = WeightPaths.all(both);
        assertEquals(2, g.size());
        assertEquals(6, g.get(0).getTraces().length);
        assertEquals(3, g.get(1).getTraces().length);
        assertEquals(List.of("W1", "b1"), WeightPaths.parameters(both));
    }

    @Test
    void largeMatrixNeedsAnExplicitChoice() {
        WeightPaths w = WeightPaths.of(table("W1", 20, 2, 1, 5), "W1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, w::build);
        assertTrue(e.getMessage().startsWith("rows:"), e.getMessage());
        assertTrue(e.getMessage().contains("20x2"), e.getMessage());
        assertEquals(8, w.rows(WeightPaths.spread(20, 8)).build().getTraces().length / 2);
    }

    @Test
    void spreadIncludesBothEndsEvenly() {
        assertArrayEquals(new int[] {0, 112, 224, 336, 447, 559, 671, 783}, WeightPaths.spread(784, 8));
        assertArrayEquals(new int[] {0, 1, 2}, WeightPaths.spread(3, 8));
        assertArrayEquals(new int[] {0}, WeightPaths.spread(5, 1));
    }

    @Test
    void badArgumentsNameTheArgument() {
        Table t = table("W1", 2, 2, 2, 1);
        assertMessage("parameter", () -> WeightPaths.of(t, "W9"));
        assertMessage("rows", () -> WeightPaths.of(t, "W1").rows(2));
        assertMessage("cols", () -> WeightPaths.of(t, "W1").cols(0, 0));
        assertMessage("weightTable", () -> WeightPaths.of(t.copy().removeColumns("value"), "W1"));
        assertMessage("weightTable", () -> WeightPaths.of(null, "W1"));
        assertMessage("count", () -> WeightPaths.spread(3, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightPaths.of(t, "W9"));
        assertTrue(e.getMessage().contains("[W1]"), e.getMessage());
    }

    static void assertMessage(String argument, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(argument + ":"), e.getMessage());
    }

    @Test
    void panelOrderDoesNotDependOnRowOrderOfTheTable() {
        PlotFigure a = WeightPaths.of(table("W1", 2, 2, 6, 1), "W1").build();
        PlotFigure b = WeightPaths.of(table("W1", 2, 2, 6, 99), "W1").build();
        List<String> sa = new ArrayList<>();
        List<String> sb = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            sa.add(Scripts.trace(a, k));
            sb.add(Scripts.trace(b, k));
        }
        assertEquals(sa, sb);
        assertTrue(Collections.frequency(sa, sa.get(0)) == 1);
    }
}
