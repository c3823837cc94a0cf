package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.optim.Adam;
import org.neuralnotes.optim.AbstractOptimizer;
import org.neuralnotes.random.Rng;

class DeterminismTest {
    private final Rng data = new Rng(51);
    private final DMatrixRMaj X = TrainData.inputs(50, 2, data);
    private final DMatrixRMaj Y = TrainData.labels(X, data);

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    private static void assertSameRun(History a, History b) {
        assertArrayEquals(a.steps(), b.steps());
        assertArrayEquals(bits(a.losses()), bits(b.losses()));
        assertArrayEquals(bits(a.validationLosses()), bits(b.validationLosses()));
        assertEquals(a.stoppedBecause(), b.stoppedBecause());
        double[] va = a.weightTable().doubleColumn("value").asDoubleArray();
        double[] vb = b.weightTable().doubleColumn("value").asDoubleArray();
        assertArrayEquals(bits(va), bits(vb));
    }

    @Test
    void sameSeedSameRunBitForBit() {
        for (Batching batching : new Batching[] {Batching.sgdUniform(), Batching.shuffledEpochs(),
                Batching.miniBatch(8), Batching.fullBatch()}) {
            Trainer trainer = Trainer.builder().optimizer(new Adam(0.05)).batching(batching)
                    .maxIterations(120).recordEvery(3).build();
            History first = trainer.fit(TrainData.classifier(5), X, Y, new Rng(99));
            // the same trainer again (a fresh optimizer state), and a second, equal trainer
            History second = trainer.fit(TrainData.classifier(5), X, Y, new Rng(99));
            History third = Trainer.builder().optimizer(new Adam(0.05)).batching(batching)
                    .maxIterations(120).recordEvery(3).build()
                    .fit(TrainData.classifier(5), X, Y, new Rng(99));
            assertSameRun(first, second);
            assertSameRun(first, third);
        }
    }

    @Test
    void anotherSeedAnotherStochasticRun() {
        Trainer trainer = Trainer.builder().optimizer(new Adam(0.05)).batching(Batching.miniBatch(8))
                .maxIterations(30).build();
        History a = trainer.fit(TrainData.classifier(5), X, Y, new Rng(1));
        History b = trainer.fit(TrainData.classifier(5), X, Y, new Rng(2));
        assertEquals(a.losses()[0], b.losses()[0], 0.0);
        assertFalse(Arrays.equals(a.losses(), b.losses()));
    }

    @Test
    void theOptimizerGivenToTheBuilderIsNeverStepped() {
        Adam adam = new Adam(0.05);
        Trainer.builder().optimizer(adam).maxIterations(5).build()
                .fit(TrainData.classifier(5), X, Y, null);
        assertEquals(0, ((AbstractOptimizer) adam).stepsTaken());
    }
}
