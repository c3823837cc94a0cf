package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuralnotes.train.History;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * Every entry of one weight matrix over the recorded steps, as one heatmap: a horizontal line per
 * entry, in the matrix's row-major order (entries (0,0), (0,1), … so each row of the matrix is a
 * block of as many lines as it has columns, labelled on the left), one column of cells per record,
 * coloured by how far the entry has moved since the first record, w(step) − w(start), on a scale
 * centred at 0 (blue down, red up). Where single weight paths show a few entries, this shows all of
 * them at once: which rows moved, when, and in which direction.
 *
 * <pre>{@code
 * WeightHeatmap.of(history, "W1").build()
 * }</pre>
 */
public final class WeightHeatmap {
    private final String parameter;
    private final int rows;
    private final int cols;
    private final double[] steps;
    /** change[e][k]: entry e (row-major) at record k, minus its value at the first record */
    private final double[][] change;
    private String title;

    private WeightHeatmap(String parameter, int rows, int cols, double[] steps, double[][] change) {
        this.parameter = parameter;
        this.rows = rows;
        this.cols = cols;
        this.steps = steps;
        this.change = change;
        this.title = "Every entry of " + parameter + " (" + rows + "x" + cols + ") over the steps: change since step "
                + (long) steps[0];
    }

    /** The heatmap of {@code parameter} ("W1", "b2", …) from a history that recorded its weights. */
    public static WeightHeatmap of(History history, String parameter) {
        if (history == null) {
            throw new IllegalArgumentException("history: expected a training history, found null");
        }
        if (!history.hasWeights()) {
            throw new IllegalArgumentException("history: expected recorded weight paths, found a history"
                    + " trained with recordWeights(false)");
        }
        return of(history.weightTable(), parameter);
    }

    /** The heatmap of {@code parameter} from a weight table as {@code History.weightTable()} writes it. */
    public static WeightHeatmap of(Table weightTable, String parameter) {
        Style.requireColumn("weightTable", weightTable, "step", IntColumn.class);
        Style.requireColumn("weightTable", weightTable, "parameter", StringColumn.class);
        Table t = weightTable.where(weightTable.stringColumn("parameter").isEqualTo(parameter));
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("parameter: expected one of "
                    + weightTable.stringColumn("parameter").unique().asList() + ", found \"" + parameter + "\"");
        }
        int rows = (int) t.intColumn("row").max() + 1;
        int cols = (int) t.intColumn("col").max() + 1;
        int entries = rows * cols;
        int[] stepValues = t.intColumn("step").unique().asSet().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (t.rowCount() != entries * stepValues.length) {
            throw new IllegalArgumentException("weightTable: expected " + entries + " entries of " + parameter
                    + " at each of " + stepValues.length + " steps, found " + t.rowCount() + " rows");
        }
        double[] steps = new double[stepValues.length];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = stepValues[k];
        }
        double[][] value = new double[entries][stepValues.length];
        // the rows may come in any order: place each by its step, row and column
        for (int n = 0; n < t.rowCount(); n++) {
            int k = java.util.Arrays.binarySearch(stepValues, t.intColumn("step").getInt(n));
            int e = t.intColumn("row").getInt(n) * cols + t.intColumn("col").getInt(n);
            value[e][k] = t.doubleColumn("value").getDouble(n);
        }
        double[][] change = new double[entries][stepValues.length];
        for (int e = 0; e < entries; e++) {
            for (int k = 0; k < steps.length; k++) {
                // w(step) − w(start)
                change[e][k] = value[e][k] - value[e][0];
            }
        }
        return new WeightHeatmap(parameter, rows, cols, steps, change);
    }

    /** The title above the heatmap. */
    public WeightHeatmap title(String title) {
        this.title = Style.requireText("title", title);
        return this;
    }

    /** The largest |w(step) − w(start)| over every entry and record: the end of the colour scale. */
    public double largestChange() {
        double m = 0;
        for (double[] line : change) {
            for (double d : line) {
                m = Math.max(m, Math.abs(d));
            }
        }
        return m;
    }

    /** The figure. */
    public PlotFigure build() {
        Object[] x = new Object[steps.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = steps[k];
        }
        Object[] y = new Object[change.length];
        for (int e = 0; e < y.length; e++) {
            y[e] = (double) e;
        }
        // one tick per row of the matrix (at most about 16 labels)
        int every = Math.max(1, (int) Math.ceil(rows / 16.0));
        List<Object> ticks = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        for (int r = 0; r < rows; r += every) {
            ticks.add(r * cols);
            labels.add(rows == 1 ? parameter : "row " + r);
        }
        int height = Math.min(900, Math.max(300, 120 + 3 * change.length));
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(Style.WIDTH).height(height).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis("step"),
                "yaxis", Style.axis(parameter + " entries, row by row", "tickvals", ticks, "ticktext", labels,
                        "autorange", "reversed", "showgrid", false, "zeroline", false),
                "margin", Style.map("l", 90, "r", 20, "t", 60, "b", 50));
        double end = largestChange() > 0 ? largestChange() : 1;
        // four significant digits are more than a colour shows, and keep the output small
        double[][] z = new double[change.length][];
        for (int e = 0; e < z.length; e++) {
            z[e] = new double[change[e].length];
            for (int k = 0; k < z[e].length; k++) {
                z[e][k] = change[e][k] == 0 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.4g", change[e][k]));
            }
        }
        Map<Integer, Map<String, Object>> traceExtra = Map.of(0, Style.map("colorscale", "RdBu",
                "reversescale", true, "zmin", -end, "zmax", end, "name", "w - w(start)"));
        return new PlotFigure(title, Style.WIDTH, height, layout, extra, traceExtra,
                HeatmapTrace.builder(x, y, z).build());
    }
}
