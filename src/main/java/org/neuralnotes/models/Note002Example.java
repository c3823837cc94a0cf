package org.neuralnotes.models;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.data.RegressionData;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

/**
 * Note 002's 2-3-4-1 network (ReLU hidden layers, a linear output, J = ½(h − o)²) and data for it,
 * since the note leaves the data open: x1, x2 ~ U(−1, 1) and o = |x1| − x2 + ε, ε ~ N(0, 0.1²).
 * Two ReLU units write |x1| = ReLU(x1) + ReLU(−x1), so the network can fit o up to the noise.
 *
 * <pre>{@code
 * RegressionData data = Note002Example.data(new Rng(SEED + 1));
 * Network net = Note002Example.network(new Rng(SEED + 2));
 * }</pre>
 */
public final class Note002Example {
    private Note002Example() {}

    /** The number of examples {@link #data(Rng)} draws. */
    public static final int N = 256;

    /** {@link #data(int, Rng)} with N = 256 examples. */
    public static RegressionData data(Rng rng) {
        return data(N, rng);
    }

    /**
     * n examples, drawn example by example in the order x1, x2, ε:
     * {@code rng.uniform(-1, 1)}, {@code rng.uniform(-1, 1)}, {@code rng.normal(0, 0.1)}.
     * X is n×2 (x1, x2), Y is n×1 (o).
     */
    public static RegressionData data(int n, Rng rng) {
        Checks.positive("n", n);
        if (rng == null) {
            throw new IllegalArgumentException("rng: expected a generator, found null");
        }
        DMatrixRMaj X = new DMatrixRMaj(n, 2);
        DMatrixRMaj Y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double x1 = rng.uniform(-1, 1);
            double x2 = rng.uniform(-1, 1);
            X.set(i, 0, x1);
            X.set(i, 1, x2);
            // o = |x1| − x2 + ε
            Y.set(i, 0, Math.abs(x1) - x2 + rng.normal(0, 0.1));
        }
        return new RegressionData("note002", X, Y, List.of("x1", "x2"), List.of("o"),
                "Note 002's example, n = " + n + ": x1, x2 ~ U(-1, 1), o = |x1| - x2 + N(0, 0.1^2)");
    }

    /** The layers 2 → 3 ReLU → 4 ReLU → 1 linear, scored by ½(h − o)² averaged over a batch. */
    public static Network.Builder layers() {
        return Network.builder(2)
                .dense(3, Activations.relu())
                .dense(4, Activations.relu())
                .dense(1, Activations.identity())
                .loss(Losses.halfMeanSquaredError());
    }

    /** The 30-parameter network: weights by He's rule, biases from N(0, 0.1²), drawn from {@code rng}. */
    public static Network network(Rng rng) {
        return layers().build(Initializers.heNormal(), Initializers.normal(0, 0.1), rng);
    }
}
