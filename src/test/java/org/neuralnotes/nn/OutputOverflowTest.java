package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.random.Rng;

/** Finite inputs whose outputs overflow are reported, not returned as NaN. */
class OutputOverflowTest {
    private static Network classifier() {
        return Network.builder(4).dense(8, Activations.relu()).dense(3, Activations.softmax())
                .loss(Losses.categoricalCrossEntropy()).build(Initializers.uniform(-1, 1), new Rng(12));
    }

    private static ArithmeticException overflows(Executable call, String... parts) {
        ArithmeticException e = assertThrows(ArithmeticException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
        }
        return e;
    }

    @Test
    void hugeFiniteInputsAreReportedWithTheLayerThatOverflowed() {
        Network net = classifier();
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {
            {1.7e308, -1.7e308, 1.7e308, -1.7e308}, {1.7e308, 1.7e308, 1.7e308, 1.7e308}, {1, 2, 3, 4}});
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        overflows(() -> net.predict(X), "Z[1] = A[0]·W1 + b1 overflowed", "max|A[0]| = 1.70e+308", "standardize");
        overflows(() -> net.loss(X, Y), "Z[1]", "overflowed");
        overflows(() -> net.accuracy(X, Y), "Z[1]", "overflowed");
        // the last row alone is fine: the check does not refuse ordinary inputs
        DMatrixRMaj row = new DMatrixRMaj(new double[][] {{1, 2, 3, 4}});
        DMatrixRMaj p = net.predict(row);
        assertEquals(1.0, p.get(0, 0) + p.get(0, 1) + p.get(0, 2), 1e-12);
    }

    @Test
    void aLossThatOverflowsIsReportedWithTheSizes() {
        // ŷ = x = 1e200 is finite, (ŷ − y)² = 1e400 is not
        Network net = Network.builder(1).dense(1, Activations.identity()).loss(Losses.meanSquaredError())
                .build(Initializers.constant(1), Initializers.zeros(), new Rng(1));
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{1e200}});
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{0}});
        assertEquals(1e200, net.predict(X).get(0, 0), 0.0);
        overflows(() -> net.loss(X, Y), "loss: overflowed to Infinity", "max|Ŷ| = 1.00e+200");
    }

    @Test
    void accuracyChecksThatTargetsAreOneHot() {
        Network net = classifier();
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{1, 2, 3, 4}, {0, 1, 0, 1}});
        refuses(() -> net.accuracy(X, new DMatrixRMaj(new double[][] {{2, -5, 0}, {1, 0, 0}})), "Y:",
                "one-hot", "[2.0, -5.0, 0.0] at row 0");
        refuses(() -> net.accuracy(X, new DMatrixRMaj(new double[][] {{1, 0, 0}, {1, 1, 0}})), "Y:",
                "[1.0, 1.0, 0.0] at row 1");
        refuses(() -> net.accuracy(X, new DMatrixRMaj(new double[][] {{0.5, 0.5, 0}, {1, 0, 0}})), "Y:",
                "row 0");
        refuses(() -> net.accuracy(X, new DMatrixRMaj(new double[][] {{0, 0, 0}, {1, 0, 0}})), "Y:", "row 0");
        // one-hot rows are scored: the share whose largest output is the 1
        DMatrixRMaj P = net.predict(X);
        DMatrixRMaj Y = new DMatrixRMaj(2, 3);
        Y.set(0, argmax(P, 0), 1);
        Y.set(1, (argmax(P, 1) + 1) % 3, 1);
        assertEquals(0.5, net.accuracy(X, Y), 0.0);
    }

    private static int argmax(DMatrixRMaj P, int row) {
        int best = 0;
        for (int j = 1; j < P.numCols; j++) {
            best = P.get(row, j) > P.get(row, best) ? j : best;
        }
        return best;
    }
}
