package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The decision boundary of a classifier with two inputs, drawn over its data. The predictor
 * is evaluated on a regular grid covering the data (for example {@code network::predict}):
 * <ul>
 *   <li>one output column (a sigmoid): the probability of class 1 as a colour map, and the
 *       line where it equals 0.5;</li>
 *   <li>K ≥ 2 output columns (softmax): the predicted class (largest output) as colour areas.</li>
 * </ul>
 * The examples are drawn on top, one colour per actual class (Y: N×1 labels 0/1, or N×K one-hot).
 */
public final class DecisionBoundary {
    private final Function<DMatrixRMaj, DMatrixRMaj> predictor;
    private final DMatrixRMaj x;
    private final DMatrixRMaj y;
    private int resolution = 101;
    private double padding = 0.1;
    private String title = "Decision boundary";
    private int width = Style.WIDTH;
    private int height = 560;

    private DecisionBoundary(Function<DMatrixRMaj, DMatrixRMaj> predictor, DMatrixRMaj x, DMatrixRMaj y) {
        this.predictor = predictor;
        this.x = x;
        this.y = y;
    }

    /** The boundary of {@code predictor} over the examples X (N×2) with labels Y (N×1 or N×K). */
    public static DecisionBoundary of(Function<DMatrixRMaj, DMatrixRMaj> predictor, DMatrixRMaj X,
            DMatrixRMaj Y) {
        if (predictor == null) {
            throw new IllegalArgumentException("predictor: expected a function, found null");
        }
        Checks.cols("X", X, 2);
        Checks.finite("X", X);
        Checks.finite("Y", Y);
        if (Y.numRows != X.numRows) {
            throw new IllegalArgumentException("Y: expected " + X.numRows + " rows (one per row of X), found "
                    + Checks.shape(Y));
        }
        return new DecisionBoundary(predictor, X, Y);
    }

