package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.ElementwiseActivation;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

class SingleLayerNetworkTest {

    static Stream<ElementwiseActivation> hidden() {
        return Stream.of(Activations.sigmoid(), Activations.tanh(), Activations.relu(),
                Activations.leakyRelu(0.1), Activations.identity());
    }

    private static SingleLayerNetwork regression(int p, int K, int w, ElementwiseActivation g, long seed) {
        return SingleLayerNetwork.create(p, K, g, w, Activations.identity(), Losses.halfSumOfSquares(),
                Fixtures.uniformInit(1), new Rng(seed));
    }

    private static SingleLayerNetwork classifier(int p, int K, int w, ElementwiseActivation g, long seed) {
        return SingleLayerNetwork.create(p, K, g, w, Activations.softmax(), Losses.categoricalCrossEntropy(),
                Fixtures.uniformInit(1), new Rng(seed));
    }

    @Test
    void countsParametersAsTheNote() {
        // (p+1)K + (K+1)w
        SingleLayerNetwork note = regression(3, 2, 1, Activations.sigmoid(), 1);
        assertEquals(4 * 2 + 3 * 1, note.parameterCount());
        assertEquals(11, note.theta().numRows);
        assertEquals(note.network().parameterCount(), note.parameterCount());
        SingleLayerNetwork wide = classifier(4, 5, 3, Activations.relu(), 2);
        assertEquals(5 * 5 + 6 * 3, wide.parameterCount());
        assertEquals(43, wide.theta().getNumElements());
        assertEquals(wide.network().parameterCount(), wide.parameterCount());
        assertEquals(4, note.W().numRows);
        assertEquals(2, note.W().numCols);
        assertEquals(3, note.B().numRows);
        assertEquals(1, note.B().numCols);
    }

    /** The note's starting W and B, written through the view, land in b1, W1, b2, W2 by rows. */
    @Test
    void layoutOfWBAndThetaOnTheNotesNumbers() {
        SingleLayerNetwork s = regression(3, 2, 1, Activations.sigmoid(), 3);
        DMatrixRMaj W = new DMatrixRMaj(new double[][] {
                {0.4037782, -0.50135717},
                {-0.4417944, -0.39889765},
                {0.8015552, 0.63845282},
                {0.3183736, -0.02490377}});
        DMatrixRMaj B = new DMatrixRMaj(new double[][] {{-0.2261729394}, {-0.0007045274}, {0.1314884122}});
        s.setW(W);
        s.setB(B);
        Network net = s.network();
        // row 0 of W is b1: w_10, w_20
        assertArrayEquals(new double[] {0.4037782, -0.50135717}, net.layer(1).b().data, 0.0);
        assertArrayEquals(new double[] {-0.4417944, -0.39889765, 0.8015552, 0.63845282, 0.3183736, -0.02490377},
                net.layer(1).W().data, 0.0);
        assertArrayEquals(new double[] {-0.2261729394}, net.layer(2).b().data, 0.0);
        assertArrayEquals(new double[] {-0.0007045274, 0.1314884122}, net.layer(2).W().data, 0.0);
        // θ = (w_10, w_20, w_11, w_21, …, w_23, β_0, β_1, β_2)
        assertArrayEquals(new double[] {0.4037782, -0.50135717, -0.4417944, -0.39889765, 0.8015552, 0.63845282,
                0.3183736, -0.02490377, -0.2261729394, -0.0007045274, 0.1314884122}, s.theta().data, 0.0);
        assertEquals(0.8015552, s.w(1, 2), 0.0);
        assertEquals(-0.50135717, s.w(2, 0), 0.0);
        assertEquals(-0.2261729394, s.beta(0), 0.0);
        assertEquals(0.1314884122, s.beta(2), 0.0);
        assertEquals(List.of("w[1,0]", "w[2,0]", "w[1,1]", "w[2,1]", "w[1,2]", "w[2,2]", "w[1,3]", "w[2,3]",
                "beta[0]", "beta[1]", "beta[2]"), s.thetaLabels());
    }

