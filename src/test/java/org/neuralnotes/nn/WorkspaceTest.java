package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.random.Rng;

/** A workspace reused over batches of changing size gives what a fresh computation gives, bit for bit. */
class WorkspaceTest {

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
    void reusedWorkspaceMatchesFreshGradientsBitForBit(Activation hidden, Activation output, Loss loss,
                                                       int outputs, Objective.SoftmaxGradient mode) {
        Rng rng = new Rng(17L + loss.name().hashCode() + 7L * hidden.name().hashCode());
        Network net = network(hidden, output, loss, outputs, mode, rng);
        Workspace ws = net.workspace();
        // batch sizes that grow, shrink below the first and grow again
        for (int n : new int[] {6, 2, 11, 1, 9}) {
            DMatrixRMaj X = Fixtures.uniform(n, 4, -1.5, 1.5, rng);
            DMatrixRMaj Y = targets(output, n, outputs, rng);
            Gradients fresh = net.gradients(X, Y);
            Gradients reused = net.gradients(X, Y, ws);
            Gradients fromPass = net.backward(net.forward(X), Y);
            assertEquals(fresh.loss(), reused.loss(), 0.0);
            assertEquals(fresh.loss(), fromPass.loss(), 0.0);
            assertEquals(fresh.names(), reused.names());
            for (int i = 0; i < fresh.list().size(); i++) {
                assertSame(fresh.list().get(i), reused.list().get(i), "batch " + n + ", " + fresh.names().get(i));
                assertSame(fresh.list().get(i), fromPass.list().get(i), "pass, " + fresh.names().get(i));
            }
            for (int l = 1; l <= net.depth(); l++) {
                assertSame(fresh.delta(l), reused.delta(l), "batch " + n + ", δ[" + l + "]");
                assertEquals(n, reused.delta(l).numRows);
            }
            // a plain step with the reused gradients moves the weights as the fresh ones do
            Network a = net.copy();
            Network b = net.copy();
            step(a, fresh.list());
            step(b, reused.list());
            for (int i = 0; i < a.parameterValues().size(); i++) {
                assertArrayEquals(a.parameterValues().get(i).data, b.parameterValues().get(i).data, 0.0);
            }
        }
    }

