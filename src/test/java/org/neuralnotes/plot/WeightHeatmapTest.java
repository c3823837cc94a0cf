package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;
import org.neuralnotes.train.History;
import org.neuralnotes.train.Trainer;

class WeightHeatmapTest {

    @Test
    void everyEntryIsALineColouredByItsChangeSinceTheStart() {
        // value(r, c, step) = 100 r + c + step/1000, rows shuffled: the change at step s is (s − 1)/1000
        var table = WeightPathsTest.table("W1", 3, 4, 6, 9);
        WeightHeatmap map = WeightHeatmap.of(table, "W1");
        assertEquals(5 / 1000.0, map.largestChange(), 1e-12);
        PlotFigure f = map.build();
        String js = Scripts.trace(f, 0);
        assertTrue(js.contains("heatmap"), js);
        assertTrue(f.title().contains("W1 (3x4)"), f.title());
        // one line per entry: 12 y values 0..11, one column per step: 6 x values 1..6
        double[] y = Scripts.numbers(js, "y");
        assertEquals(12, y.length);
        double[] x = Scripts.numbers(js, "x");
        assertEquals(6, x.length);
        assertEquals(1.0, x[0], 0.0);
        assertEquals(6.0, x[5], 0.0);
    }

    @Test
    void largestChangeIsTheLargestMoveOfAnyRecordedPath() {
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}});
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{1}, {1}, {0}, {0}});
        Network net = Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Initializers.xavierNormal(), new Rng(4));
        History h = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(20).recordEvery(2)
                .build().fit(net, X, Y, null);
        double largest = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                double[] path = h.path("W1", r, c);
                for (double w : path) {
                    largest = Math.max(largest, Math.abs(w - path[0]));
                }
            }
        }
        assertTrue(largest > 0);
        assertEquals(largest, WeightHeatmap.of(h, "W1").largestChange(), 0.0);
    }

    @Test
    void refusesAnUnknownParameterAndAHistoryWithoutWeights() {
        var table = WeightPathsTest.table("W1", 2, 2, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightHeatmap.of(table, "W9"));
        assertTrue(e.getMessage().startsWith("parameter:") && e.getMessage().contains("W1"), e.getMessage());
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}});
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{1}, {0}});
        Network net = Network.builder(2).dense(1, Activations.sigmoid()).loss(Losses.binaryCrossEntropy())
                .build(Initializers.xavierNormal(), new Rng(4));
        History h = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(2).recordWeights(false)
                .build().fit(net, X, Y, null);
        e = assertThrows(IllegalArgumentException.class, () -> WeightHeatmap.of(h, "W1"));
        assertTrue(e.getMessage().startsWith("history:"), e.getMessage());
    }
}
