package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Lines with markers against a shared x axis, each axis linear or logarithmic: the small charts
 * of a notebook (a size per layer, a loss per learning rate, one weight against another).
 *
 * <pre>{@code
 * LineChart.of("Size of the error per layer").x("layer l").y("|delta_l|", true)
 *         .line("sigmoid", layers, sizes).build()
 * }</pre>
 */
public final class LineChart {
    private final String title;
    private String xLabel = "x";
    private boolean xLog;
    private String yLabel = "y";
    private boolean yLog;
    private final List<Trace> traces = new ArrayList<>();

    private LineChart(String title) {
        this.title = Style.requireText("title", title);
    }

    /** A chart with this title and no lines yet. */
    public static LineChart of(String title) {
        return new LineChart(title);
    }

    /** The x axis's label, linear scale. */
    public LineChart x(String label) {
        return x(label, false);
    }

    /** The x axis's label and whether its scale is logarithmic. */
    public LineChart x(String label, boolean log) {
        this.xLabel = Style.requireText("label", label);
        this.xLog = log;
        return this;
    }

    /** The y axis's label, linear scale. */
    public LineChart y(String label) {
        return y(label, false);
    }

    /** The y axis's label and whether its scale is logarithmic. */
    public LineChart y(String label, boolean log) {
        this.yLabel = Style.requireText("label", label);
        this.yLog = log;
        return this;
    }

    /** One line through the points (x[i], y[i]); NaN leaves a gap. */
    public LineChart line(String name, double[] x, double[] y) {
        Style.requireText("name", name);
        if (x == null || y == null || x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x, y: expected two arrays of one equal, positive length, found "
                    + (x == null ? "null" : x.length + " x values") + " and "
                    + (y == null ? "null" : y.length + " y values"));
        }
        traces.add(ScatterTrace.builder(x.clone(), y.clone()).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                .name(Text.forTablesaw(name)).build());
        return this;
    }

    /** The figure. */
    public PlotFigure build() {
        if (traces.isEmpty()) {
            throw new IllegalStateException("expected at least one line (call line(...)), found none");
        }
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(Style.WIDTH).height(Style.HEIGHT)
                .showLegend(true).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis(xLabel, "type", xLog ? "log" : "linear"),
                "yaxis", Style.axis(yLabel, "type", yLog ? "log" : "linear"),
                "margin", Style.map("l", 70, "r", 20, "t", 60, "b", 50));
        return new PlotFigure(title, Style.WIDTH, Style.HEIGHT, layout, extra, traces.toArray(new Trace[0]));
    }
}