    private static void step(Network net, List<DMatrixRMaj> grads) {
        List<DMatrixRMaj> theta = net.parameterValues();
        for (int i = 0; i < theta.size(); i++) {
            for (int k = 0; k < theta.get(i).getNumElements(); k++) {
                // θ ← θ − 0.1·∂L/∂θ
                theta.get(i).data[k] -= 0.1 * grads.get(i).data[k];
            }
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
    void theNextCallOverwritesTheResult() {
        Rng rng = new Rng(5);
        Network net = network(Activations.tanh(), Activations.sigmoid(), Losses.binaryCrossEntropy(), 1,
                Objective.SoftmaxGradient.EXACT, rng);
        Workspace ws = net.workspace();
        DMatrixRMaj X1 = Fixtures.uniform(5, 4, -1, 1, rng);
        DMatrixRMaj Y1 = Fixtures.binary(5, rng);
        DMatrixRMaj X2 = Fixtures.uniform(5, 4, -1, 1, rng);
        DMatrixRMaj Y2 = Fixtures.binary(5, rng);
        Gradients old = net.gradients(X1, Y1, ws);
        DMatrixRMaj first = old.get("W1");
        DMatrixRMaj kept = first.copy();
        Gradients now = net.gradients(X2, Y2, ws);
        // the loss is computed on demand from the workspace: only while it holds that batch
        IllegalStateException stale = assertThrows(IllegalStateException.class, old::loss);
        assertTrue(stale.getMessage().contains("used again"), stale.getMessage());
        assertEquals(net.loss(X2, Y2), now.loss(), 0.0);
        assertEquals(now.loss(), now.loss(), 0.0);
        DMatrixRMaj expected = net.gradients(X2, Y2).get("W1");
        assertArrayEquals(expected.data, first.data, 0.0);
        assertTrue(kept.data[0] != first.data[0] || kept.data[1] != first.data[1]);
    }

    @Test
    void aFixedInputGivesTheSameGradientsFromItsTranspose() {
        Rng rng = new Rng(31);
        // one unit in the first layer: logistic regression
        Network net = Network.builder(6).dense(1, Activations.sigmoid()).loss(Losses.binaryCrossEntropy())
                .build(Fixtures.uniformInit(0.5), Fixtures.uniformInit(0.5), rng);
        DMatrixRMaj X = Fixtures.uniform(40, 6, -2, 2, rng);
        DMatrixRMaj Y = Fixtures.binary(40, rng);
        Gradients plain = net.gradients(X, Y);
        Workspace ws = net.workspace();
        ws.fixedInput(X);
        Gradients fixed = net.gradients(X, Y, ws);
        for (int i = 0; i < plain.list().size(); i++) {
            DMatrixRMaj a = plain.list().get(i);
            DMatrixRMaj b = fixed.list().get(i);
            for (int k = 0; k < a.getNumElements(); k++) {
                // the same sums in another order
                assertEquals(a.data[k], b.data[k], 1e-13 * (1 + Math.abs(a.data[k])), plain.names().get(i));
            }
        }
        // another input matrix does not use the kept transpose
        DMatrixRMaj other = Fixtures.uniform(40, 6, -2, 2, rng);
        Gradients fromOther = net.gradients(other, Y, ws);
        DMatrixRMaj expected = net.gradients(other, Y).get("W1");
        assertArrayEquals(expected.data, fromOther.get("W1").data, 0.0);
        Fixtures.refuses(() -> ws.fixedInput(new DMatrixRMaj(40, 5)), "X:", "6 columns", "40x5");
        // several units in the first layer: nothing is kept, the results are bit for bit the same
        Network wide = network(Activations.tanh(), Activations.sigmoid(), Losses.binaryCrossEntropy(), 1,
                Objective.SoftmaxGradient.EXACT, rng);
        Workspace wws = wide.workspace();
        DMatrixRMaj Xw = Fixtures.uniform(9, 4, -1, 1, rng);
        DMatrixRMaj Yw = Fixtures.binary(9, rng);
        wws.fixedInput(Xw);
        assertArrayEquals(wide.gradients(Xw, Yw).get("W1").data, wide.gradients(Xw, Yw, wws).get("W1").data, 0.0);
    }

    @ParameterizedTest(name = "hidden {0}, output {1} + {2}")
    @MethodSource("networks")
    void aBlockOfRowsReadInPlaceGivesTheGradientsOfItsCopy(Activation hidden, Activation output, Loss loss,
                                                          int outputs, Objective.SoftmaxGradient mode) {
        Rng rng = new Rng(41L + loss.name().hashCode() + 3L * hidden.name().hashCode());
        Network net = network(hidden, output, loss, outputs, mode, rng);
        Workspace ws = net.workspace();
        DMatrixRMaj X = Fixtures.uniform(30, 4, -1.5, 1.5, rng);
        DMatrixRMaj Y = targets(output, 30, outputs, rng);
        // batches in order, the last one shorter, then one row and the whole set
        int[][] blocks = {{0, 8}, {8, 8}, {16, 8}, {24, 6}, {29, 1}, {0, 30}};
        for (int[] block : blocks) {
            DMatrixRMaj Xb = rows(X, block[0], block[1]);
            DMatrixRMaj Yb = rows(Y, block[0], block[1]);
            Gradients copied = net.gradients(Xb, Yb);
            Gradients inPlace = net.gradients(X, Y, block[0], block[1], ws);
            String what = "rows " + block[0] + "+" + block[1];
            // the first layer's products may add in another order on a native BLAS
            assertEquals(copied.loss(), inPlace.loss(), 1e-13 * (1 + Math.abs(copied.loss())), what + " loss");
            for (int i = 0; i < copied.list().size(); i++) {
                DMatrixRMaj a = copied.list().get(i);
                DMatrixRMaj b = inPlace.list().get(i);
                assertEquals(a.numRows, b.numRows, what + " " + copied.names().get(i));
                assertEquals(a.numCols, b.numCols, what + " " + copied.names().get(i));
                for (int k = 0; k < a.getNumElements(); k++) {
                    assertEquals(a.data[k], b.data[k], 1e-12 * (1 + Math.abs(a.data[k])),
                            what + " " + copied.names().get(i) + " entry " + k);
                }
            }
            assertEquals(block[1], inPlace.delta(1).numRows, what);
        }
        Fixtures.refuses(() -> net.gradients(X, Y, 30, 1, ws), "first:", "0..29", "30");
        Fixtures.refuses(() -> net.gradients(X, Y, 25, 6, ws), "rows:", "1..5", "6");
        Fixtures.refuses(() -> net.gradients(X, Y, -1, 6, ws), "first:", "-1");
        Fixtures.refuses(() -> net.gradients(X, rows(Y, 0, 29), 0, 6, ws), "Y:", "30x", "29x");
        Fixtures.refuses(() -> net.gradients(X, Y, 0, 6, net.copy().workspace()), "ws:", "this network");
    }

    /** Rows first … first + n − 1 of M, copied. */
    private static DMatrixRMaj rows(DMatrixRMaj M, int first, int n) {
        DMatrixRMaj out = new DMatrixRMaj(n, M.numCols);
        System.arraycopy(M.data, first * M.numCols, out.data, 0, n * M.numCols);
        return out;
    }

    @Test
    void argumentsAreChecked() {
        Rng rng = new Rng(9);
        Network net = network(Activations.relu(), Activations.softmax(), Losses.categoricalCrossEntropy(), 3,
                Objective.SoftmaxGradient.EXACT, rng);
        Network other = net.copy();
        Workspace ws = net.workspace();
        DMatrixRMaj X = Fixtures.uniform(4, 4, -1, 1, rng);
        DMatrixRMaj Y = Fixtures.oneHot(4, 3, rng);
        Fixtures.refuses(() -> net.gradients(X, Y, other.workspace()), "ws:", "this network");
        Fixtures.refuses(() -> net.gradients(X, Y, null), "ws:", "null");
        Fixtures.refuses(() -> net.gradients(new DMatrixRMaj(4, 3), Y, ws), "X:", "4 columns", "4x3");
        Fixtures.refuses(() -> net.gradients(X, new DMatrixRMaj(3, 3), ws), "Y:", "4x3", "3x3");
        assertTrue(ws.toString().contains("4 -> 5 relu"), ws.toString());
    }
}
