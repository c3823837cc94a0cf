package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

/** Small seeded data sets and networks for the training tests. */
final class TrainData {
    private TrainData() {}

    /** X (n × p) uniform on [−1, 1). */
    static DMatrixRMaj inputs(int n, int p, Rng rng) {
        DMatrixRMaj X = new DMatrixRMaj(n, p);
        for (int i = 0; i < X.data.length; i++) {
            X.data[i] = rng.uniform(-1, 1);
        }
        return X;
    }

    /** y = X·β + c + noise·ε with β = (1, −2, 0.5, …) cycling, c = 0.3. */
    static DMatrixRMaj linearTargets(DMatrixRMaj X, double noise, Rng rng) {
        double[] beta = {1.0, -2.0, 0.5};
        DMatrixRMaj Y = new DMatrixRMaj(X.numRows, 1);
        for (int i = 0; i < X.numRows; i++) {
            double y = 0.3;
            for (int j = 0; j < X.numCols; j++) {
                y += beta[j % beta.length] * X.get(i, j);
            }
            Y.data[i] = y + noise * rng.nextGaussian();
        }
        return Y;
    }

    /** One identity unit scored by the mean squared error: linear regression. */
    static Network linearRegression(int p, long seed) {
        return Network.builder(p)
                .dense(1, Activations.identity())
                .loss(Losses.meanSquaredError())
                .build(Initializers.uniform(-1, 1), Initializers.uniform(-1, 1), new Rng(seed));
    }

    /** Labels 1 when x1 + 0.5·x2 + 0.1·noise > 0, else 0. */
    static DMatrixRMaj labels(DMatrixRMaj X, Rng rng) {
        DMatrixRMaj Y = new DMatrixRMaj(X.numRows, 1);
        for (int i = 0; i < X.numRows; i++) {
            double s = X.get(i, 0) + 0.5 * X.get(i, 1) + 0.1 * rng.nextGaussian();
            Y.data[i] = s > 0 ? 1 : 0;
        }
        return Y;
    }

    /** A 2-4-1 network, tanh then sigmoid, scored by binary cross-entropy. */
    static Network classifier(long seed) {
        return Network.builder(2)
                .dense(4, Activations.tanh())
                .dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy())
                .build(Initializers.uniform(-0.5, 0.5), Initializers.uniform(-0.5, 0.5), new Rng(seed));
    }

    static IllegalArgumentException refused(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part),
                    "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
        return e;
    }
}
