package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.train.TrainData.refused;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

class BatchingTest {

    @Test
    void fullBatchIsAllRowsEveryStep() {
        Batching full = Batching.fullBatch();
        Batching.Sampler s = full.sampler(10, null);
        Batch b = s.next();
        assertTrue(b.isAll());
        assertEquals(10, b.size());
        assertEquals(Batch.all(10), s.next());
        assertEquals(1, full.stepsPerEpoch(10));
        assertEquals(10, full.maxBatchSize(10));
        assertFalse(full.draws());
        assertEquals("fullBatch()", full.toString());
    }

    @Test
    void sgdUniformDrawsOneIndexUniformlyPerStep() {
        Batching sgd = Batching.sgdUniform();
        Batching.Sampler s = sgd.sampler(13, new Rng(4));
        Rng replay = new Rng(4);
        for (int step = 0; step < 200; step++) {
            Batch b = s.next();
            assertEquals(1, b.size());
            // i ~ U{0, …, N − 1}
            assertEquals(replay.nextInt(13), b.row(0));
        }
        assertEquals(13, sgd.stepsPerEpoch(13));
        assertEquals("sgdUniform()", sgd.toString());
    }

    @Test
    void sgdUniformDrawsWithReplacementAndCoversAllIndices() {
        Batching.Sampler s = Batching.sgdUniform().sampler(5, new Rng(8));
        int[] counts = new int[5];
        boolean repeated = false;
        int previous = -1;
        for (int step = 0; step < 5000; step++) {
            int i = s.next().row(0);
            counts[i]++;
            repeated |= i == previous;
            previous = i;
        }
        assertTrue(repeated, "with replacement the same example comes twice in a row at times");
        for (int c : counts) {
            // 1000 expected, sd √(5000·0.2·0.8) ≈ 28
            assertTrue(Math.abs(c - 1000) < 150, Arrays.toString(counts));
        }
    }

    @Test
    void shuffledEpochsVisitEveryExampleOncePerEpochInANewOrder() {
        Batching shuffled = Batching.shuffledEpochs();
        Batching.Sampler s = shuffled.sampler(6, new Rng(9));
        Rng replay = new Rng(9);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = replay.permutation(6);
            for (int k = 0; k < 6; k++) {
                Batch b = s.next();
                assertEquals(order[k], b.row(0), "epoch " + epoch + ", step " + k);
                assertEquals(1, b.size());
            }
        }
        assertEquals(6, shuffled.stepsPerEpoch(6));
        assertEquals("shuffledEpochs()", shuffled.toString());
    }

    @Test
    void miniBatchesKeepTheLastPartialBatch() {
        Batching mini = Batching.miniBatch(4);
        assertEquals(3, mini.stepsPerEpoch(10));
        assertEquals(4, mini.maxBatchSize(10));
        Batching.Sampler s = mini.sampler(10, new Rng(10));
        Rng replay = new Rng(10);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = replay.permutation(10);
            int[] seen = new int[10];
            int at = 0;
            for (int expectedSize : new int[] {4, 4, 2}) {
                int[] rows = s.next().indices();
                assertEquals(expectedSize, rows.length);
                for (int k = 0; k < expectedSize; k++) {
                    assertEquals(order[at++], rows[k]);
                    seen[rows[k]]++;
                }
            }
            int[] once = new int[10];
            Arrays.fill(once, 1);
            assertArrayEquals(once, seen, "epoch " + epoch);
        }
        assertEquals("miniBatch(size=4)", mini.toString());
    }

    @Test
    void aBatchAsLargeAsTheDataIsOneShuffledBatch() {
        Batching big = Batching.miniBatch(50);
        assertEquals(1, big.stepsPerEpoch(7));
        assertEquals(7, big.maxBatchSize(7));
        Batching.Sampler s = big.sampler(7, new Rng(11));
        Batch b = s.next();
        assertFalse(b.isAll(), "shuffled: the rows in another order");
        int[] rows = b.indices();
        assertEquals(7, b.size());
        int[] sorted = Arrays.copyOf(rows, 7);
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, sorted);
        assertArrayEquals(new Rng(11).permutation(7), rows);
    }

    @Test
    void inOrderBatchesAreConsecutiveRowsTheSameEveryEpoch() {
        Batching ordered = Batching.inOrder(4);
        assertEquals(3, ordered.stepsPerEpoch(10));
        assertEquals(4, ordered.maxBatchSize(10));
        assertEquals(2, ordered.maxBatchSize(2));
        assertFalse(ordered.draws());
        Batching.Sampler s = ordered.sampler(10, null);
        for (int epoch = 0; epoch < 2; epoch++) {
            assertEquals(Batch.range(0, 4), s.next());
            assertArrayEquals(new int[] {4, 5, 6, 7}, s.next().indices());
            // the last batch holds the 10 mod 4 = 2 rows left over
            assertArrayEquals(new int[] {8, 9}, s.next().indices());
        }
        assertEquals("inOrder(size=4)", ordered.toString());
        // a batch of every row is the data itself, as for full batch
        Batching.Sampler whole = Batching.inOrder(10).sampler(10, null);
        assertEquals(Batch.all(10), whole.next());
        assertTrue(whole.next().isAll());
        refused(() -> Batching.inOrder(0), "size", "found 0");
    }

    @Test
    void samplerArgumentsAreChecked() {
        refused(() -> Batching.miniBatch(3).sampler(0, new Rng(1)), "n:", "found 0");
        refused(() -> Batching.shuffledEpochs().sampler(5, null), "rng", "shuffledEpochs()", "null");
        refused(() -> Batching.sgdUniform().sampler(5, null), "rng", "sgdUniform()", "null");
        assertTrue(Batching.fullBatch().sampler(5, null).next().isAll());
    }

    @Test
    void sizeMustBePositive() {
        refused(() -> Batching.miniBatch(0), "size", ">= 1", "found 0");
        refused(() -> Batching.miniBatch(-3), "size", "found -3");
    }
}
