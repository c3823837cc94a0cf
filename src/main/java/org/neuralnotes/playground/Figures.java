package org.neuralnotes.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.nn.Parameter;
import org.neuralnotes.plot.DecisionBoundary;
import org.neuralnotes.plot.FigureGroup;
import org.neuralnotes.plot.HtmlOutput;
import org.neuralnotes.plot.LossCurves;
import org.neuralnotes.plot.PlotFigure;

import tech.tablesaw.api.Table;

/** What the playground shows of a run: the decision boundary, the loss curves, the weights. */
final class Figures {
    /** Grid points along each axis of the decision boundary: coarse, so that redraws stay quick. */
    static final int RESOLUTION = 41;

    private Figures() {}

    /** The boundary over the training points, over the test points, and both losses by step. */
    static FigureGroup plots(Run run) {
        PlotFigure train = DecisionBoundary.of(run.network()::predict, run.xTrain(), run.yTrain())
                .resolution(RESOLUTION).title("Training points, step " + run.steps()).size(300, 280).build();
        PlotFigure test = DecisionBoundary.of(run.network()::predict, run.xTest(), run.yTest())
                .resolution(RESOLUTION).title("Test points, step " + run.steps()).size(300, 280).build();
        List<Table> t = run.lossTables();
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("train", t.get(0));
        runs.put("test", t.get(1));
        PlotFigure loss = LossCurves.of(runs).title("Loss (cross-entropy)").size(360, 280).build();
        return new FigureGroup(List.of(train, test, loss));
    }

    /**
     * Every W[l] as a grid of squares, rows = inputs, columns = units: blue for w > 0, red for
     * w < 0, the stronger the colour the larger |w| against the largest |w| of that layer.
     */
    static HtmlOutput weights(Run run) {
        StringBuilder html = new StringBuilder("<div style=\"display:flex;gap:18px;flex-wrap:wrap;"
                + "font:12px sans-serif\" class=\"nn-playground-weights\">");
        StringBuilder text = new StringBuilder();
        for (Parameter p : run.network().parameters()) {
            if (!p.name().startsWith("W")) {
                continue;
            }
            DMatrixRMaj w = p.value();
            double max = 0;
            for (double v : w.data) {
                max = Math.max(max, Math.abs(v));
            }
            html.append("<div><div>").append(p.name()).append(" (").append(w.numRows).append("×")
                    .append(w.numCols).append("), max |w| = ").append(String.format(Locale.ROOT, "%.2g", max))
                    .append("</div><table style=\"border-collapse:collapse\">");
            for (int i = 0; i < w.numRows; i++) {
                html.append("<tr>");
                for (int j = 0; j < w.numCols; j++) {
                    double v = w.get(i, j);
                    double strength = max == 0 ? 0 : Math.abs(v) / max;
                    String rgb = v >= 0 ? "33,102,172" : "178,24,43";
                    html.append(String.format(Locale.ROOT, "<td title=\"%s[%d,%d] = %.4g\" style=\"width:16px;"
                            + "height:16px;border:1px solid #ddd;background:rgba(%s,%.2f)\"></td>", p.name(), i + 1,
                            j + 1, v, rgb, strength));
                }
                html.append("</tr>");
            }
            html.append("</table></div>");
            text.append(p.name()).append(String.format(Locale.ROOT, " max |w| = %.3g; ", max));
        }
        html.append("</div>");
        return new HtmlOutput(html.toString(), "weights: " + text.toString().trim());
    }

    /** The learning rate as the slider reads it out (two significant digits). */
    static String rate(double alpha) {
        return String.format(Locale.ROOT, "%.2g", alpha);
    }

    /** One line for the reader: the step, both losses, the rule. */
    static String status(Run run) {
        Setting s = run.setting();
        String line = String.format(Locale.ROOT, "step %d · train loss %.4f · test loss %.4f · %s, learning rate %s,"
                + " batch %d", run.steps(), run.lastTrainLoss(), run.lastTestLoss(), s.optimizer(), rate(s.learningRate()),
                s.batchSize());
        return run.diverged() == null ? line : line + " · " + run.diverged();
    }

    /** The numbers of the status line, by name: what a notebook's tests read. */
    static Map<String, Object> values(Run run) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("steps", run.steps());
        v.put("train_loss", run.lastTrainLoss());
        v.put("test_loss", run.lastTestLoss());
        v.put("test_accuracy", run.network().accuracy(run.xTest(), run.yTest()));
        v.put("dataset", run.setting().dataset());
        v.put("diverged", run.diverged() != null);
        return v;
    }
}
