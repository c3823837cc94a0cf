package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neuralnotes.train.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Weight paths: how each entry of one parameter matrix moved over the training steps, one
 * small panel per entry, the panels laid out like the matrix itself (W1 of shape 3x4 gives
 * 3 rows of 4 panels; b1 of shape 1x4 gives one row). One figure per matrix, drawn with a
 * plotly grid layout.
 *
 * <p>Input is the long weight table of {@code History.weightTable()}: "step", "parameter",
 * "row", "col", "value" (rows and columns counted from 0). A matrix larger than
 * {@value #MAX_SIDE}x{@value #MAX_SIDE} is too many panels to read: choose the rows and
 * columns to draw explicitly, e.g. {@code .rows(WeightPaths.spread(784, 8))}.
 */
public final class WeightPaths {
    /** The largest number of panel rows or columns drawn without an explicit choice. */
    public static final int MAX_SIDE = 16;

    private final Table table;
    private final String parameter;
    private final int matrixRows;
    private final int matrixCols;
    private int[] rows;
    private int[] cols;
    private int panelWidth;
    private int panelHeight;
    private List<String> rowNames;

    private WeightPaths(Table table, String parameter, int matrixRows, int matrixCols) {
        this.table = table;
        this.parameter = parameter;
        this.matrixRows = matrixRows;
        this.matrixCols = matrixCols;
    }

    /** The paths of one parameter (for example "W1") from a weight table. */
    public static WeightPaths of(Table weightTable, String parameter) {
        check(weightTable);
        Style.requireText("parameter", parameter);
        Table t = weightTable.where(weightTable.stringColumn("parameter").isEqualTo(parameter));
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("parameter: expected one of " + parameters(weightTable)
                    + ", found \"" + parameter + "\"");
        }
        IntColumn r = t.intColumn("row");
        IntColumn c = t.intColumn("col");
        if (r.min() < 0 || c.min() < 0) {
            throw new IllegalArgumentException("weightTable: expected row and col >= 0 for " + parameter
                    + ", found row " + (int) r.min() + ", col " + (int) c.min());
        }
        return new WeightPaths(t, parameter, (int) r.max() + 1, (int) c.max() + 1);
    }

    /**
     * Note 000's layout of a one-hidden-layer network's paths: W ((p+1)×K, biases b1 in row 0, W1
     * below) and B ((K+1)×w, b2 in row 0, W2 below), one figure each, panel W[j,k-1] being w_kj
     * and panel B[k,0] being β_k. The history must hold the paths of W1, b1, W2 and b2.
     */
    public static FigureGroup noteLayout(History history) {
        if (history == null) {
            throw new IllegalArgumentException("history: expected a training history, found null");
        }
        if (!history.parameterNames().equals(List.of("W1", "b1", "W2", "b2"))) {
            throw new IllegalArgumentException("history: expected the parameters [W1, b1, W2, b2] of one hidden"
                    + " layer, found " + history.parameterNames());
        }
        Table recorded = history.weightTable();
        StringColumn name = recorded.stringColumn("parameter");
        IntColumn row = recorded.intColumn("row");
        StringColumn parameter = StringColumn.create("parameter");
        IntColumn noteRow = IntColumn.create("row");
        for (int i = 0; i < recorded.rowCount(); i++) {
            String n = name.get(i);
            // W1, b1 go to W; W2, b2 go to B
            parameter.append(n.endsWith("1") ? "W" : "B");
            // a bias is row 0, weight row r is row r + 1
            noteRow.append(n.startsWith("b") ? 0 : row.getInt(i) + 1);
        }
        Table paths = Table.create("note 000 layout", recorded.intColumn("step"), parameter, noteRow,
                recorded.intColumn("col"), recorded.doubleColumn("value"));
        return new FigureGroup(List.of(of(paths, "W").build(), of(paths, "B").build()));
    }

    /** One figure per parameter, in the order the parameters first appear in the table. */
    public static FigureGroup all(Table weightTable) {
        check(weightTable);
        List<PlotFigure> figures = new ArrayList<>();
        for (String p : parameters(weightTable)) {
            figures.add(of(weightTable, p).build());
        }
        return new FigureGroup(figures);
    }

    /** The parameter names in the table, in order of first appearance. */
    public static List<String> parameters(Table weightTable) {
        check(weightTable);
        Set<String> names = new LinkedHashSet<>();
        StringColumn p = weightTable.stringColumn("parameter");
        for (int i = 0; i < p.size(); i++) {
            names.add(p.get(i));
        }
        return new ArrayList<>(names);
    }

    /** {@code count} indices spread evenly over 0..n-1, first and last included: a readable subset. */
    public static int[] spread(int n, int count) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected an integer >= 1, found " + n);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count: expected an integer >= 1, found " + count);
        }
        int k = Math.min(n, count);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            // i-th of k points on [0, n-1], rounded to the nearest index
            idx[i] = k == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (k - 1));
        }
        return idx;
    }

    /** Draw only these matrix rows (each in 0..rows-1, no repeats), in this order. */
    public WeightPaths rows(int... rows) {
        this.rows = checkSubset("rows", rows, matrixRows);
        return this;
    }

    /** Draw only these matrix columns (each in 0..cols-1, no repeats), in this order. */
    public WeightPaths cols(int... cols) {
        this.cols = checkSubset("cols", cols, matrixCols);
        return this;
    }

    /**
     * A name for each matrix row, added to its panels' labels (for example the feature a row of
     * W1 multiplies): one name per row of the matrix.
     */
    public WeightPaths rowNames(List<String> names) {
        if (names == null || names.size() != matrixRows) {
            throw new IllegalArgumentException("names: expected " + matrixRows + " row names (" + parameter
                    + " is " + shape() + "), found " + (names == null ? "null" : names.size()));
        }
        this.rowNames = List.copyOf(names);
        return this;
    }

    /** Size of one panel in pixels (default: about 700 pixels in all, 90 to 170 per panel). */
    public WeightPaths panelSize(int width, int height) {
        this.panelWidth = Style.positiveSize("width", width, 40);
        this.panelHeight = Style.positiveSize("height", height, 40);
        return this;
    }

    /** The matrix shape seen in the table, as "rows x cols". */
    public String shape() {
        return matrixRows + "x" + matrixCols;
    }

    /** The figure: a grid of |rows| x |cols| panels, panel (i, j) showing entry (rows[i], cols[j]). */
    public PlotFigure build() {
        int[] r = rows != null ? rows : all("rows", matrixRows);
        int[] c = cols != null ? cols : all("cols", matrixCols);
        int nr = r.length;
        int nc = c.length;
        // one list of (step, value) per matrix entry
        List<List<double[]>> paths = new ArrayList<>();
        for (int i = 0; i < matrixRows * matrixCols; i++) {
            paths.add(new ArrayList<>());
        }
        IntColumn step = table.intColumn("step");
        IntColumn row = table.intColumn("row");
        IntColumn col = table.intColumn("col");
        DoubleColumn value = table.doubleColumn("value");
        for (int i = 0; i < table.rowCount(); i++) {
            paths.get(row.getInt(i) * matrixCols + col.getInt(i))
                    .add(new double[] {step.getInt(i), value.getDouble(i)});
        }
        int pw = panelWidth > 0 ? panelWidth : Math.max(90, Math.min(170, 680 / nc));
        int ph = panelHeight > 0 ? panelHeight : Math.max(80, Math.min(130, (int) (0.75 * pw)));
        int width = Math.max(460, nc * pw + 90);
        int height = nr * ph + 130;
        Trace[] traces = new Trace[nr * nc];
        List<Object> annotations = new ArrayList<>();
        Map<String, Object> extra = Style.map();
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                int k = i * nc + j + 1;   // plotly's grid fills axes x, x2, x3, ... row by row
                String axis = k == 1 ? "" : String.valueOf(k);
                List<double[]> path = paths.get(r[i] * matrixCols + c[j]);
                path.sort((a, b) -> Double.compare(a[0], b[0]));
                double[] x = new double[path.size()];
                double[] y = new double[path.size()];
                for (int s = 0; s < x.length; s++) {
                    x[s] = path.get(s)[0];
                    y[s] = path.get(s)[1];
                }
                String label = panelLabel(parameter, r[i], c[j])
                        + (rowNames == null ? "" : " " + rowNames.get(r[i]));
                traces[k - 1] = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE)
                        .name(Text.forTablesaw(label)).xAxis("x" + axis).yAxis("y" + axis)
                        .line(Line.builder().color(Style.color(0)).width(1.5).build()).build();
                annotations.add(Style.map("text", Text.forPlotlyLabel(label), "showarrow", false,
                        "xref", "x" + axis + " domain", "yref", "y" + axis + " domain",
                        "x", 0.5, "y", 1.0, "xanchor", "center", "yanchor", "bottom",
                        "font", Style.map("size", 10)));
                extra.put("xaxis" + axis, Style.map("nticks", 3, "tickfont", Style.map("size", 9)));
                extra.put("yaxis" + axis, Style.map("nticks", 4, "tickfont", Style.map("size", 9)));
            }
        }
        extra.put("annotations", annotations);
        extra.put("margin", Style.map("l", 50, "r", 20, "t", nr == matrixRows && nc == matrixCols ? 80 : 100, "b", 30));
        String title = parameter + " (" + shape() + "): paths over the steps" + subsetNote(nr, nc);
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(width).height(height)
                .showLegend(false)
                .grid(Grid.builder().rows(nr).columns(nc).pattern(Grid.Pattern.INDEPENDENT)
                        .rowOrder(Grid.RowOrder.TOP_TO_BOTTOM).xGap(0.3).yGap(0.45)
                        // tick labels beside every panel: each entry has its own range
                        .xSide(Grid.XSide.BOTTOM_PLOT).ySide(Grid.YSide.LEFT_PLOT).build())
                .build();
        return new PlotFigure(title, width, height, layout, extra, traces);
    }

    /** The panel label: the parameter and the entry's (row, col), counted from 0. */
    static String panelLabel(String parameter, int row, int col) {
        return parameter + "[" + row + "," + col + "]";
    }

    private String subsetNote(int nr, int nc) {
        if (nr == matrixRows && nc == matrixCols) {
            return "";
        }
        return "\n" + nr + " of " + matrixRows + " rows x " + nc + " of " + matrixCols + " cols";
    }

    private int[] all(String which, int n) {
        if (n > MAX_SIDE) {
            throw new IllegalArgumentException(which + ": " + parameter + " is " + shape() + ", more than "
                    + MAX_SIDE + " " + which + " of panels; choose the " + which + " to draw, e.g. ."
                    + which + "(WeightPaths.spread(" + n + ", 8))");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private int[] checkSubset(String name, int[] idx, int n) {
        if (idx == null || idx.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one index, found "
                    + (idx == null ? "null" : "none"));
        }
        Set<Integer> seen = new LinkedHashSet<>();
        for (int i : idx) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException(name + ": expected indices in 0.." + (n - 1) + " (" + parameter
                        + " is " + shape() + "), found " + i);
            }
            if (!seen.add(i)) {
                throw new IllegalArgumentException(name + ": expected distinct indices, found " + i + " twice");
            }
        }
        return Arrays.copyOf(idx, idx.length);
    }

    private static void check(Table t) {
        Style.requireColumn("weightTable", t, "step", IntColumn.class);
        Style.requireColumn("weightTable", t, "parameter", StringColumn.class);
        Style.requireColumn("weightTable", t, "row", IntColumn.class);
        Style.requireColumn("weightTable", t, "col", IntColumn.class);
        Style.requireColumn("weightTable", t, "value", DoubleColumn.class);
    }
}
