package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuralnotes.models.FitResult;
import org.neuralnotes.train.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Loss curves from loss tables ("step", "loss" and optionally "validation_loss", as
 * {@code History.lossTable()} writes them): training loss as a solid line, validation loss
 * dashed in the same colour, several runs overlaid (one colour each), linear or log scale.
 *
 * <pre>{@code
 * PlotFigure fig = LossCurves.of(Map.of("sgd", sgd.lossTable(), "adam", adam.lossTable()))
 *         .logScale().build();
 * }</pre>
 */
public final class LossCurves {
    private final Map<String, Table> runs;
    private boolean log;
    private String title = "Loss";
    private int width = Style.WIDTH;
    private int height = Style.HEIGHT;

    private LossCurves(Map<String, Table> runs) {
        this.runs = runs;
    }

    /** The curves of one run (named "training" and "validation" in the legend). */
    public static LossCurves of(Table lossTable) {
        check("lossTable", lossTable);
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("", lossTable);
        return new LossCurves(runs);
    }

    /**
     * Several runs overlaid, labelled by the map's keys: in the map's order for a
     * {@code LinkedHashMap} or a sorted map, else (e.g. {@code Map.of}, whose order changes
     * from run to run) in the order of the labels, so the figure is the same every time.
     */
    public static LossCurves of(Map<String, Table> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs: expected at least one (label, loss table), found "
                    + (runs == null ? "null" : "an empty map"));
        }
        List<Map.Entry<String, Table>> entries = new ArrayList<>(runs.entrySet());
        if (!(runs instanceof LinkedHashMap) && !(runs instanceof java.util.SortedMap)) {
            for (Map.Entry<String, Table> e : entries) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("runs: expected a non-empty label for every run, found null");
                }
            }
            entries.sort(Map.Entry.comparingByKey());
        }
        Map<String, Table> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Table> e : entries) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("runs: expected a non-empty label for every run, found "
                        + (e.getKey() == null ? "null" : "\"\""));
            }
            check("runs[\"" + e.getKey() + "\"]", e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        return new LossCurves(copy);
    }

    /** The loss curve of a trainer's run: its {@code History.lossTable()}, validation dashed when present. */
    public static LossCurves of(History history) {
        return of(table("history", history));
    }

    /** The cost curve of note 001's gradient descent: the costs it recorded, at their iterations. */
    public static LossCurves of(FitResult fit) {
        return of(table("fit", fit));
    }

    /** Several trainer runs overlaid, labelled by the map's keys (ordered as in {@link #of(Map)}). */
    public static LossCurves ofHistories(Map<String, History> runs) {
        return of(tables(runs, LossCurves::table));
    }

    /** Several runs of note 001's gradient descent overlaid, labelled by the map's keys. */
    public static LossCurves ofFits(Map<String, FitResult> runs) {
        return of(tables(runs, LossCurves::table));
    }

    private static Table table(String argument, History history) {
        if (history == null) {
            throw new IllegalArgumentException(argument + ": expected a training history, found null");
        }
        return history.lossTable();
    }

    private static Table table(String argument, FitResult fit) {
        if (fit == null) {
            throw new IllegalArgumentException(argument + ": expected a gradient-descent result, found null");
        }
        // the recorded costs as a loss table: iteration → step, cost → loss
        return Table.create("cost", IntColumn.create("step", fit.recordedAt().stream().mapToInt(i -> i).toArray()),
                DoubleColumn.create("loss", fit.costs().stream().mapToDouble(c -> c).toArray()));
    }

    private static <T> Map<String, Table> tables(Map<String, T> runs,
                                                 java.util.function.BiFunction<String, T, Table> toTable) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs: expected at least one (label, run), found "
                    + (runs == null ? "null" : "an empty map"));
        }
        List<Map.Entry<String, T>> entries = new ArrayList<>(runs.entrySet());
        if (!(runs instanceof LinkedHashMap) && !(runs instanceof java.util.SortedMap)) {
            // as in of(Map): a map without an order is drawn in the order of its labels
            entries.sort(Map.Entry.comparingByKey(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        }
        Map<String, Table> out = new LinkedHashMap<>();
        for (Map.Entry<String, T> e : entries) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("runs: expected a non-empty label for every run, found null");
            }
            out.put(e.getKey(), toTable.apply("runs[\"" + e.getKey() + "\"]", e.getValue()));
        }
        return out;
    }

    /** Log scale on the loss axis (every loss must then be > 0). */
    public LossCurves logScale() {
        this.log = true;
        return this;
    }

    /** Linear (false) or log (true) loss axis. */
    public LossCurves logScale(boolean log) {
        this.log = log;
        return this;
    }

    /** The figure's title (default "Loss"). */
    public LossCurves title(String title) {
        this.title = Style.requireText("title", title);
        return this;
    }

    /** Size in pixels (default 700x440). */
    public LossCurves size(int width, int height) {
        this.width = Style.positiveSize("width", width, 100);
        this.height = Style.positiveSize("height", height, 100);
        return this;
    }

    /** The figure. */
    public PlotFigure build() {
        List<Trace> traces = new ArrayList<>();
        int run = 0;
        for (Map.Entry<String, Table> e : runs.entrySet()) {
            String label = e.getKey();
            Table t = e.getValue();
            double[] step = steps(t);
            double[] loss = values(t, "loss");
            if (log) {
                requirePositive(label, "loss", step, loss);
            }
            String color = Style.color(run);
            traces.add(line(label.isEmpty() ? "training" : label, step, loss, color, false));
            if (t.containsColumn("validation_loss")) {
                double[] val = values(t, "validation_loss");
                if (hasFinite(val)) {
                    if (log) {
                        requirePositive(label, "validation_loss", step, val);
                    }
                    traces.add(line(label.isEmpty() ? "validation" : label + " (validation)", step, val,
                            color, true));
                }
            }
            run++;
        }
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(width).height(height)
                .showLegend(true).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis("step"),
                "yaxis", Style.axis(log ? "loss (log scale)" : "loss", "type", log ? "log" : "linear"),
                "margin", Style.map("l", 70, "r", 20, "t", 60, "b", 50));
        return new PlotFigure(title, width, height, layout, extra, traces.toArray(new Trace[0]));
    }

    private static ScatterTrace line(String name, double[] x, double[] y, String color, boolean dashed) {
        Line.LineBuilder line = Line.builder().color(color).width(2);
        if (dashed) {
            line.dash(Line.Dash.DASH);
        }
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(Text.forTablesaw(name))
                .line(line.build()).build();
    }

    private static void check(String argument, Table t) {
        Style.requireColumn(argument, t, "step", IntColumn.class);
        Style.requireColumn(argument, t, "loss", DoubleColumn.class);
        if (t.containsColumn("validation_loss")) {
            Style.requireColumn(argument, t, "validation_loss", DoubleColumn.class);
        }
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException(argument + ": expected at least one row, found an empty table");
        }
    }

    private static double[] steps(Table t) {
        IntColumn c = t.intColumn("step");
        double[] x = new double[c.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.getInt(i);
        }
        return x;
    }

    private static double[] values(Table t, String column) {
        return t.doubleColumn(column).asDoubleArray();
    }

    private static boolean hasFinite(double[] v) {
        for (double d : v) {
            if (Double.isFinite(d)) {
                return true;
            }
        }
        return false;
    }

    private static void requirePositive(String label, String column, double[] step, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) && !Double.isNaN(v[i])) {
                throw new IllegalArgumentException((label.isEmpty() ? "lossTable" : "runs[\"" + label + "\"]")
                        + ": expected " + column + " > 0 for a log scale, found " + v[i] + " at step "
                        + (long) step[i]);
            }
        }
    }
}
