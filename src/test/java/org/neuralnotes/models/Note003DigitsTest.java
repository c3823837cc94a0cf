package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.neuralnotes.data.Datasets;
import org.neuralnotes.data.Split;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

class Note003DigitsTest {

    @Test
    void splitHoldsOneFifthOfEachClassWithPixelsDividedBy16() {
        Split.TrainTest data = Note003Digits.split(new Rng(7));
        // round(0.2 · n_k) summed over the class counts 178, 182, 177, 183, 181, 182, 181, 179, 174, 180
        int[] counts = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
        int test = 0;
        for (int n : counts) {
            test += (int) Math.round(0.2 * n);
        }
        assertEquals(test, data.Xtest().numRows);
        assertEquals(1797 - test, data.Xtrain().numRows);
        assertTrue(CommonOps_DDRM.elementMin(data.Xtrain()) >= 0);
        assertEquals(1.0, CommonOps_DDRM.elementMax(data.Xtrain()), 0.0);
        // the largest raw count is 16: the split is the raw digits scaled by 1/16, same rows
        assertEquals(16.0, CommonOps_DDRM.elementMax(Datasets.digits().X()), 0.0);
        Split.TrainTest again = Note003Digits.split(new Rng(7));
        org.junit.jupiter.api.Assertions.assertArrayEquals(data.Xtest().data, again.Xtest().data, 0.0);
    }

    @Test
    void networkIsTheNotesWithEveryParameterDrawnAsRandMinusHalf() {
        Network net = Note003Digits.network(Losses.halfMeanSquaredError(), new Rng(3));
        assertEquals(64 * 32 + 32 + 32 * 10 + 10, net.parameterCount());
        // W1 first, filled row by row, each entry rand − ½ from the same generator
        Rng rng = new Rng(3);
        for (int i = 0; i < 5; i++) {
            assertEquals(rng.nextDouble() - 0.5, net.layer(1).W().data[i], 1e-15);
        }
        for (var p : net.parameterValues()) {
            assertTrue(CommonOps_DDRM.elementMaxAbs(p) <= 0.5);
        }
        Network rule16 = Note003Digits.network(Losses.halfMeanSquaredError(), Objective.SoftmaxGradient.A_MINUS_Y, new Rng(3));
        assertEquals(Objective.SoftmaxGradient.A_MINUS_Y, rule16.objective().softmaxGradient());
    }
}
