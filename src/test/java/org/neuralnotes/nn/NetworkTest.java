package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.random.Rng;

class NetworkTest {

    private static Network note002(long seed) {
        return Network.builder(2)
                .dense(3, Activations.relu())
                .dense(4, Activations.relu())
                .dense(1, Activations.identity())
                .loss(Losses.halfSumOfSquares())
                .build(Fixtures.uniformInit(1), new Rng(seed));
    }

    /** Note 002: (2·3 + 3) + (3·4 + 4) + (4·1 + 1) = 30. */
    @Test
    void theNotes2341NetworkHas30Parameters() {
        Network net = note002(1);
        assertEquals(30, net.parameterCount());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), net.parameterNames());
        String summary = net.summary();
        assertTrue(summary.contains("total parameters: 30"), summary);
        assertTrue(summary.contains("2x3"), summary);
        assertTrue(net.toString().contains("2 -> 3 relu -> 4 relu -> 1 identity"), net.toString());
        assertTrue(net.toString().contains("half_sum_of_squares"), net.toString());
    }

    @Test
    void parametersAreTheNetworksOwnMatrices() {
        Network net = note002(2);
        Parameter w1 = net.parameter("W1");
        assertSame(net.layer(1).W(), w1.value());
        Network copy = net.copy();
        assertNotSame(copy.layer(1).W(), w1.value());
        assertArrayEquals(w1.value().data, copy.layer(1).W().data, 0);
    }

    @Test
    void sameSeedSameNetworkBitForBit() {
        DMatrixRMaj X = Fixtures.uniform(6, 2, -1, 1, new Rng(7));
        DMatrixRMaj a = note002(42).predict(X);
        DMatrixRMaj b = note002(42).predict(X);
        assertArrayEquals(a.data, b.data, 0);
    }

    /** The forward pass of one example by hand: a[l] = ReLU(a[l−1]·W[l] + b[l]). */
    @Test
    void forwardByHand() {
        Dense l1 = new Dense(new DMatrixRMaj(new double[][] {{1, -1}, {2, 0.5}}),
                new DMatrixRMaj(new double[][] {{0.5, -3}}), Activations.relu());
        Dense l2 = new Dense(new DMatrixRMaj(new double[][] {{2}, {-1}}),
                new DMatrixRMaj(new double[][] {{0.25}}), Activations.identity());
        Network net = new Network(List.of(l1, l2), Objective.of(Activations.identity(), Losses.l2()));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 1}});
        // z1 = (1 + 2 + 0.5, −1 + 0.5 − 3) = (3.5, −3.5), a1 = (3.5, 0), h = 7 + 0.25
        assertEquals(7.25, net.predict(x).get(0, 0), 0);
        assertEquals(Math.pow(7.25 - 1, 2), net.loss(x, new DMatrixRMaj(new double[][] {{1}})), 0);
    }

    @Test
    void accuracyForOneOutputAndForSeveral() {
        Dense l = new Dense(new DMatrixRMaj(new double[][] {{1}}), new DMatrixRMaj(1, 1),
                Activations.sigmoid());
        Network net = new Network(List.of(l), Objective.of(Activations.sigmoid(), Losses.binaryCrossEntropy()));
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{-2}, {3}, {1}, {-1}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0}, {1}, {0}, {0}});
        assertEquals(0.75, net.accuracy(X, y), 0);
        Dense s = new Dense(new DMatrixRMaj(new double[][] {{1, -1, 0}}), new DMatrixRMaj(1, 3),
                Activations.softmax());
        Network soft = new Network(List.of(s), Objective.of(Activations.softmax(),
                Losses.categoricalCrossEntropy()));
        DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        DMatrixRMaj X3 = new DMatrixRMaj(new double[][] {{2}, {-2}, {-2}});
        assertEquals(2.0 / 3, soft.accuracy(X3, Y), 1e-15);
    }

    @Test
    void refusesBadInputAtTheBoundary() {
        Network net = note002(3);
        refuses(() -> net.predict(new DMatrixRMaj(4, 3)), "X", "2 columns", "4x3");
        refuses(() -> net.predict(new DMatrixRMaj(0, 2)), "X", "0x2");
        DMatrixRMaj nan = new DMatrixRMaj(2, 2);
        nan.set(1, 0, Double.NaN);
        refuses(() -> net.predict(nan), "X", "NaN", "row 1, column 0");
        DMatrixRMaj inf = new DMatrixRMaj(2, 2);
        inf.set(0, 1, Double.POSITIVE_INFINITY);
        refuses(() -> net.predict(inf), "X", "Infinity");
        refuses(() -> net.loss(new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 1)), "Y", "3x1", "2x1");
        refuses(() -> net.gradients(new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2)), "Y", "3x1", "3x2");
        refuses(() -> net.parameter("W9"), "name", "W9");
        refuses(() -> net.layer(0), "l", "1..3", "0");
        refuses(() -> net.accuracy(new DMatrixRMaj(1, 2), new DMatrixRMaj(new double[][] {{0.5}})),
                "Y", "0 or 1", "0.5");
    }

    @Test
    void refusesNetworksThatDoNotFit() {
        Dense a = new Dense(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 3), Activations.relu());
        Dense b = new Dense(new DMatrixRMaj(4, 1), new DMatrixRMaj(1, 1), Activations.identity());
        refuses(() -> new Network(List.of(a, b), Objective.of(b.activation(), Losses.l2())),
                "layer 2 expects 4 inputs", "layer 1 has 3 units");
        refuses(() -> new Dense(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 2), Activations.relu()),
                "b", "1x3", "1x2");
        refuses(() -> Network.builder(0), "inputs", "0");
        refuses(() -> Network.builder(2).dense(0, Activations.relu()), "units", "0");
        refuses(() -> Network.builder(2).dense(3, Activations.relu())
                .build(Fixtures.uniformInit(1), new Rng(1)), "loss", "none");
        refuses(() -> Network.builder(2).dense(1, Activations.softmax())
                .loss(Losses.categoricalCrossEntropy()).build(Fixtures.uniformInit(1), new Rng(1)),
                "softmax", "at least 2 units");
        refuses(() -> Network.builder(2).dense(3, Activations.softmax()).dense(2, Activations.softmax())
                .loss(Losses.categoricalCrossEntropy()).build(Fixtures.uniformInit(1), new Rng(1)),
                "softmax belongs to the output layer", "layer 1");
        refuses(() -> Network.builder(2).dense(2, Activations.relu()).loss(Losses.binaryCrossEntropy())
                .build(Fixtures.uniformInit(1), new Rng(1)), "sigmoid", "relu");
        refuses(() -> Network.builder(2).dense(2, Activations.relu()).loss(Losses.l2())
                .build(Fixtures.uniformInit(1), null), "rng", "null");
    }

    /** The error terms kept by the backward pass: δ[L] = (A − Y)/N for sigmoid + log-loss. */
    @Test
    void deltasAreKept() {
        Network net = Network.builder(3).dense(4, Activations.tanh()).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Fixtures.uniformInit(1), new Rng(5));
        Rng rng = new Rng(6);
        DMatrixRMaj X = Fixtures.uniform(5, 3, -1, 1, rng);
        DMatrixRMaj y = Fixtures.binary(5, rng);
        Gradients g = net.gradients(X, y);
        DMatrixRMaj A = net.predict(X);
        for (int i = 0; i < 5; i++) {
            assertEquals((A.data[i] - y.data[i]) / 5, g.delta(2).data[i], 1e-16);
        }
        assertEquals(net.loss(X, y), net.loss(net.forward(X), y), 0);
    }
}
