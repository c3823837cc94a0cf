package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.random.Rng;

/**
 * The three calls of a step, forward, loss and backward, against the conveniences built on them
 * ({@code gradients(X, Y)}, {@code loss(X, Y)}), over batches of changing size; and each call's
 * result is its own: a later call changes nothing in it.
 */
class ForwardBackwardTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(Activations.tanh(), Activations.sigmoid(), Losses.binaryCrossEntropy(), 1,
                        Objective.SoftmaxGradient.EXACT),
                Arguments.of(Activations.relu(), Activations.softmax(), Losses.categoricalCrossEntropy(), 3,
                        Objective.SoftmaxGradient.EXACT),
                Arguments.of(Activations.leakyRelu(0.1), Activations.identity(), Losses.meanSquaredError(), 2,
                        Objective.SoftmaxGradient.EXACT),
                Arguments.of(Activations.sigmoid(), Activations.softmax(), Losses.halfMeanSquaredError(), 3,
                        Objective.SoftmaxGradient.EXACT),
                Arguments.of(Activations.identity(), Activations.softmax(), Losses.halfMeanSquaredError(), 3,
                        Objective.SoftmaxGradient.DROP_AVERAGED_ERROR),
                Arguments.of(Activations.tanh(), Activations.tanh(), Losses.l2(), 2,
                        Objective.SoftmaxGradient.EXACT));
    }

    private static Network network(Activation hidden, Activation output, Loss loss, int outputs,
                                   Objective.SoftmaxGradient mode, Rng rng) {
        Network.Builder b = Network.builder(4).dense(5, hidden).dense(3, hidden).dense(outputs, output)
                .loss(loss);
        if (output.name().equals("softmax")) {
            b.softmaxGradient(mode);
        }
        return b.build(Fixtures.uniformInit(0.8), Fixtures.uniformInit(0.3), rng);
    }

    private static DMatrixRMaj targets(Activation output, int n, int k, Rng rng) {
        if (output.name().equals("softmax")) {
            return Fixtures.oneHot(n, k, rng);
        }
        if (output.name().equals("sigmoid")) {
            return Fixtures.binary(n, rng);
        }
        return Fixtures.uniform(n, k, -1, 1, rng);
    }

    @ParameterizedTest(name = "hidden {0}, output {1} + {2}")
    @MethodSource("networks")
    void theStepsCallsGiveWhatTheConveniencesAndTheReusedStepGive(Activation hidden, Activation output, Loss loss,
                                                  int outputs, Objective.SoftmaxGradient mode) {
        Rng rng = new Rng(17L + loss.name().hashCode() + 7L * hidden.name().hashCode());
        Network net = network(hidden, output, loss, outputs, mode, rng);
        TrainingStep step = new TrainingStep(net);
        // batch sizes that grow, shrink and grow again
        for (int n : new int[] {6, 2, 11, 1, 9}) {
            DMatrixRMaj X = Fixtures.uniform(n, 4, -1.5, 1.5, rng);
            DMatrixRMaj Y = targets(output, n, outputs, rng);
            ForwardPass pass = net.forward(X);
            Gradients g = net.backward(pass, Y);
            Gradients convenience = net.gradients(X, Y);
            // the trainer's reused matrices, resized from the previous batch, hold the same numbers
            ForwardPass reusedPass = step.forward(X);
            Gradients reused = step.backward(reusedPass, Y);
            for (int l = 1; l <= net.depth(); l++) {
                assertSame(pass.Z(l), reusedPass.Z(l), "step, batch " + n + ", Z[" + l + "]");
                assertSame(pass.A(l), reusedPass.A(l), "step, batch " + n + ", A[" + l + "]");
                assertSame(g.delta(l), reused.delta(l), "step, batch " + n + ", δ[" + l + "]");
            }
            for (int i = 0; i < g.list().size(); i++) {
                assertSame(g.list().get(i), reused.list().get(i), "step, batch " + n + ", " + g.names().get(i));
            }
            assertEquals(net.loss(X, Y), net.loss(pass, Y), 0.0);
            assertEquals(net.parameterNames(), g.names());
            for (int i = 0; i < g.list().size(); i++) {
                assertSame(convenience.list().get(i), g.list().get(i), "batch " + n + ", " + g.names().get(i));
            }
            for (int l = 1; l <= net.depth(); l++) {
                assertSame(convenience.delta(l), g.delta(l), "batch " + n + ", δ[" + l + "]");
                assertEquals(n, g.delta(l).numRows);
                assertSame(net.predict(X), pass.output(), "batch " + n + ", Ŷ");
            }
            assertTrue(g.allFinite());
            assertNull(g.firstNonFinite());
        }
    }

    private static void assertSame(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " cols");
        for (int k = 0; k < expected.getNumElements(); k++) {
            assertEquals(expected.data[k], actual.data[k], 0.0, what + " entry " + k);
        }
    }

    @Test
    void aResultIsNotChangedByLaterCalls() {
        Rng rng = new Rng(5);
        Network net = network(Activations.tanh(), Activations.sigmoid(), Losses.binaryCrossEntropy(), 1,
                Objective.SoftmaxGradient.EXACT, rng);
        DMatrixRMaj X1 = Fixtures.uniform(7, 4, -1, 1, rng);
        DMatrixRMaj Y1 = Fixtures.binary(7, rng);
        ForwardPass pass = net.forward(X1);
        Gradients g = net.backward(pass, Y1);
        DMatrixRMaj Z1 = pass.Z(1).copy();
        DMatrixRMaj dW1 = g.get("W1").copy();
        DMatrixRMaj delta2 = g.delta(2).copy();
        net.backward(net.forward(Fixtures.uniform(3, 4, -1, 1, rng)), Fixtures.binary(3, rng));
        assertSame(Z1, pass.Z(1), "Z[1]");
        assertSame(dW1, g.get("W1"), "dW1");
        assertSame(delta2, g.delta(2), "δ[2]");
        assertEquals(7, pass.output().numRows);
    }

    @Test
    void aNonFiniteGradientIsNamed() {
        // x = 1e308 with W = 0: ŷ = 0 is finite, ∂L/∂W = x·2(ŷ − y) overflows
        Network net = Network.builder(1).dense(1, Activations.identity())
                .loss(Losses.meanSquaredError()).build(Initializers.zeros(), new Rng(1));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1e308}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{100}});
        ForwardPass pass = net.forward(x);
        assertEquals(10000.0, net.loss(pass, y), 0.0);
        Gradients g = net.backward(pass, y);
        assertFalse(g.allFinite());
        assertEquals("W1 holds -Infinity at row 0, column 0", g.firstNonFinite());
    }

    @Test
    void argumentsAreChecked() {
        Rng rng = new Rng(9);
        Network net = network(Activations.relu(), Activations.softmax(), Losses.categoricalCrossEntropy(), 3,
                Objective.SoftmaxGradient.EXACT, rng);
        Network shallow = Network.builder(4).dense(3, Activations.softmax())
                .loss(Losses.categoricalCrossEntropy()).build(Fixtures.uniformInit(0.5), rng);
        DMatrixRMaj X = Fixtures.uniform(4, 4, -1, 1, rng);
        DMatrixRMaj Y = Fixtures.oneHot(4, 3, rng);
        ForwardPass pass = net.forward(X);
        Fixtures.refuses(() -> net.forward(new DMatrixRMaj(4, 3)), "X:", "4 columns", "4x3");
        Fixtures.refuses(() -> net.backward(pass, new DMatrixRMaj(3, 3)), "Y:", "4x3", "3x3");
        Fixtures.refuses(() -> net.loss(pass, new DMatrixRMaj(4, 2)), "Y:", "4x3", "4x2");
        Fixtures.refuses(() -> net.backward(null, Y), "pass:", "null");
        Fixtures.refuses(() -> net.backward(shallow.forward(X), Y), "pass:", "3 layers", "1");
    }
}
