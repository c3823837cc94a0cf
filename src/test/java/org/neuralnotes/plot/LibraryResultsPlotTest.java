package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.models.FitResult;
import org.neuralnotes.models.GradientDescentSettings;
import org.neuralnotes.models.LogisticRegression;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;
import org.neuralnotes.train.History;
import org.neuralnotes.train.Trainer;

/** Loss curves and weight paths drawn straight from the library's results, no table rebuilt. */
class LibraryResultsPlotTest {
    private final Rng rng = new Rng(5);
    private final DMatrixRMaj X = new DMatrixRMaj(30, 2);
    private final DMatrixRMaj Y = new DMatrixRMaj(30, 1);

    LibraryResultsPlotTest() {
        for (int i = 0; i < 30; i++) {
            X.set(i, 0, rng.normal(0, 1));
            X.set(i, 1, rng.normal(0, 1));
            Y.set(i, 0, X.get(i, 0) + 0.5 * X.get(i, 1) > 0 ? 1 : 0);
        }
    }

    private History oneHiddenLayerRun(int steps) {
        Network net = Network.builder(2).dense(3, Activations.sigmoid()).dense(1, Activations.identity())
                .loss(Losses.halfMeanSquaredError()).build(Initializers.uniform(-1, 1), new Rng(9));
        return Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(steps).recordWeights(true)
                .build().fit(net, X, Y, null);
    }

    @Test
    void aHistoryIsDrawnAtItsRecordedStepsAndLosses() {
        History h = oneHiddenLayerRun(6);
        String js = Scripts.trace(LossCurves.of(h).build(), 0);
        double[] steps = java.util.Arrays.stream(h.steps()).asDoubleStream().toArray();
        assertArrayEquals(steps, Scripts.numbers(js, "x"));
        assertArrayEquals(h.losses(), Scripts.numbers(js, "y"), 1e-12);
    }

    @Test
    void aFitResultIsDrawnAtItsRecordedIterationsAndCosts() {
        FitResult fit = LogisticRegression.zeros(2).fit(X, Y, GradientDescentSettings.of(0.1, 300));
        String js = Scripts.trace(LossCurves.of(fit).build(), 0);
        assertArrayEquals(new double[] {0, 100, 200}, Scripts.numbers(js, "x"));
        double[] costs = fit.costs().stream().mapToDouble(c -> c).toArray();
        assertArrayEquals(costs, Scripts.numbers(js, "y"), 1e-12);
        // the first cost, at w = 0, b = 0, is ln 2
        assertEquals(Math.log(2), costs[0], 1e-12);
    }

    @Test
    void severalRunsKeepTheirLabelsInOrder() {
        Map<String, FitResult> fits = new LinkedHashMap<>();
        fits.put("slow", LogisticRegression.zeros(2).fit(X, Y, GradientDescentSettings.of(0.01, 200)));
        fits.put("fast", LogisticRegression.zeros(2).fit(X, Y, GradientDescentSettings.of(0.5, 200)));
        PlotFigure f = LossCurves.ofFits(fits).build();
        assertEquals("slow", Scripts.literal(Scripts.trace(f, 0), "name"));
        assertEquals("fast", Scripts.literal(Scripts.trace(f, 1), "name"));
        // Map.of has no order: the labels' order
        PlotFigure g = LossCurves.ofHistories(Map.of("b", oneHiddenLayerRun(2), "a", oneHiddenLayerRun(3))).build();
        assertEquals("a", Scripts.literal(Scripts.trace(g, 0), "name"));
        assertEquals(3, Scripts.numbers(Scripts.trace(g, 0), "x").length - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossCurves.of((History) null));
        assertTrue(e.getMessage().startsWith("history: expected a training history, found null"), e.getMessage());
    }

    @Test
    void theNoteLayoutPutsBiasesInRowZeroAndWeightsBelow() {
        History h = oneHiddenLayerRun(4);
        FigureGroup g = WeightPaths.noteLayout(h);
        PlotFigure W = g.get(0), B = g.get(1);
        assertEquals("W (3x3): paths over the steps", W.title());
        assertEquals("B (4x1): paths over the steps", B.title());
        for (int k = 0; k < 3; k++) {
            // W[0,k] is b1's entry k; W[j,k] is W1[j-1,k]
            assertArrayEquals(h.path("b1", 0, k), Scripts.numbers(Scripts.trace(W, k), "y"), 1e-15);
            for (int j = 1; j <= 2; j++) {
                assertArrayEquals(h.path("W1", j - 1, k), Scripts.numbers(Scripts.trace(W, 3 * j + k), "y"), 1e-15);
            }
            assertArrayEquals(h.path("W2", k, 0), Scripts.numbers(Scripts.trace(B, k + 1), "y"), 1e-15);
        }
        assertArrayEquals(h.path("b2", 0, 0), Scripts.numbers(Scripts.trace(B, 0), "y"), 1e-15);
        assertEquals("B[2,0]", Scripts.annotations(B).get(2).get("text"));
    }

    @Test
    void rowNamesLabelThePanelsAndMustCoverEveryRow() {
        History h = oneHiddenLayerRun(2);
        PlotFigure f = WeightPaths.of(h.weightTable(), "W1").rowNames(List.of("radius", "texture")).build();
        assertEquals("W1[1,2] texture", Scripts.annotations(f).get(5).get("text"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightPaths.of(h.weightTable(), "W1").rowNames(List.of("radius")));
        assertTrue(e.getMessage().contains("expected 2 row names (W1 is 2x3), found 1"), e.getMessage());
        Network logistic = Network.builder(2).dense(1, Activations.sigmoid()).loss(Losses.binaryCrossEntropy())
                .build(Initializers.zeros(), new Rng(1));
        History other = Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(2).recordWeights(true)
                .build().fit(logistic, X, Y, null);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> WeightPaths.noteLayout(other));
        assertTrue(wrong.getMessage().contains("found [W1, b1]"), wrong.getMessage());
    }
}
