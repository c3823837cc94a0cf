package org.neuralnotes.plot;

import java.util.LinkedHashMap;
import java.util.Map;

import tech.tablesaw.api.Table;

/** Shared look and checks of the figure builders. */
final class Style {
    private Style() {}

    /** plotly's default colours, assigned explicitly so a run's curves share one colour. */
    static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /** Default size: fits an A4 page with 10 mm margins when printed. */
    static final int WIDTH = 700;
    static final int HEIGHT = 440;

    static String color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** An axis entry for the layout: a title written as {text: …} (plotly 2 and 3 read it). */
    static Map<String, Object> axis(String title, Object... more) {
        Map<String, Object> m = map("title", map("text", Text.forPlotlyLabel(title)));
        m.putAll(map(more));
        return m;
    }

    static void requireColumn(String argument, Table table, String column, Class<?> type) {
        if (table == null) {
            throw new IllegalArgumentException(argument + ": expected a table, found null");
        }
        if (!table.containsColumn(column)) {
            throw new IllegalArgumentException(argument + ": expected a column \"" + column
                    + "\", found columns " + table.columnNames());
        }
        Object c = table.column(column);
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException(argument + ": expected column \"" + column + "\" to be a "
                    + type.getSimpleName() + ", found " + c.getClass().getSimpleName());
        }
    }

    static int positiveSize(String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(name + ": expected at least " + min + " pixels, found " + v);
        }
        return v;
    }

    static String requireText(String name, String s) {
        if (s == null) {
            throw new IllegalArgumentException(name + ": expected a string, found null");
        }
        return s;
    }
}
