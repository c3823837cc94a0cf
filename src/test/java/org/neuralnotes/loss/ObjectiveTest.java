package org.neuralnotes.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;
import static org.neuralnotes.Fixtures.uniform;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.random.Rng;

class ObjectiveTest {

    /** The paired output error A − Y equals the chain rule through g and the loss's own gradient. */
    @Test
    void sigmoidCrossEntropyKeepsTheDigitsOfATinyLoss() {
        Objective o = Objective.of(Activations.sigmoid(), Losses.binaryCrossEntropy());
        // right and confident: L = ln(1 + e^(−40)) ≈ 4.25e−18, on either side
        double tiny = Math.log1p(Math.exp(-40));
        DMatrixRMaj Z = new DMatrixRMaj(new double[][] {{40}, {-40}});
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{1}, {0}});
        DMatrixRMaj A = Activations.sigmoid().forward(Z);
        assertEquals(tiny, o.value(Z, A, Y), tiny * 1e-15);
        // wrong and confident: L = (40 + ln(1 + e^(−40)))/1 per example
        DMatrixRMaj wrong = new DMatrixRMaj(new double[][] {{0}, {1}});
        assertEquals(40 + tiny, o.value(Z, A, wrong), 1e-14);
        // computed from Z, the loss stays finite for any finite Z, however large (σ rounds to 0 and 1)
        DMatrixRMaj huge = new DMatrixRMaj(new double[][] {{1e300}, {-1e300}});
        assertEquals(1e300, o.value(huge, Activations.sigmoid().forward(huge), wrong), 1e285);
    }

    /**
     * The per-example exponentials live in a buffer reused from call to call: a small batch after
     * a large one, and the large one again, each give the mean of ln(1 + e^(−|z|)) + max(z, 0) − y·z
     * computed here entry by entry with StrictMath.
     */
    @Test
    void sigmoidCrossEntropyOfBatchesThatShrinkAndGrow() {
        Objective o = Objective.of(Activations.sigmoid(), Losses.binaryCrossEntropy());
        Rng rng = new Rng(17);
        DMatrixRMaj big = uniform(1000, 1, -30, 30, rng);
        DMatrixRMaj bigY = Fixtures.binary(1000, rng);
        DMatrixRMaj small = uniform(3, 1, -5, 5, rng);
        DMatrixRMaj smallY = Fixtures.binary(3, rng);
        for (int round = 0; round < 2; round++) {
            for (DMatrixRMaj[] zy : new DMatrixRMaj[][] {{big, bigY}, {small, smallY}}) {
                DMatrixRMaj Z = zy[0];
                DMatrixRMaj Y = zy[1];
                double expected = 0;
                for (int i = 0; i < Z.numRows; i++) {
                    double z = Z.data[i];
                    expected += StrictMath.log1p(StrictMath.exp(-Math.abs(z))) + Math.max(z, 0)
                            - Y.data[i] * z;
                }
                expected /= Z.numRows;
                double got = o.value(Z, Activations.sigmoid().forward(Z), Y);
                assertEquals(expected, got, 1e-14 * Math.abs(expected), "round " + round + ", "
                        + Z.numRows + " examples");
            }
        }
    }

    @Test
    void pairedOutputErrorIsTheChainRule() {
        Rng rng = new Rng(9);
        check(Activations.sigmoid(), Losses.binaryCrossEntropy(), uniform(5, 1, -3, 3, rng),
                Fixtures.binary(5, rng));
        check(Activations.softmax(), Losses.categoricalCrossEntropy(), uniform(5, 4, -3, 3, rng),
                Fixtures.oneHot(5, 4, rng));
    }

    private static void check(Activation g, Loss loss, DMatrixRMaj Z, DMatrixRMaj Y) {
        Objective o = Objective.of(g, loss);
        DMatrixRMaj A = g.forward(Z);
        DMatrixRMaj paired = o.outputError(Z, A, Y);
        DMatrixRMaj chain = g.backward(Z, A, loss.gradient(A, Y));
        for (int i = 0; i < paired.data.length; i++) {
            // dZ = (A − Y)/N
            assertEquals((A.data[i] - Y.data[i]) / Y.numRows, paired.data[i], 1e-15);
            assertEquals(chain.data[i], paired.data[i], 1e-14);
        }
        assertEquals(loss.value(A, Y), o.value(Z, A, Y), 1e-13);
    }

    @Test
    void lossFromZStaysFiniteWhenTheOutputSaturates() {
        Objective o = Objective.of(Activations.sigmoid(), Losses.binaryCrossEntropy());
        DMatrixRMaj Z = new DMatrixRMaj(new double[][] {{-800}});
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{1}});
        // −ln σ(−800) = 800 + ln(1 + e^−800)
        assertEquals(800.0, o.value(Z, Activations.sigmoid().forward(Z), Y), 1e-12);
        Objective s = Objective.of(Activations.softmax(), Losses.categoricalCrossEntropy());
        DMatrixRMaj Z2 = new DMatrixRMaj(new double[][] {{1000, 0}});
        DMatrixRMaj Y2 = new DMatrixRMaj(new double[][] {{0, 1}});
        assertEquals(1000.0, s.value(Z2, Activations.softmax().forward(Z2), Y2), 1e-12);
    }

    /** Note 003, eqs. 14–16, on one row with ½‖A − Y‖² averaged over M = 1 sample. */
    @Test
    void softmaxSquaredGradients() {
        Rng rng = new Rng(4);
        DMatrixRMaj Z = uniform(1, 3, -1, 1, rng);
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{0, 1, 0}});
        DMatrixRMaj A = Activations.softmax().forward(Z);
        double E = 0;
        for (int b = 0; b < 3; b++) {
            E += A.data[b] * (A.data[b] - Y.data[b]);
        }
        DMatrixRMaj exact = Objective.of(Activations.softmax(), Losses.halfMeanSquaredError())
                .outputError(Z, A, Y);
        DMatrixRMaj drop = Objective.of(Activations.softmax(), Losses.halfMeanSquaredError(),
                Objective.SoftmaxGradient.DROP_AVERAGED_ERROR).outputError(Z, A, Y);
        DMatrixRMaj diff = Objective.of(Activations.softmax(), Losses.halfMeanSquaredError(),
                Objective.SoftmaxGradient.A_MINUS_Y).outputError(Z, A, Y);
        for (int a = 0; a < 3; a++) {
            double r = A.data[a] - Y.data[a];
            assertEquals(A.data[a] * r - A.data[a] * E, exact.data[a], 1e-15);
            assertEquals(A.data[a] * r, drop.data[a], 1e-15);
            assertEquals(r, diff.data[a], 1e-15);
        }
        assertTrue(Objective.of(Activations.softmax(), Losses.halfMeanSquaredError(),
                Objective.SoftmaxGradient.A_MINUS_Y).approximate());
    }

    @Test
    void refusesPairsThatMakeNoSense() {
        refuses(() -> Objective.of(Activations.relu(), Losses.binaryCrossEntropy()),
                "binary cross-entropy needs a sigmoid output", "relu");
        refuses(() -> Objective.of(Activations.softmax(), Losses.binaryCrossEntropy()),
                "sigmoid", "softmax");
        refuses(() -> Objective.of(Activations.sigmoid(), Losses.categoricalCrossEntropy()),
                "categorical cross-entropy needs a softmax output", "sigmoid");
        refuses(() -> Objective.of(Activations.sigmoid(), Losses.halfMeanSquaredError(),
                Objective.SoftmaxGradient.A_MINUS_Y), "softmaxGradient", "softmax", "sigmoid");
        refuses(() -> Objective.of(Activations.softmax(), Losses.categoricalCrossEntropy(),
                Objective.SoftmaxGradient.DROP_AVERAGED_ERROR), "softmaxGradient", "squared");
        refuses(() -> Objective.of(null, Losses.l2()), "output", "null");
    }
}
