package org.neuralnotes.plot;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;

import tech.tablesaw.api.Table;

/**
 * The figures of the notes in one place. Each method returns a Tablesaw figure
 * ({@link PlotFigure}) that shows as a plot when it is a notebook cell's result or passed to
 * {@code display(...)}; the builder classes ({@link LossCurves}, {@link WeightPaths},
 * {@link DecisionBoundary}) have more options.
 *
 * <pre>{@code
 * Plots.loss(history.lossTable())                 // training and validation loss
 * Plots.weightPaths(history.weightTable(), "W1")  // a panel per entry of W1, laid out like W1
 * Plots.decisionBoundary(network::predict, X, Y)
 * }</pre>
 */
public final class Plots {
    static {
        Notebook.install();
    }

    private Plots() {}

    /** Training and validation loss of one run, linear scale. */
    public static PlotFigure loss(Table lossTable) {
        return LossCurves.of(lossTable).build();
    }

    /** Several runs overlaid (label → loss table), linear scale; see {@link LossCurves#of(Map)} for the order. */
    public static PlotFigure loss(Map<String, Table> runs) {
        return LossCurves.of(runs).build();
    }

    /** Several runs overlaid (label → loss table); log scale when asked. */
    public static PlotFigure loss(Map<String, Table> runs, boolean logScale) {
        return LossCurves.of(runs).logScale(logScale).build();
    }

    /** The weight paths of one parameter matrix, panels laid out like the matrix. */
    public static PlotFigure weightPaths(Table weightTable, String parameter) {
        return WeightPaths.of(weightTable, parameter).build();
    }

    /** The weight paths of every parameter, one figure per matrix. */
    public static FigureGroup weightPaths(Table weightTable) {
        return WeightPaths.all(weightTable);
    }

    /** The decision boundary of a two-input classifier over its data. */
    public static PlotFigure decisionBoundary(Function<DMatrixRMaj, DMatrixRMaj> predictor, DMatrixRMaj X,
            DMatrixRMaj Y) {
        return DecisionBoundary.of(predictor, X, Y).build();
    }

    /** Predicted against actual values (regression). */
    public static PlotFigure predictedVsActual(DMatrixRMaj predicted, DMatrixRMaj actual) {
        return PredictedVsActual.of(predicted, actual);
    }

    /** The confusion matrix of a classifier. */
    public static PlotFigure confusionMatrix(DMatrixRMaj predicted, DMatrixRMaj actual, String... classNames) {
        return ConfusionMatrix.of(predicted, actual, classNames);
    }

    /** An activation function and its derivative on [-5, 5]. */
    public static PlotFigure activation(String name, Function<DMatrixRMaj, DMatrixRMaj> g,
            Function<DMatrixRMaj, DMatrixRMaj> derivative) {
        return ActivationPlot.of(name, g, derivative);
    }

    /** Writes a standalone HTML page (plotly.js inline, works offline) of figures and groups. */
    public static Path savePage(Path file, String title, Object... items) {
        return HtmlPage.write(file, title, java.util.Arrays.asList(items));
    }
}
