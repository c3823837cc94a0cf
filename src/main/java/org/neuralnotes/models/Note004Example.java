package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

/**
 * A setting for note 004's general-depth backpropagation with the ℓ2 loss: two targets in (0, 1)
 * computed from note 002's inputs (x1, x2), and networks of any depth with tanh hidden layers and a
 * sigmoid output (so that every φ′ of the note's nested product differs from 1).
 */
public final class Note004Example {
    private Note004Example() {}

    /** Hidden widths, layer by layer: a network of depth d uses the first d − 1. */
    private static final int[] HIDDEN = {3, 4, 3};

    /** The deepest network {@link #network(int, Rng)} builds. */
    public static final int MAX_DEPTH = HIDDEN.length + 1;

    /** Two targets per example, y1 = (|x1| − x2 + 2)/4 and y2 = (x1·x2 + 1)/2, both in (0, 1) for x in (−1, 1)². */
    public static DMatrixRMaj targets(DMatrixRMaj X) {
        Checks.cols("X", X, 2);
        Checks.finite("X", X);
        DMatrixRMaj Y = new DMatrixRMaj(X.numRows, 2);
        for (int i = 0; i < X.numRows; i++) {
            double x1 = X.get(i, 0);
            double x2 = X.get(i, 1);
            Y.set(i, 0, (Math.abs(x1) - x2 + 2) / 4);
            Y.set(i, 1, (x1 * x2 + 1) / 2);
        }
        return Y;
    }

    /**
     * A network of {@code depth} layers (1 to {@value #MAX_DEPTH}): 2 inputs, tanh hidden layers of 3, 4
     * and 3 units (as many as depth − 1 asks for), 2 sigmoid outputs, the ℓ2 loss; Xavier weights,
     * biases from N(0, 0.1²), drawn from {@code rng}. Depth 3 is 2-3-4-2.
     */
    public static Network network(int depth, Rng rng) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth: expected 1.." + MAX_DEPTH + " layers, found " + depth);
        }
        Network.Builder b = Network.builder(2);
        for (int l = 0; l < depth - 1; l++) {
            b.dense(HIDDEN[l], Activations.tanh());
        }
        return b.dense(2, Activations.sigmoid()).loss(Losses.l2())
                .build(Initializers.xavierNormal(), Initializers.normal(0, 0.1), rng);
    }
}
