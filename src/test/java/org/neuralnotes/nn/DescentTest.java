package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

/**
 * {@link Network#descend}, the gradient-descent step made inside the products, against the
 * step of {@link GradientDescent} on the gradients of {@link Network#gradients}: the same θ to
 * rounding, and θ left alone (gradients handed back) whenever something is not finite.
 */
class DescentTest {
    private static final double ALPHA = 0.3;

    private static Network network(int inputs, int hidden, int outputs, Activation output, Loss loss,
                                   Rng rng) {
        return Network.builder(inputs).dense(hidden, Activations.relu()).dense(hidden, Activations.tanh())
                .dense(outputs, output).loss(loss)
                .build(Fixtures.uniformInit(0.8), Fixtures.uniformInit(0.3), rng);
    }

    /** θ of both networks equal entry by entry to 1e-13 relative (products add in another order). */
    private static void assertSameParameters(Network expected, Network actual) {
        List<DMatrixRMaj> a = expected.parameterValues();
        List<DMatrixRMaj> b = actual.parameterValues();
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < a.get(i).data.length; k++) {
                double e = a.get(i).data[k];
                assertEquals(e, b.get(i).data[k], 1e-13 * Math.max(1, Math.abs(e)),
                        expected.parameterNames().get(i) + " entry " + k);
            }
        }
    }

    /** Reference: the gradients, then GradientDescent's θ ← θ − α∇θ. */
    private static double referenceStep(Network net, DMatrixRMaj X, DMatrixRMaj Y, int first, int rows) {
        Workspace ws = net.workspace();
        Gradients g = net.gradients(X, Y, first, rows, ws);
        double loss = g.loss();
        new GradientDescent(ALPHA).step(net.parameterValues(), g.list());
        return loss;
    }

    @Test
    void stepsOfRowsInOrderMatchGradientDescentForSoftmaxAndSigmoidOutputs() {
        Rng rng = new Rng(11);
        DMatrixRMaj X = Fixtures.uniform(40, 6, -2, 2, rng);
        DMatrixRMaj Y3 = Fixtures.oneHot(40, 3, rng);
        DMatrixRMaj Y1 = Fixtures.binary(40, rng);
        Network[] nets = {network(6, 5, 3, Activations.softmax(), Losses.categoricalCrossEntropy(), rng),
                network(6, 4, 1, Activations.sigmoid(), Losses.binaryCrossEntropy(), rng)};
        DMatrixRMaj[] targets = {Y3, Y1};
        double bound = Checks.absBound(X.data, X.getNumElements());
        for (int n = 0; n < nets.length; n++) {
            Network fused = nets[n];
            Network reference = fused.copy();
            Workspace ws = fused.workspace();
            // three batches of 13 rows in order, the middle one starting inside X, then all rows
            int[][] batches = {{0, 13}, {13, 13}, {26, 13}, {0, 40}};
            for (int[] batch : batches) {
                double expectedLoss = referenceStep(reference, X, targets[n], batch[0], batch[1]);
                Descent d = fused.descend(X, targets[n], batch[0], batch[1], ws, ALPHA, bound);
                assertTrue(d.updated(), d.toString());
                assertEquals(expectedLoss, d.loss(), 1e-13 * Math.abs(expectedLoss));
                assertSameParameters(reference, fused);
            }
            // a step made stores no gradient to hand back
            DMatrixRMaj Y = targets[n];
            assertThrows(IllegalStateException.class,
                    () -> fused.descend(X, Y, 0, 5, ws, ALPHA, bound).gradients());
        }
    }

    @Test
    void fullBatchWithTheKeptTransposeOfOneUnitMatchesGradientDescent() {
        Rng rng = new Rng(12);
        DMatrixRMaj X = Fixtures.uniform(30, 7, -1, 1, rng);
        DMatrixRMaj Y = Fixtures.binary(30, rng);
        Network fused = Network.builder(7).dense(1, Activations.sigmoid()).loss(Losses.binaryCrossEntropy())
                .build(Fixtures.uniformInit(0.5), Fixtures.uniformInit(0.2), rng);
        Network reference = fused.copy();
        Workspace ws = fused.workspace();
        // ∂L/∂W[1] = Xᵀ·δ[1] read from the kept Xᵀ on this path
        ws.fixedInput(X);
        for (int step = 0; step < 5; step++) {
            referenceStep(reference, X, Y, 0, 30);
            assertTrue(fused.descend(X, Y, 0, 30, ws, ALPHA, 1.0).updated());
            assertSameParameters(reference, fused);
        }
    }

    @Test
    void aNonFiniteForwardPassLeavesThetaAloneAndHandsBackTheGradients() {
        Rng rng = new Rng(13);
        DMatrixRMaj X = Fixtures.uniform(12, 4, -1, 1, rng);
        DMatrixRMaj Y = Fixtures.oneHot(12, 3, rng);
        // X is not scanned here: an infinite input makes Z[L] of its row, and the gradients, not finite
        X.set(5, 1, Double.POSITIVE_INFINITY);
        Network net = network(4, 3, 3, Activations.softmax(), Losses.categoricalCrossEntropy(), rng);
        Network before = net.copy();
        Descent d = net.descend(X, Y, 0, 12, net.workspace(), ALPHA, 1.0);
        assertFalse(d.updated());
        assertSameParametersExactly(before, net);
        Gradients expected = before.gradients(X, Y, 0, 12, before.workspace());
        for (int i = 0; i < expected.list().size(); i++) {
            assertArrayEquals(expected.list().get(i).data, d.gradients().list().get(i).data, 0.0);
        }
        assertTrue(Checks.firstNonFinite(d.gradients().get("W1").data, 12) >= 0);
    }

    @Test
    void aProductThatCouldOverflowIsNotMadeInsideTheProducts() {
        Rng rng = new Rng(14);
        DMatrixRMaj X = Fixtures.uniform(12, 4, -1, 1, rng);
        DMatrixRMaj Y = Fixtures.oneHot(12, 3, rng);
        Network net = network(4, 3, 3, Activations.softmax(), Losses.categoricalCrossEntropy(), rng);
        Network before = net.copy();
        // the caller's bound of |x| allows Xᵀ·δ[1] beyond 1e300: θ stays, the gradients are finite
        Descent d = net.descend(X, Y, 0, 12, net.workspace(), ALPHA, 1e300);
        assertFalse(d.updated());
        assertSameParametersExactly(before, net);
        assertEquals(-1, Checks.firstNonFinite(d.gradients().get("W1").data, 12));
        // with a bound that is true of X, the step is made
        assertTrue(net.descend(X, Y, 0, 12, net.workspace(), ALPHA, 1.0).updated());
    }

    private static void assertSameParametersExactly(Network expected, Network actual) {
        for (int i = 0; i < expected.parameterValues().size(); i++) {
            assertArrayEquals(expected.parameterValues().get(i).data, actual.parameterValues().get(i).data,
                    0.0);
        }
    }

    @Test
    void badArgumentsAreRefusedByNameBeforeAnythingChanges() {
        Rng rng = new Rng(15);
        DMatrixRMaj X = Fixtures.uniform(10, 4, -1, 1, rng);
        DMatrixRMaj Y = Fixtures.oneHot(10, 3, rng);
        Network net = network(4, 3, 3, Activations.softmax(), Losses.categoricalCrossEntropy(), rng);
        Network before = net.copy();
        Workspace ws = net.workspace();
        Fixtures.refuses(() -> net.descend(X, Y, 0, 10, ws, 0.0, 1.0), "alpha", "0.0");
        Fixtures.refuses(() -> net.descend(X, Y, 0, 10, ws, Double.NaN, 1.0), "alpha", "NaN");
        Fixtures.refuses(() -> net.descend(X, Y, 0, 10, ws, ALPHA, -1.0), "inputMax", "-1.0");
        Fixtures.refuses(() -> net.descend(X, Y, 0, 10, ws, ALPHA, Double.NaN), "inputMax", "NaN");
        Fixtures.refuses(() -> net.descend(X, Y, 6, 5, ws, ALPHA, 1.0), "X");
        Fixtures.refuses(() -> net.descend(X, Y, 0, 10, before.workspace(), ALPHA, 1.0), "ws");
        Fixtures.refuses(() -> net.descend(X, Fixtures.oneHot(9, 3, rng), 0, 9, ws, ALPHA, 1.0), "Y", "9x3");
        assertSameParametersExactly(before, net);
    }
}
