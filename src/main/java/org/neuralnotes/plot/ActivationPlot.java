package org.neuralnotes.plot;

import java.util.Map;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * An activation function A = g(Z) and its derivative g'(Z), drawn over a range of z. Both are
 * given as functions of a matrix (applied to a column of z values), so an {@code Activation}
 * plugs in directly: {@code Z -> act.forward(Z)} and {@code Z -> act.backward(Z, ones)} (the
 * backward pass with dA = 1 gives g'(Z)).
 */
public final class ActivationPlot {
    private ActivationPlot() {}

    /** g and g' on [-5, 5]. */
    public static PlotFigure of(String name, Function<DMatrixRMaj, DMatrixRMaj> g,
            Function<DMatrixRMaj, DMatrixRMaj> derivative) {
        return of(name, g, derivative, -5, 5);
    }

    /** g and g' on [from, to], at 201 points. */
    public static PlotFigure of(String name, Function<DMatrixRMaj, DMatrixRMaj> g,
            Function<DMatrixRMaj, DMatrixRMaj> derivative, double from, double to) {
        Style.requireText("name", name);
        if (g == null || derivative == null) {
            throw new IllegalArgumentException((g == null ? "g" : "derivative")
                    + ": expected a function, found null");
        }
        if (!(from < to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("from, to: expected finite from < to, found " + from + ", " + to);
        }
        int n = 201;
        DMatrixRMaj z = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            z.set(i, 0, from + (to - from) * i / (n - 1));
        }
        double[] a = column("g", g.apply(z.copy()), n);
        double[] da = column("derivative", derivative.apply(z.copy()), n);
        double[] zs = z.data.clone();
        String title = name + " and its derivative";
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(Style.WIDTH).height(Style.HEIGHT)
                .showLegend(true).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis("z"),
                "yaxis", Style.axis(""),
                "margin", Style.map("l", 60, "r", 20, "t", 60, "b", 50));
        return new PlotFigure(title, Style.WIDTH, Style.HEIGHT, layout, extra,
                ScatterTrace.builder(zs, a).mode(ScatterTrace.Mode.LINE).name(Text.forTablesaw("g(z)"))
                        .line(Line.builder().color(Style.color(0)).width(2.5).build()).build(),
                ScatterTrace.builder(zs, da).mode(ScatterTrace.Mode.LINE).name(Text.forTablesaw("g'(z)"))
                        .line(Line.builder().color(Style.color(1)).width(2.5).dash(Line.Dash.DASH).build())
                        .build());
    }

    private static double[] column(String name, DMatrixRMaj m, int n) {
        if (m == null) {
            throw new IllegalArgumentException(name + ": expected a " + n + "x1 result, found null");
        }
        Checks.shape(name, m, n, 1);
        Checks.finite(name, m);
        return m.data.clone();
    }
}