    @Test
    void thetaIndicesAgreeWithTheEntryAccessors() {
        SingleLayerNetwork s = classifier(3, 4, 3, Activations.tanh(), 4);
        DMatrixRMaj theta = s.theta();
        List<String> labels = s.thetaLabels();
        for (int k = 1; k <= 4; k++) {
            for (int j = 0; j <= 3; j++) {
                assertEquals(s.w(k, j), theta.data[s.thetaIndexOfW(k, j)], 0.0);
                assertEquals("w[" + k + "," + j + "]", labels.get(s.thetaIndexOfW(k, j)));
            }
        }
        for (int m = 1; m <= 3; m++) {
            for (int k = 0; k <= 4; k++) {
                assertEquals(s.beta(m, k), theta.data[s.thetaIndexOfBeta(m, k)], 0.0);
                assertEquals("beta[" + m + "," + k + "]", labels.get(s.thetaIndexOfBeta(m, k)));
            }
        }
    }

    @Test
    void thetaRoundTripsThroughTheNetwork() {
        SingleLayerNetwork s = classifier(3, 4, 2, Activations.relu(), 5);
        Network before = s.network().copy();
        // network → θ → network leaves every number in place
        s.setTheta(s.theta());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(before.parameterValues().get(i).data, s.network().parameterValues().get(i).data, 0.0);
        }
        // θ → network → θ gives back the same bits
        DMatrixRMaj theta = Fixtures.uniform(s.parameterCount(), 1, -3, 3, new Rng(6));
        s.setTheta(theta);
        assertArrayEquals(theta.data, s.theta().data, 0.0);
        // a row vector is taken as well
        DMatrixRMaj row = new DMatrixRMaj(1, s.parameterCount());
        System.arraycopy(theta.data, 0, row.data, 0, theta.data.length);
        row.data[0] = 42;
        s.setTheta(row);
        assertEquals(42, s.w(1, 0), 0.0);
    }

    @Test
    void writesAreVisibleBothWays() {
        SingleLayerNetwork s = regression(2, 3, 1, Activations.sigmoid(), 7);
        Network net = s.network();
        DMatrixRMaj W1 = net.layer(1).W();
        DMatrixRMaj b2 = net.layer(2).b();
        // through the view into the network's own matrices (not replaced)
        DMatrixRMaj theta = s.theta();
        theta.data[s.thetaIndexOfW(3, 2)] = 9.5;
        s.setTheta(theta);
        assertSame(W1, net.layer(1).W());
        assertEquals(9.5, W1.get(1, 2), 0.0);
        s.setW(2, 0, -4.0);
        assertEquals(-4.0, net.layer(1).b().data[1], 0.0);
        s.setBeta(1, 3, 0.125);
        assertEquals(0.125, net.layer(2).W().get(2, 0), 0.0);
        // from the network into the view
        b2.data[0] = 7.25;
        assertEquals(7.25, s.beta(0), 0.0);
        assertEquals(7.25, s.B().get(0, 0), 0.0);
        assertEquals(7.25, s.theta().data[s.thetaIndexOfBeta(1, 0)], 0.0);
        net.layer(1).W().set(0, 0, -0.5);
        assertEquals(-0.5, s.W().get(1, 0), 0.0);
        assertEquals(-0.5, s.w(1, 1), 0.0);
    }

    @ParameterizedTest(name = "hidden {0}")
    @MethodSource("hidden")
    void noteFormulasAgreeWithBackpropForSquaredError(ElementwiseActivation g) {
        Rng rng = new Rng(100 + g.toString().hashCode());
        SingleLayerNetwork s = regression(3, 4, 1, g, rng.nextLong());
        DMatrixRMaj X = Fixtures.uniform(9, 3, -2, 2, rng);
        DMatrixRMaj Y = Fixtures.uniform(9, 1, -1, 3, rng);
        // C = Σ ½(ŷ − y)²: the note's objective is the network's loss
        Gradients grads = s.network().gradients(X, Y);
        assertClose(s.gradTheta(grads), s.noteGradient(X, Y), 1, 1e-13);
        // ... and with two outputs
        SingleLayerNetwork two = regression(3, 4, 2, g, rng.nextLong());
        DMatrixRMaj Y2 = Fixtures.uniform(9, 2, -1, 3, rng);
        assertClose(two.gradTheta(two.network().gradients(X, Y2)), two.noteGradient(X, Y2), 1, 1e-13);
    }

    @ParameterizedTest(name = "hidden {0}")
    @MethodSource("hidden")
    void noteFormulasAgreeWithBackpropForSoftmaxCrossEntropy(ElementwiseActivation g) {
        Rng rng = new Rng(200 + g.toString().hashCode());
        SingleLayerNetwork s = classifier(3, 4, 3, g, rng.nextLong());
        DMatrixRMaj X = Fixtures.uniform(8, 3, -2, 2, rng);
        DMatrixRMaj Y = Fixtures.oneHot(8, 3, rng);
        // the network's cross-entropy is a mean over the 8 examples, the note's a sum
        assertClose(s.gradTheta(s.network().gradients(X, Y)), s.noteGradient(X, Y), 8, 1e-13);
    }

    @ParameterizedTest(name = "hidden {0}")
    @MethodSource("hidden")
    void gradThetaMatchesCentralDifferencesInTheta(ElementwiseActivation g) {
        Rng rng = new Rng(300 + g.toString().hashCode());
        SingleLayerNetwork s = regression(3, 3, 2, g, rng.nextLong());
        DMatrixRMaj X = Fixtures.uniform(7, 3, -2, 2, rng);
        DMatrixRMaj Y = Fixtures.uniform(7, 2, -1, 1, rng);
        DMatrixRMaj analytic = s.gradTheta(s.network().gradients(X, Y));
        DMatrixRMaj theta = s.theta();
        DMatrixRMaj numeric = new DMatrixRMaj(theta.numRows, 1);
        double h = 1e-5;
        for (int i = 0; i < theta.numRows; i++) {
            DMatrixRMaj t = theta.copy();
            t.data[i] = theta.data[i] + h;
            s.setTheta(t);
            double plus = s.network().loss(X, Y);
            t.data[i] = theta.data[i] - h;
            s.setTheta(t);
            double minus = s.network().loss(X, Y);
            // ∂L/∂θ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h
            numeric.data[i] = (plus - minus) / (2 * h);
        }
        s.setTheta(theta);
        assertTrue(relativeError(numeric, analytic) < 1e-7, () -> "relative error " + relativeError(numeric, analytic));
        // gradW and gradB are θ's two blocks
        DMatrixRMaj gW = s.gradW(s.network().gradients(X, Y));
        DMatrixRMaj gB = s.gradB(s.network().gradients(X, Y));
        assertEquals(analytic.data[s.thetaIndexOfW(2, 3)], gW.get(3, 1), 0.0);
        assertEquals(analytic.data[s.thetaIndexOfBeta(2, 1)], gB.get(1, 1), 0.0);
    }

    @Test
    void noteOutputIsTheNetworksPrediction() {
        SingleLayerNetwork r = regression(3, 2, 1, Activations.sigmoid(), 8);
        DMatrixRMaj X = Fixtures.uniform(6, 3, -10, 10, new Rng(9));
        assertClose(r.network().predict(X), r.noteOutput(X), 1, 1e-14);
        // f(x) = β0 + Σk βk g(wk0 + Σj wkj xj), written out for the first example
        double f = r.beta(0);
        for (int k = 1; k <= 2; k++) {
            double z = r.w(k, 0);
            for (int j = 1; j <= 3; j++) {
                z += r.w(k, j) * X.get(0, j - 1);
            }
            f += r.beta(k) / (1 + Math.exp(-z));
        }
        assertEquals(f, r.noteOutput(X).get(0, 0), 1e-14 * Math.abs(f));
        SingleLayerNetwork c = classifier(3, 4, 3, Activations.relu(), 10);
        assertClose(c.network().predict(X), c.noteOutput(X), 1, 1e-14);
    }

    @Test
    void createIsSeeded() {
        SingleLayerNetwork a = regression(3, 2, 1, Activations.sigmoid(), 11);
        SingleLayerNetwork b = regression(3, 2, 1, Activations.sigmoid(), 11);
        assertArrayEquals(a.theta().data, b.theta().data, 0.0);
        for (double v : a.theta().data) {
            assertTrue(v >= -1 && v < 1);
        }
        assertTrue(a.toString().contains("W 4x2") && a.toString().contains("B 3x1"));
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        SingleLayerNetwork s = regression(3, 2, 1, Activations.sigmoid(), 12);
        refuses(() -> s.setTheta(new DMatrixRMaj(10, 1)), "theta:", "11 numbers", "10x1");
        refuses(() -> s.setTheta(new DMatrixRMaj(11, 2)), "theta:", "11x2");
        DMatrixRMaj nan = new DMatrixRMaj(11, 1);
        nan.data[4] = Double.NaN;
        refuses(() -> s.setTheta(nan), "theta:", "NaN");
        refuses(() -> s.setW(new DMatrixRMaj(3, 2)), "W:", "4x2", "3x2");
        refuses(() -> s.setB(new DMatrixRMaj(2, 1)), "B:", "3x1", "2x1");
        refuses(() -> s.w(3, 0), "k:", "1..2", "3");
        refuses(() -> s.w(1, 4), "j:", "0..3", "4");
        refuses(() -> s.beta(1, 3), "k:", "0..2");
        refuses(() -> s.beta(2, 0), "m:", "1..1");
        refuses(() -> s.setW(1, 1, Double.POSITIVE_INFINITY), "value:");
        refuses(() -> s.noteGradient(new DMatrixRMaj(4, 2), new DMatrixRMaj(4, 1)), "X:", "3 columns", "4x2");
        refuses(() -> s.noteGradient(new DMatrixRMaj(4, 3), new DMatrixRMaj(5, 1)), "Y:", "4x1", "5x1");
        refuses(() -> s.gradTheta(null), "grads:");
        SingleLayerNetwork other = regression(4, 2, 1, Activations.sigmoid(), 13);
        DMatrixRMaj X4 = new DMatrixRMaj(2, 4);
        refuses(() -> s.gradTheta(other.network().gradients(X4, new DMatrixRMaj(2, 1))), "grads W1", "3x2", "4x2");
        SingleLayerNetwork multi = classifier(3, 2, 3, Activations.sigmoid(), 14);
        refuses(() -> multi.beta(1), "m:", "3 outputs");

        Network deep = Network.builder(2).dense(3, Activations.tanh()).dense(3, Activations.tanh())
                .dense(1, Activations.identity()).loss(Losses.halfSumOfSquares())
                .build(Fixtures.uniformInit(1), new Rng(15));
        refuses(() -> SingleLayerNetwork.view(deep), "net:", "2 layers", "found 3");
        Network sigmoidOut = Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Fixtures.uniformInit(1), new Rng(16));
        refuses(() -> SingleLayerNetwork.view(sigmoidOut), "net:", "identity or softmax", "sigmoid");
        refuses(() -> SingleLayerNetwork.view(null), "net:");
        refuses(() -> SingleLayerNetwork.create(0, 2, Activations.sigmoid(), 1, Activations.identity(),
                Losses.halfSumOfSquares(), Fixtures.uniformInit(1), new Rng(1)), "p:");
        refuses(() -> SingleLayerNetwork.create(3, 2, Activations.sigmoid(), 1, Activations.relu(),
                Losses.halfSumOfSquares(), Fixtures.uniformInit(1), new Rng(1)), "output:", "relu");
    }

    @Test
    void viewsAnExistingNetwork() {
        Network net = Network.builder(2).dense(3, Activations.relu()).dense(1, Activations.identity())
                .loss(Losses.halfMeanSquaredError()).build(Fixtures.uniformInit(1), new Rng(17));
        SingleLayerNetwork s = SingleLayerNetwork.view(net);
        assertSame(net, s.network());
        assertEquals(2, s.p());
        assertEquals(3, s.K());
        assertEquals(1, s.outputs());
        assertSame(net.layer(1).activation(), s.g());
        DMatrixRMaj X = Fixtures.uniform(5, 2, -1, 1, new Rng(18));
        DMatrixRMaj Y = Fixtures.uniform(5, 1, -1, 1, new Rng(19));
        // ½MSE averages over the 5 examples: the note's sum is 5 times the network's gradient
        assertClose(s.gradTheta(net.gradients(X, Y)), s.noteGradient(X, Y), 5, 1e-13);
    }

    /** expected·scale and actual agree to {@code tol} relative (in the max norm). */
    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actualTimesScale, double scale, double tol) {
        assertEquals(expected.getNumElements(), actualTimesScale.getNumElements());
        double max = 0;
        double diff = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double e = expected.data[i] * scale;
            max = Math.max(max, Math.abs(e));
            diff = Math.max(diff, Math.abs(e - actualTimesScale.data[i]));
        }
        double rel = max == 0 ? diff : diff / max;
        assertTrue(rel < tol, "relative difference " + rel);
    }

    private static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            d += (a.data[i] - b.data[i]) * (a.data[i] - b.data[i]);
            na += a.data[i] * a.data[i];
            nb += b.data[i] * b.data[i];
        }
        // ‖a − b‖ / (‖a‖ + ‖b‖)
        return Math.sqrt(d) / (Math.sqrt(na) + Math.sqrt(nb));
    }
}
