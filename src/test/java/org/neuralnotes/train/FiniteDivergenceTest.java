package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.data.Dataset;
import org.neuralnotes.data.Datasets;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.models.GradientDescentSettings;
import org.neuralnotes.models.LogisticRegression;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Adam;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.random.Rng;

/** A loss that rises far above its start while staying finite is divergence too. */
class FiniteDivergenceTest {
    private final Dataset cancer = Datasets.breastCancer();
    private final DMatrixRMaj labels = column(cancer.y());

    private static DMatrixRMaj column(int[] y) {
        DMatrixRMaj out = new DMatrixRMaj(y.length, 1);
        for (int i = 0; i < y.length; i++) {
            out.data[i] = y[i];
        }
        return out;
    }

    private Network unscaledCancerNet() {
        return Network.builder(cancer.p()).dense(8, Activations.relu()).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Initializers.heNormal(), new Rng(5));
    }

    private static List<DMatrixRMaj> copies(Network net) {
        return net.copy().parameterValues();
    }

    private static void assertSameParameters(List<DMatrixRMaj> expected, Network net) {
        List<DMatrixRMaj> now = net.parameterValues();
        for (int i = 0; i < now.size(); i++) {
            assertArrayEquals(expected.get(i).data, now.get(i).data, 0.0, net.parameterNames().get(i));
        }
    }

    /** Runs the fit expecting a finite divergence; checks the message and the restored network. */
    private static DivergenceException blowsUp(Trainer trainer, Network net, DMatrixRMaj X, DMatrixRMaj Y) {
        List<DMatrixRMaj> start = copies(net);
        double startLoss = net.loss(X, Y);
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.fit(net, X, Y, null));
        String m = e.getMessage();
        assertTrue(Double.isFinite(e.loss()), m);
        assertTrue(e.loss() > DivergenceWatch.RISE_LIMIT * Math.max(startLoss, 1), m);
        assertTrue(m.contains("at iteration " + e.iteration()), m);
        assertTrue(m.contains("losses seen last: "), m);
        assertTrue(m.contains(e.iteration() + ": "), m);
        assertTrue(m.contains("back at their values from the start of fit"), m);
        assertSameParameters(start, net);
        return e;
    }

    @Test
    void aFiniteBlowUpOfUnscaledInputsStopsTheRun() {
        for (Optimizer o : List.<Optimizer>of(new GradientDescent(1e3), new Adam(1e3))) {
            Trainer t = Trainer.builder().optimizer(o).maxIterations(200).build();
            DivergenceException e = blowsUp(t, unscaledCancerNet(), cancer.X(), labels);
            assertTrue(e.getMessage().contains(o.toString()), e.getMessage());
            assertTrue(e.history().stoppedBecause().startsWith("diverged"), e.history().stoppedBecause());
        }
        // softmax + cross-entropy on iris at GD(1e3)
        Dataset iris = Datasets.iris();
        Network net = Network.builder(4).dense(8, Activations.relu()).dense(3, Activations.softmax())
                .loss(Losses.categoricalCrossEntropy()).build(Initializers.heNormal(), new Rng(6));
        blowsUp(Trainer.builder().optimizer(new GradientDescent(1e3)).maxIterations(200).build(), net,
                iris.X(), iris.oneHot());
    }

    @Test
    void theBatchLossIsWatchedWhenNoRecordFallsOnTheStep() {
        // one record at the start only, a listener makes the batch loss known at every step
        Trainer t = Trainer.builder().optimizer(new GradientDescent(1e3)).maxIterations(200)
                .recordEvery(1_000_000).listener(TrainingListener.watch((s, loss, net) -> { })).build();
        blowsUp(t, unscaledCancerNet(), cancer.X(), labels);
    }

    @Test
    void warnOnlyRecordsTheRiseAndGoesOn() {
        Network net = unscaledCancerNet();
        History h = Trainer.builder().optimizer(new GradientDescent(1e3)).maxIterations(200)
                .onDivergence(OnDivergence.WARN).build().fit(net, cancer.X(), labels, null);
        assertEquals(200, h.iterations());
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String w = h.warnings().get(0);
        assertTrue(w.startsWith("diverging at iteration "), w);
        assertTrue(h.toString().contains("warnings: "), h.toString());
        // the loss did rise that far: some record is above the limit of the rule
        double start = h.losses()[0];
        double top = 0;
        for (double l : h.losses()) {
            top = Math.max(top, l);
        }
        assertTrue(top > DivergenceWatch.RISE_LIMIT * Math.max(start, 1), "largest loss " + top);
    }

    @Test
    void anOverflowLeavesTheNetworkAtItsStart() {
        // relu -> identity + MSE at GD(1e300): the first update overflows
        Rng rng = new Rng(7);
        DMatrixRMaj X = TrainData.inputs(20, 3, rng);
        DMatrixRMaj Y = TrainData.linearTargets(X, 0.1, rng);
        Network net = Network.builder(3).dense(4, Activations.relu()).dense(1, Activations.identity())
                .loss(Losses.meanSquaredError()).build(Initializers.heNormal(), new Rng(8));
        List<DMatrixRMaj> start = copies(net);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> Trainer.builder().optimizer(new GradientDescent(1e300)).maxIterations(50)
                        .onDivergence(OnDivergence.WARN).build().fit(net, X, Y, null));
        assertTrue(e.getMessage().contains("back at their values from the start of fit"), e.getMessage());
        assertSameParameters(start, net);
        DMatrixRMaj p = net.predict(X);
        for (double v : p.data) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void logisticRegressionStopsTheSameWay() {
        // note 001's model on the unscaled data at alpha = 1e3: the cost goes from ln 2 to millions
        LogisticRegression m = LogisticRegression.zeros(cancer.p());
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> m.fit(cancer.X(), labels, GradientDescentSettings.of(1e3, 200)));
        assertTrue(Double.isFinite(e.loss()) && e.loss() > DivergenceWatch.RISE_LIMIT, e.getMessage());
        assertTrue(e.getMessage().contains("at iteration " + e.iteration()), e.getMessage());
        assertTrue(e.getMessage().contains("losses seen last: 0: 0.693147"), e.getMessage());
        for (double w : m.w().data) {
            assertEquals(0.0, w, 0.0);
        }
        assertEquals(0.0, m.b(), 0.0);
    }
}
