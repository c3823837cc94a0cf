package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.ElementwiseActivation;
import org.neuralnotes.data.Note000Simulation;
import org.neuralnotes.data.RegressionData;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.random.Rng;

/**
 * Note 000's worked example in one call: its simulated data ({@link Note000Simulation}, n = 1000,
 * p = 3) and its starting network of K = 2 hidden units, W ((p+1)×K) and B ((K+1)×1) drawn from
 * U(−1, 1). The data come from {@code new Rng(seed)} and the start from {@code new Rng(seed + 1)},
 * so one seed fixes both and the start does not depend on the activation or the loss.
 *
 * <pre>{@code
 * Note000Example ex = Note000Example.of(SEED);                 // sigmoid, ½ mean squared error
 * DMatrixRMaj X = ex.X(), Y = ex.Y();
 * SingleLayerNetwork model = ex.model();
 * }</pre>
 *
 * @param data  the simulated observations
 * @param model the starting network, in the note's (W, B) view
 */
public record Note000Example(RegressionData data, SingleLayerNetwork model) {
    /** The number of hidden units in the note's example. */
    public static final int K = 2;

    /**
     * The note's example with sigmoid hidden units and the loss its R code descends on: the mean
     * over the observations of ½(ŷ − y)² ({@code Losses.halfMeanSquaredError()}).
     */
    public static Note000Example of(long seed) {
        return of(seed, Activations.sigmoid(), Losses.halfMeanSquaredError());
    }

    /** The note's data and start with hidden activation {@code g} and loss {@code loss}. */
    public static Note000Example of(long seed, ElementwiseActivation g, Loss loss) {
        RegressionData data = Note000Simulation.generate(new Rng(seed));
        return new Note000Example(data, start(data, seed + 1, g, loss));
    }

    /** Another start on the same data: W and B drawn from U(−1, 1) with {@code new Rng(startSeed)}. */
    public SingleLayerNetwork startFrom(long startSeed) {
        return start(data, startSeed, model.g(), model.network().objective().loss());
    }

    /** The inputs, n×3 (X1, X2, X3). */
    public DMatrixRMaj X() {
        return data.X();
    }

    /** The response, n×1. */
    public DMatrixRMaj Y() {
        return data.Y();
    }

    private static SingleLayerNetwork start(RegressionData data, long seed, ElementwiseActivation g, Loss loss) {
        return SingleLayerNetwork.create(data.X().numCols, K, g, 1, Activations.identity(), loss,
                Initializers.uniform(-1, 1), new Rng(seed));
    }
}
