package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.train.TrainData.refused;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.optim.Momentum;
import org.neuralnotes.random.Rng;

class TrainerSettingsTest {
    private final Rng data = new Rng(71);
    private final DMatrixRMaj X = TrainData.inputs(12, 2, data);
    private final DMatrixRMaj Y = TrainData.labels(X, data);

    @Test
    void documentedDefaultsReadBackAndAreUsed() {
        Trainer t = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(4).build();
        assertEquals("fullBatch()", t.batching().toString());
        assertEquals(1, t.recordEvery());
        assertEquals(1, Trainer.DEFAULT_RECORD_EVERY);
        assertEquals(1000, t.maxRecords());
        assertEquals(1000, Trainer.DEFAULT_MAX_RECORDS);
        assertTrue(t.recordWeights());
        assertFalse(t.hasValidation());
        assertEquals(0, t.maxEpochs());
        assertTrue(t.stoppingRules().isEmpty());
        assertTrue(t.listeners().isEmpty());

        // in use: full batch (a plain gradient step on all rows), a record every step, weights
        Network net = TrainData.classifier(2);
        Network manual = net.copy();
        History h = t.fit(net, X, Y, null);
        GradientDescent gd = new GradientDescent(0.5);
        for (int s = 0; s < 4; s++) {
            gd.step(manual.parameterValues(), manual.gradients(X, Y).list());
        }
        List<DMatrixRMaj> a = net.parameterValues();
        List<DMatrixRMaj> b = manual.parameterValues();
        for (int i = 0; i < a.size(); i++) {
            // to rounding: the trainer adds each weight update inside its product
            assertArrayEquals(b.get(i).data, a.get(i).data, 1e-13);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, h.steps());
        assertTrue(h.hasWeights());
        assertEquals(1000, h.maxRecords());

        // the default bound at work: 3000 steps every step keep at most 1000 records
        History bounded = t.toBuilder().maxIterations(3000).recordWeights(false).build()
                .fit(TrainData.classifier(2), X, Y, null);
        assertTrue(bounded.size() <= 1000, "records " + bounded.size());
        assertEquals(4, bounded.recordEvery());
    }

