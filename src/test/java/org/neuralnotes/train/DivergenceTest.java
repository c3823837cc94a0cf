package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

class DivergenceTest {
    private final Rng data = new Rng(61);
    private final DMatrixRMaj X = TrainData.inputs(20, 3, data);
    private final DMatrixRMaj Y = TrainData.linearTargets(X, 0.1, data);

    @Test
    void tooLargeALearningRateStopsWithTheIterationAndAHint() {
        // α far beyond 2 / λmax(H): every step multiplies the error, until it overflows (WARN
        // lets the finite rise go on, to reach the overflow)
        Trainer trainer = Trainer.builder().optimizer(new GradientDescent(50.0)).maxIterations(10_000)
                .onDivergence(OnDivergence.WARN).build();
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> trainer.fit(TrainData.linearRegression(3, 1), X, Y, null));
        int at = e.iteration();
        String m = e.getMessage();
        assertTrue(m.contains("at iteration " + at), m);
        assertTrue(m.contains("lower learning rate"), m);
        assertTrue(m.contains("GradientDescent(learningRate=50.0)"), m);
        assertFalse(Double.isFinite(e.loss()), m);

        // independently: a run that stops one step earlier stays finite throughout, and a
        // run that stops at that step already fails there
        List<Double> losses = new ArrayList<>();
        History before = Trainer.builder().optimizer(new GradientDescent(50.0)).maxIterations(at - 1)
                .onDivergence(OnDivergence.WARN).listener(TrainingListener.watch((s, loss, net) -> losses.add(loss))).build()
                .fit(TrainData.linearRegression(3, 1), X, Y, null);
        assertEquals(at - 1, before.iterations());
        for (double loss : losses) {
            assertTrue(Double.isFinite(loss));
        }
        assertTrue(Double.isFinite(before.finalLoss()));
        DivergenceException again = assertThrows(DivergenceException.class,
                () -> Trainer.builder().optimizer(new GradientDescent(50.0)).maxIterations(at)
                        .onDivergence(OnDivergence.WARN).build().fit(TrainData.linearRegression(3, 1), X, Y, null));
        assertEquals(at, again.iteration());
        assertTrue(at > 5, "diverged at " + at);

        // what was recorded before is kept, to plot; the history says why it ends
        History h = e.history();
        assertTrue(h.stoppedBecause().startsWith("diverged"), h.stoppedBecause());
        assertTrue(h.stoppedBecause().contains("iteration " + at), h.stoppedBecause());
        assertEquals(at - 1, h.steps()[h.size() - 1]);
        for (double loss : h.losses()) {
            assertTrue(Double.isFinite(loss));
        }
    }

    @Test
    void aNonFiniteBatchLossIsCaughtBeforeTheUpdate() {
        // records only at the start: the batch loss of the step is where the overflow shows
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> Trainer.builder().optimizer(new GradientDescent(50.0)).maxIterations(10_000)
                        .onDivergence(OnDivergence.WARN).recordEvery(1_000_000).build().fit(TrainData.linearRegression(3, 1), X, Y, null));
        String m = e.getMessage();
        assertTrue(m.startsWith("training diverged: the loss became "), m);
        assertTrue(m.contains("at iteration " + e.iteration() + " (the loss of iteration "
                + (e.iteration() - 1) + " was "), m);
        assertTrue(m.contains("lower learning rate"), m);
        assertFalse(Double.isFinite(e.loss()));
        assertEquals(e.iteration() - 1, e.history().iterations());
    }

    @Test
    void anOverflowingGradientIsNamedWithItsParameter() {
        // x = 1e308 with W = 0: the loss (0 − 100)² is finite, ∂L/∂W = x·2(ŷ − y) overflows
        Network net = Network.builder(1).dense(1, Activations.identity())
                .loss(Losses.meanSquaredError()).build(Initializers.zeros(), new Rng(1));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1e308}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{100}});
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(5).build()
                        .fit(net, x, y, null));
        assertEquals(1, e.iteration());
        assertEquals(10000.0, e.loss(), 0.0);
        String m = e.getMessage();
        assertTrue(m.contains("the gradient of W1 holds -Infinity at row 0, column 0 at iteration 1"), m);
        assertTrue(m.contains("lower learning rate"), m);
        // nothing was updated
        assertEquals(0.0, net.parameter("W1").value().get(0, 0), 0.0);
        assertEquals(0, e.history().iterations());
    }

    @Test
    void anOverflowingOutputOfAPairedObjectiveIsCaughtWithoutHistoryOrListeners() {
        // z = 10·1e308 = +∞ makes σ(z) = 1 and ∂L/∂W = x·(1 − y)/N still finite, but the loss
        // is not
        Network net = Network.builder(1).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Initializers.constant(10), Initializers.zeros(),
                        new Rng(1));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.5}, {1e308}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1}, {0}});
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(5)
                        .keepHistory(false).build().fit(net, x, y, null));
        assertEquals(1, e.iteration());
        assertFalse(Double.isFinite(e.loss()));
        assertTrue(e.getMessage().startsWith("training diverged: the loss became "), e.getMessage());
        assertEquals(10.0, net.parameter("W1").value().get(0, 0), 0.0, "no update was made");

        // with finite outputs the last batch loss is there all the same
        Network fine = Network.builder(1).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Initializers.constant(0.5), Initializers.zeros(),
                        new Rng(1));
        DMatrixRMaj xs = new DMatrixRMaj(new double[][] {{0.5}, {-2}});
        History h = Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(3)
                .keepHistory(false).build().fit(fine, xs, y, null);
        Network replay = Network.builder(1).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Initializers.constant(0.5), Initializers.zeros(),
                        new Rng(1));
        double last = Double.NaN;
        for (int s = 0; s < 3; s++) {
            var g = replay.gradients(xs, y);
            last = replay.loss(xs, y);
            new GradientDescent(0.1).step(replay.parameterValues(), g.list());
        }
        assertEquals(last, h.lastBatchLoss(), 0.0);
    }

    @Test
    void aFiniteLearningRateOnTheSameProblemDoesNotDiverge() {
        History h = Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(200).build()
                .fit(TrainData.linearRegression(3, 1), X, Y, null);
        assertTrue(h.finalLoss() < h.losses()[0]);
    }
}
