package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * The confusion matrix of a classifier: entry (a, p) counts the examples of actual class a
 * predicted as class p. Classes come from the rows of Ŷ and Y as the notes encode them: one
 * column means class 1 when the entry is at least 0.5; K ≥ 2 columns mean the largest entry.
 */
public final class ConfusionMatrix {
    private ConfusionMatrix() {}

    /** The counts: {@code counts[a][p]}, rows actual class, columns predicted class. */
    public static int[][] counts(DMatrixRMaj predicted, DMatrixRMaj actual) {
        Checks.sameShape("actual", actual, "predicted", predicted);
        int k = Classes.count(actual);
        int[] p = Classes.of("predicted", predicted);
        int[] a = Classes.of("actual", actual);
        int[][] c = new int[k][k];
        for (int i = 0; i < a.length; i++) {
            c[a[i]][p[i]]++;
        }
        return c;
    }

    /** The confusion matrix as a heatmap with the count written in each cell. */
    public static PlotFigure of(DMatrixRMaj predicted, DMatrixRMaj actual, String... classNames) {
        int[][] counts = counts(predicted, actual);
        int k = counts.length;
        if (classNames.length != 0 && classNames.length != k) {
            throw new IllegalArgumentException("classNames: expected " + k + " names (or none), found "
                    + classNames.length);
        }
        // cells at 0, 1, ..., K-1 on both axes; the class names are the tick labels
        Object[] index = new Object[k];
        List<Object> ticks = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            index[c] = (double) c;
            ticks.add(c);
            names.add(Text.forPlotlyLabel(classNames.length == 0 ? String.valueOf(c)
                    : Style.requireText("classNames[" + c + "]", classNames[c])));
        }
        double[][] z = new double[k][k];
        int max = 0;
        List<Object> annotations = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                z[a][p] = counts[a][p];
                max = Math.max(max, counts[a][p]);
            }
        }
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                annotations.add(Style.map("x", p, "y", a, "xref", "x", "yref", "y",
                        "text", String.valueOf(counts[a][p]), "showarrow", false,
                        "font", Style.map("size", 14, "color", counts[a][p] > max / 2.0 ? "#ffffff" : "#222222")));
            }
        }
        String title = "Confusion matrix";
        int size = Math.min(640, 220 + 70 * k);
        Layout layout = Layout.builder().title(title).width(size + 80).height(size).build();
        Map<String, Object> extra = Style.map(
                "xaxis", Style.axis("predicted class", "tickvals", ticks, "ticktext", names,
                        "showgrid", false, "zeroline", false),
                "yaxis", Style.axis("actual class", "tickvals", ticks, "ticktext", names,
                        "showgrid", false, "zeroline", false, "autorange", "reversed"),
                "annotations", annotations,
                "margin", Style.map("l", 90, "r", 20, "t", 60, "b", 60));
        Map<Integer, Map<String, Object>> traceExtra = Map.of(0, Style.map("colorscale", "Blues",
                "reversescale", true, "zmin", 0, "name", "count"));
        return new PlotFigure(title, size + 80, size, layout, extra, traceExtra,
                HeatmapTrace.builder(index, index, z).build());
    }
}
