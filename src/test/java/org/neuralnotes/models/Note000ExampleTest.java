package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.data.Note000Simulation;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.random.Rng;

/** Note 000's example in one call: the same data and start as drawing them by hand. */
class Note000ExampleTest {
    @Test
    void theDataComeFromTheSeedAndTheStartFromTheNextSeed() {
        Note000Example ex = Note000Example.of(2024);
        assertArrayEquals(Note000Simulation.generate(new Rng(2024)).X().data, ex.X().data, 0.0);
        assertArrayEquals(Note000Simulation.generate(new Rng(2024)).Y().data, ex.Y().data, 0.0);
        assertEquals(1000, ex.X().numRows);
        // W1, b1, W2, b2 drawn in that order from U(−1, 1) with new Rng(2025)
        Rng r = new Rng(2025);
        double[] expected = new double[11];
        for (int i = 0; i < 11; i++) {
            expected[i] = r.uniform(-1, 1);
        }
        DMatrixRMaj W = ex.model().W(), B = ex.model().B();
        assertEquals(4, W.numRows);
        assertEquals(2, W.numCols);
        assertEquals(3, B.numRows);
        // W1 (3×2) is rows 1..3 of W, b1 its row 0; W2 (2×1) rows 1..2 of B, b2 its row 0
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(expected[2 * j + k], W.get(j + 1, k), 0.0);
            }
        }
        assertEquals(expected[6], W.get(0, 0), 0.0);
        assertEquals(expected[7], W.get(0, 1), 0.0);
        assertEquals(expected[8], B.get(1, 0), 0.0);
        assertEquals(expected[9], B.get(2, 0), 0.0);
        assertEquals(expected[10], B.get(0, 0), 0.0);
    }

    @Test
    void theStartDoesNotDependOnTheActivationOrTheLoss() {
        Note000Example sigmoid = Note000Example.of(7);
        Note000Example relu = Note000Example.of(7, Activations.relu(), Losses.halfSumOfSquares());
        assertArrayEquals(sigmoid.model().theta().data, relu.model().theta().data, 0.0);
        assertEquals("relu", relu.model().g().name());
        // ½ Σ(ŷ − y)² is n times ½ mean: the loss chosen is the network's
        double mean = sigmoid.model().network().loss(sigmoid.X(), sigmoid.Y());
        double sum = Note000Example.of(7, Activations.sigmoid(), Losses.halfSumOfSquares()).model().network()
                .loss(sigmoid.X(), sigmoid.Y());
        assertEquals(sum, 1000 * mean, 1e-9 * sum);
        // another start on the same data keeps the activation and the loss
        SingleLayerNetwork other = sigmoid.startFrom(99);
        assertTrue(other.theta().data[0] != sigmoid.model().theta().data[0]);
        assertArrayEquals(SingleLayerNetwork.create(3, 2, Activations.sigmoid(), 1, Activations.identity(),
                Losses.halfMeanSquaredError(), org.neuralnotes.init.Initializers.uniform(-1, 1), new Rng(99))
                .theta().data, other.theta().data, 0.0);
    }
}