    @Test
    void withoutHistoryTheStepsAreTheSameAndNothingIsRecorded() {
        Trainer kept = Trainer.builder().optimizer(new GradientDescent(0.5))
                .batching(Batching.inOrder(5)).maxEpochs(2).build();
        Trainer bare = kept.toBuilder().keepHistory(false).build();
        assertTrue(kept.keepsHistory());
        assertFalse(bare.keepsHistory());
        Network a = TrainData.classifier(3);
        Network b = a.copy();
        History full = kept.fit(a, X, Y, null);
        History none = bare.fit(b, X, Y, null);
        // the same updates: 2 epochs of ⌈12 / 5⌉ = 3 batches
        for (int i = 0; i < a.parameterValues().size(); i++) {
            assertArrayEquals(a.parameterValues().get(i).data, b.parameterValues().get(i).data, 0.0);
        }
        assertEquals(6, none.iterations());
        assertEquals(full.stoppedBecause(), none.stoppedBecause());
        assertEquals(0, none.size());
        assertEquals(7, full.size());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, none::finalLoss);
        assertTrue(e.getMessage().contains("keepHistory(false)"), e.getMessage());
        // the last batch is rows 10 and 11, scored before the last update
        Network before = TrainData.classifier(3);
        Trainer.builder().optimizer(new GradientDescent(0.5)).batching(Batching.inOrder(5))
                .maxIterations(5).keepHistory(false).build().fit(before, X, Y, null);
        DMatrixRMaj lastX = new DMatrixRMaj(2, 2, true, X.get(10, 0), X.get(10, 1), X.get(11, 0), X.get(11, 1));
        DMatrixRMaj lastY = new DMatrixRMaj(2, 1, true, Y.get(10, 0), Y.get(11, 0));
        assertEquals(before.loss(lastX, lastY), none.lastBatchLoss(), 0.0);
        assertEquals(full.lastBatchLoss(), none.lastBatchLoss(), 0.0);
        assertTrue(bare.toString().contains("keepHistory=false"), bare.toString());
    }

    @Test
    void toStringShowsTheSettings() {
        Trainer t = Trainer.builder().optimizer(new Momentum(0.1)).batching(Batching.miniBatch(8))
                .maxEpochs(3).stopWhen(StoppingRule.lossChangeBelow(1.0)).recordEvery(5)
                .maxRecords(50).validation(X, Y).build();
        assertEquals("Trainer(optimizer=Momentum(learningRate=0.1, beta=0.9),"
                + " batching=miniBatch(size=8), maxEpochs=3,"
                + " stopWhen=[lossChangeBelow(threshold=1.0)], recordEvery=5, maxRecords=50,"
                + " recordWeights=auto, validation=12x2)", t.toString());
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        Trainer t = Trainer.builder().optimizer(new Momentum(0.1)).batching(Batching.miniBatch(8))
                .maxEpochs(3).recordEvery(5).build();
        Trainer u = t.toBuilder().optimizer(new GradientDescent(0.2)).build();
        assertEquals("GradientDescent(learningRate=0.2)", u.optimizer().toString());
        assertEquals("miniBatch(size=8)", u.batching().toString());
        assertEquals(3, u.maxEpochs());
        assertEquals(5, u.recordEvery());
        assertEquals("Momentum(learningRate=0.1, beta=0.9)", t.optimizer().toString());
    }

    @Test
    void validationDataAreCopied() {
        DMatrixRMaj Xv = X.copy();
        Trainer t = Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(1)
                .validation(Xv, Y).build();
        Network net = TrainData.classifier(2);
        double before = net.loss(X, Y);
        Xv.set(0, 0, 1e6);
        History h = t.fit(net, X, Y, null);
        assertEquals(before, h.validationLosses()[0], 0.0);
    }

    @Test
    void builderRefusesBadSettings() {
        refused(() -> Trainer.builder().maxIterations(5).build(), "optimizer", "found none");
        refused(() -> Trainer.builder().optimizer(new GradientDescent(0.1)).build(),
                "maxIterations", "maxEpochs(n)", "found none");
        refused(() -> Trainer.builder().optimizer(null), "optimizer", "null");
        refused(() -> Trainer.builder().batching(null), "batching", "null");
        refused(() -> Trainer.builder().maxIterations(0), "maxIterations", ">= 1", "found 0");
        refused(() -> Trainer.builder().maxEpochs(-1), "maxEpochs", "found -1");
        refused(() -> Trainer.builder().recordEvery(0), "recordEvery", "found 0");
        refused(() -> Trainer.builder().maxRecords(1), "maxRecords", ">= 2", "found 1");
        refused(() -> Trainer.builder().stopWhen(null), "rule", "null");
        refused(() -> Trainer.builder().listener(null), "listener", "null");
        refused(() -> TrainingListener.watch(null), "watcher", "null");
        refused(() -> Trainer.builder().validation(null, Y), "validationX", "null");
        refused(() -> Trainer.builder().validation(X, new DMatrixRMaj(5, 1)),
                "validationY", "12 rows", "5x1");
    }

    @Test
    void fitRefusesBadData() {
        Trainer t = Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(2).build();
        Network net = TrainData.classifier(2);
        refused(() -> t.fit(null, X, Y, null), "network", "null");
        refused(() -> t.fit(net, null, Y, null), "X:", "null");
        refused(() -> t.fit(net, new DMatrixRMaj(12, 3), Y, null), "X:", "2 columns", "12x3");
        refused(() -> t.fit(net, X, new DMatrixRMaj(11, 1), null), "Y:", "12x1", "11x1");
        refused(() -> t.fit(net, X, new DMatrixRMaj(12, 2), null), "Y:", "12x1", "12x2");
        DMatrixRMaj bad = X.copy();
        bad.set(3, 1, Double.NaN);
        refused(() -> t.fit(net, bad, Y, null), "X:", "NaN", "row 3, column 1");
        DMatrixRMaj badY = Y.copy();
        badY.set(2, 0, Double.POSITIVE_INFINITY);
        refused(() -> t.fit(net, X, badY, null), "Y:", "Infinity", "row 2");
        refused(() -> t.toBuilder().batching(Batching.miniBatch(4)).build().fit(net, X, Y, null),
                "rng", "miniBatch(size=4)", "null");
        refused(() -> t.toBuilder().validation(new DMatrixRMaj(4, 3), new DMatrixRMaj(4, 1)).build()
                .fit(net, X, Y, null), "validationX", "2 columns", "4x3");
        refused(() -> t.toBuilder().validation(new DMatrixRMaj(4, 2), new DMatrixRMaj(4, 2)).build()
                .fit(net, X, Y, null), "validationY", "4x1", "4x2");
    }
}
