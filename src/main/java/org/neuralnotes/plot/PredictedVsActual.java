package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Predicted against actual values for regression: one point per example (one colour per
 * output column), and the line ŷ = y on which a perfect model's points would lie.
 */
public final class PredictedVsActual {
    private PredictedVsActual() {}

    /** The figure for predictions Ŷ and targets Y, both N×K. */
    public static PlotFigure of(DMatrixRMaj predicted, DMatrixRMaj actual) {
        return of(predicted, actual, "Predicted against actual");
    }

    /** The same, with a title. */
    public static PlotFigure of(DMatrixRMaj predicted, DMatrixRMaj actual, String title) {
        Checks.finite("predicted", predicted);
        Checks.finite("actual", actual);
        Checks.sameShape("actual", actual, "predicted", predicted);
        Style.requireText("title", title);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < actual.getNumElements(); i++) {
            lo = Math.min(lo, Math.min(actual.data[i], predicted.data[i]));
            hi = Math.max(hi, Math.max(actual.data[i], predicted.data[i]));
        }
        List<Trace> traces = new ArrayList<>();
        // ŷ = y
        traces.add(ScatterTrace.builder(new double[] {lo, hi}, new double[] {lo, hi})
                .mode(ScatterTrace.Mode.LINE).name(Text.forTablesaw("ŷ = y"))
                .line(Line.builder().color("#888888").dash(Line.Dash.DASH).width(1.5).build()).build());
        int n = actual.numRows;
        for (int j = 0; j < actual.numCols; j++) {
            double[] y = new double[n];
            double[] yHat = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = actual.get(i, j);
                yHat[i] = predicted.get(i, j);
            }
            String name = actual.numCols == 1 ? "examples" : "output " + j;
            traces.add(ScatterTrace.builder(y, yHat).mode(ScatterTrace.Mode.MARKERS).name(Text.forTablesaw(name))
                    .marker(Marker.builder().color(Style.color(j)).size(6).opacity(0.75).build()).build());
        }
        Layout layout = Layout.builder().title(Text.forTablesaw(title)).width(Style.WIDTH).height(Style.HEIGHT)
                .showLegend(true).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis("actual y"),
                "yaxis", Style.axis("predicted ŷ"),
                "margin", Style.map("l", 70, "r", 20, "t", 60, "b", 50));
        return new PlotFigure(title, Style.WIDTH, Style.HEIGHT, layout, extra, traces.toArray(new Trace[0]));
    }
}
