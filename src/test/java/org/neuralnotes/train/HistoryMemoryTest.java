package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** A history stays within its byte bound, whatever the network's size. */
class HistoryMemoryTest {
    private static Network mnistSized() {
        return Network.builder(784).dense(128, Activations.relu()).dense(64, Activations.relu())
                .dense(10, Activations.softmax()).loss(Losses.categoricalCrossEntropy())
                .build(Initializers.heNormal(), new Rng(3));
    }

    private final Rng rng = new Rng(4);
    private final DMatrixRMaj X = TrainData.inputs(8, 784, rng);
    private final DMatrixRMaj Y = oneHot(8, 10);

    private static DMatrixRMaj oneHot(int n, int k) {
        DMatrixRMaj Y = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++) {
            Y.set(i, i % k, 1);
        }
        return Y;
    }

    @Test
    void theWeightsOfALargeNetworkAreRecordedOnlyWhenAsked() {
        Network net = mnistSized();
        assertEquals(109_386, net.parameterCount());
        History h = Trainer.builder().optimizer(new GradientDescent(0.01)).maxIterations(20).build()
                .fit(net, X, Y, null);
        assertEquals(21, h.size());
        assertFalse(h.hasWeights());
        assertTrue(h.toString().contains("weights not recorded: 109386 parameter entries, more than 10000"
                + " (recordWeights(true) records them)"), h.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, h::weightTable);
        assertTrue(e.getMessage().contains("recordWeights(true)"), e.getMessage());
        // a small network keeps its weights by default
        History small = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(3).build()
                .fit(TrainData.classifier(1), TrainData.inputs(8, 2, rng), new DMatrixRMaj(8, 1), null);
        assertTrue(small.hasWeights());
    }

    @Test
    void recordedWeightsStayWithinTheByteBound() {
        // 8 bytes x 109,386 entries = 875 kB a record: 64 MB hold 76 records, not 1000
        long perRecord = 8L * 109_386;
        History h = Trainer.builder().optimizer(new GradientDescent(0.01)).maxIterations(100)
                .recordWeights(true).build().fit(mnistSized(), X, Y, null);
        assertTrue(h.hasWeights());
        assertTrue(h.maxRecords() <= Trainer.DEFAULT_MAX_HISTORY_BYTES / perRecord, "bound " + h.maxRecords());
        assertTrue(h.maxRecords() >= Trainer.DEFAULT_MAX_HISTORY_BYTES / (perRecord + 1000), "bound " + h.maxRecords());
        assertTrue(h.size() <= h.maxRecords());
        assertEquals(100, h.steps()[h.size() - 1]);
        assertTrue(h.size() * perRecord <= Trainer.DEFAULT_MAX_HISTORY_BYTES);
        // 2 records of weights that do not fit in the bound: refused before training
        Network net = mnistSized();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().optimizer(new GradientDescent(0.01)).maxIterations(2).recordWeights(true)
                        .maxHistoryBytes(1_000_000).build().fit(net, X, Y, null));
        assertTrue(e.getMessage().startsWith("maxHistoryBytes: a record of this network's weights takes"),
                e.getMessage());
    }

    @Test
    void aWeightTableTooLargeIsRefusedWithAMessage() {
        // 40 records x 109,386 entries = 4.4 million rows
        History h = Trainer.builder().optimizer(new GradientDescent(0.01)).maxIterations(39)
                .recordWeights(true).build().fit(mnistSized(), X, Y, null);
        assertEquals(40, h.size());
        IllegalStateException e = assertThrows(IllegalStateException.class, h::weightTable);
        assertTrue(e.getMessage().startsWith("weightTable: 40 records x 109386 parameter entries make 4375440"
                + " rows, more than the 4000000"), e.getMessage());
        assertTrue(e.getMessage().contains("path(name, r, c)"), e.getMessage());
        // one entry's path is still there
        assertEquals(40, h.path("W2", 3, 4).length);
    }
}
