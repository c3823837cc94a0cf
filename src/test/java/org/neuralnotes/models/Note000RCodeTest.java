package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.random.Rng;

/**
 * The transcription of note 000's R code: R's fill order, its output, and its step against the
 * gradient computed independently (the library's backward pass, itself checked by central
 * differences elsewhere).
 */
class Note000RCodeTest {
    @Test
    void rMatrixFillsColumnByColumnAndRecycles() {
        // matrix(1:6, nrow = 2, ncol = 3) is [1 3 5; 2 4 6]; byrow = TRUE gives [1 2 3; 4 5 6]
        double[] six = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, Note000RCode.rMatrix(six, 2, 3, false).data, 0.0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Note000RCode.rMatrix(six, 2, 3, true).data, 0.0);
        // matrix(c(7, 8), nrow = 4, ncol = 2) recycles down the columns: rows 7, 8, 7, 8
        assertArrayEquals(new double[] {7, 7, 8, 8, 7, 7, 8, 8},
                Note000RCode.rMatrix(new double[] {7, 8}, 4, 2, false).data, 0.0);
    }

    private static DMatrixRMaj inputs(int n, int p, Rng rng) {
        DMatrixRMaj X = new DMatrixRMaj(n, p);
        for (int e = 0; e < X.data.length; e++) {
            X.data[e] = rng.normal(0, 1);
        }
        return X;
    }

    @Test
    void theOutputIsTheNetworks() {
        Rng rng = new Rng(4);
        DMatrixRMaj X = inputs(20, 3, rng);
        SingleLayerNetwork m = SingleLayerNetwork.create(3, 2, Activations.sigmoid(), 1, Activations.identity(),
                Losses.halfMeanSquaredError(), Initializers.uniform(-1, 1), rng);
        assertArrayEquals(m.network().predict(X).data,
                Note000RCode.nnOutput(X, m.W(), m.B(), Activations.sigmoid()).data, 1e-12);
    }

    @Test
    void itsStepIsTheGradientForBAndForTheEntriesOfWThatTheRecyclingHits() {
        Rng rng = new Rng(8);
        DMatrixRMaj X = inputs(50, 3, rng), Y = inputs(50, 1, rng);
        SingleLayerNetwork m = SingleLayerNetwork.create(3, 2, Activations.sigmoid(), 1, Activations.identity(),
                Losses.halfMeanSquaredError(), Initializers.uniform(-1, 1), rng);
        Note000RCode.Step step = Note000RCode.gdIteration(X, Y, m.W(), m.B(), 0.01, Activations.sigmoid());
        // the true mean gradient of ½(ŷ − y)², in the note's layout
        DMatrixRMaj gW = m.gradW(m.network().gradients(X, Y));
        DMatrixRMaj gB = m.gradB(m.network().gradients(X, Y));
        assertArrayEquals(gB.data, step.delB().data, 1e-12);
        int wrong = 0;
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < 2; k++) {
                // g_prime_z_W[j, k] holds g'(z_{i, j mod K}): right where j mod K is k
                if (j % 2 == k) {
                    assertEquals(gW.get(j, k), step.delW().get(j, k), 1e-12);
                } else if (Math.abs(gW.get(j, k) - step.delW().get(j, k)) > 1e-6 * Math.abs(gW.get(j, k))) {
                    wrong++;
                }
            }
        }
        assertEquals(4, wrong, "the four entries the recycling puts the other unit's g' into differ");
        // W_out = W − ρ·del_W_all
        assertEquals(m.W().get(1, 0) - 0.01 * step.delW().get(1, 0), step.W().get(1, 0), 1e-15);
    }

    @Test
    void withOneHiddenUnitNothingIsRecycledAndTheStepIsTheGradientStep() {
        Rng rng = new Rng(12);
        DMatrixRMaj X = inputs(40, 3, rng), Y = inputs(40, 1, rng);
        SingleLayerNetwork m = SingleLayerNetwork.create(3, 1, Activations.sigmoid(), 1, Activations.identity(),
                Losses.halfMeanSquaredError(), Initializers.uniform(-1, 1), rng);
        Note000RCode.Step step = Note000RCode.gdIteration(X, Y, m.W(), m.B(), 0.01, Activations.sigmoid());
        assertArrayEquals(m.gradW(m.network().gradients(X, Y)).data, step.delW().data, 1e-12);
        assertTrue(step.W().get(0, 0) != m.W().get(0, 0));
    }
}