    /** Grid points along each axis (default 101; at least 2). */
    public DecisionBoundary resolution(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points: expected an integer >= 2, found " + points);
        }
        this.resolution = points;
        return this;
    }

    /** Margin around the data, as a fraction of its range (default 0.1). */
    public DecisionBoundary padding(double fraction) {
        this.padding = Checks.nonNegative("fraction", fraction);
        return this;
    }

    /** The figure's title. */
    public DecisionBoundary title(String title) {
        this.title = Style.requireText("title", title);
        return this;
    }

    /** Size in pixels. */
    public DecisionBoundary size(int width, int height) {
        this.width = Style.positiveSize("width", width, 100);
        this.height = Style.positiveSize("height", height, 100);
        return this;
    }

    /** Grid coordinates: {@code axes()[0]} along x₁, {@code axes()[1]} along x₂. */
    double[][] axes() {
        double[][] axes = new double[2][];
        for (int j = 0; j < 2; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.numRows; i++) {
                lo = Math.min(lo, x.get(i, j));
                hi = Math.max(hi, x.get(i, j));
            }
            double range = hi > lo ? hi - lo : 1.0;
            lo -= padding * range;
            hi += padding * range;
            axes[j] = new double[resolution];
            for (int k = 0; k < resolution; k++) {
                axes[j][k] = lo + (hi - lo) * k / (resolution - 1);
            }
        }
        return axes;
    }

    /**
     * The surface drawn: {@code z[i][k]} at (x₁ = axes[0][k], x₂ = axes[1][i]) is the
     * probability of class 1 (one output column) or the predicted class (K ≥ 2 columns).
     */
    record Surface(double[][] z, int outputColumns) {}

    Surface surface(double[][] axes) {
        int n = resolution;
        DMatrixRMaj grid = new DMatrixRMaj(n * n, 2);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                grid.set(i * n + k, 0, axes[0][k]);
                grid.set(i * n + k, 1, axes[1][i]);
            }
        }
        DMatrixRMaj out = predictor.apply(grid);
        if (out == null || out.numRows != n * n) {
            throw new IllegalArgumentException("predictor: expected " + (n * n) + " rows of output for a "
                    + (n * n) + "x2 grid, found " + (out == null ? "null" : Checks.shape(out)));
        }
        Checks.finite("predictor output", out);
        int[] cls = out.numCols == 1 ? null : Classes.of("predictor output", out);
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                // probabilities to 4 decimals: plenty for a colour map, and a third of the size
                z[i][k] = cls == null ? Math.rint(out.get(i * n + k, 0) * 1e4) / 1e4 : cls[i * n + k];
            }
        }
        return new Surface(z, out.numCols);
    }

    /** The figure. */
    public PlotFigure build() {
        double[][] axes = axes();
        Surface surface = surface(axes);
        double[][] z = surface.z();
        boolean probability = surface.outputColumns() == 1;
        int classes = probability ? 2 : surface.outputColumns();
        List<Trace> traces = new ArrayList<>();
        Map<Integer, Map<String, Object>> traceExtra = new LinkedHashMap<>();
        Object[] ax = box(axes[0]);
        Object[] ay = box(axes[1]);
        traces.add(HeatmapTrace.builder(ax, ay, z).build());
        if (probability) {
            traceExtra.put(0, Style.map("zmin", 0, "zmax", 1, "opacity", 0.55, "name", "P(class 1)",
                    "colorscale", List.of(List.of(0, "#d6e4f5"), List.of(1, "#fbd9c4")),
                    "colorbar", Style.map("title", Style.map("text", "P(class 1)"), "len", 0.6)));
            // a heatmap trace turned into a contour: Tablesaw's ContourTrace names every
            // trace "trace0" in its script, which breaks figures with more than one trace
            traces.add(HeatmapTrace.builder(ax, ay, z).build());
            traceExtra.put(1, Style.map("type", "contour", "name", "P = 0.5", "showscale", false, "hoverinfo", "skip",
                    "contours", Style.map("start", 0.5, "end", 0.5, "size", 1, "coloring", "lines"),
                    "line", Style.map("color", "#333333", "width", 2),
                    "colorscale", List.of(List.of(0, "#333333"), List.of(1, "#333333"))));
        } else {
            List<Object> scale = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                // class c fills [c/K, (c+1)/K] of the colour range, so zmin -0.5 and zmax K-0.5 centre it
                scale.add(List.of((double) c / classes, Style.color(c)));
                scale.add(List.of((double) (c + 1) / classes, Style.color(c)));
            }
            traceExtra.put(0, Style.map("zmin", -0.5, "zmax", classes - 0.5, "opacity", 0.3,
                    "showscale", false, "name", "predicted class", "colorscale", scale));
        }
        int[] actual = Classes.of("Y", y);
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < actual.length; i++) {
                if (actual[i] == c) {
                    rows.add(i);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            double[] px = new double[rows.size()];
            double[] py = new double[rows.size()];
            for (int i = 0; i < px.length; i++) {
                px[i] = x.get(rows.get(i), 0);
                py[i] = x.get(rows.get(i), 1);
            }
            traces.add(ScatterTrace.builder(px, py).mode(ScatterTrace.Mode.MARKERS)
                    .name(Text.forTablesaw("class " + c))
                    .marker(Marker.builder().color(Style.color(c)).size(7).build()).build());
            traceExtra.put(traces.size() - 1, Style.map("marker", Style.map("line",
                    Style.map("color", "#ffffff", "width", 1))));
        }
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(width).height(height)
                .showLegend(true).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis("x₁", "range", List.of(axes[0][0], axes[0][resolution - 1])),
                "yaxis", Style.axis("x₂", "range", List.of(axes[1][0], axes[1][resolution - 1])),
                "legend", Style.map("x", 1.02, "y", 1.0),
                "margin", Style.map("l", 60, "r", 20, "t", 60, "b", 50));
        return new PlotFigure(title, width, height, layout, extra, traceExtra, traces.toArray(new Trace[0]));
    }

    private static Object[] box(double[] v) {
        Object[] o = new Object[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i];
        }
        return o;
    }
}
