package org.neuralnotes.playground;

import java.util.List;

import org.neuralnotes.data.TwoD;

/**
 * Everything that decides a playground run: the data, the network, the training, and the one seed
 * from which the data, the split, the initial weights and the batches are all drawn. The same
 * setting trained for the same number of steps gives the same network, bit for bit.
 *
 * <p>Immutable: each {@code withX} returns a changed copy, checked at once.
 *
 * @param dataset      one of {@link TwoD#NAMES}
 * @param noise        in [0, 0.5]: the noise of {@link TwoD}
 * @param testFraction share of the points kept for testing, in [0.1, 0.9]
 * @param hidden       units of each hidden layer: 1 to 3 layers of 1 to 8 units
 * @param activation   of the hidden layers, one of {@link #ACTIVATIONS}
 * @param init         initial weights, one of {@link #INITS}
 * @param learningRate α, in [1e-4, 10]
 * @param batchSize    examples per step, 1 to 200 (the whole training set when larger)
 * @param optimizer    one of {@link #OPTIMIZERS}
 * @param seed         the one seed of the run
 */
public record Setting(String dataset, double noise, double testFraction, List<Integer> hidden, String activation,
        String init, double learningRate, int batchSize, String optimizer, long seed) {
    /** Points drawn for every data set (training and test together). */
    public static final int POINTS = 200;
    /** The hidden activations: every element-wise activation of the library. */
    public static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "leaky_relu", "identity");
    /** Initial weights: Xavier (Glorot) uniform, He normal, or all zeros (note 002's symmetry). */
    public static final List<String> INITS = List.of("xavier", "he", "zeros");
    /** The update rules of org.neuralnotes.optim. */
    public static final List<String> OPTIMIZERS = List.of("GD", "Momentum", "RMSProp", "Adam");

    /** Checks every part. */
    public Setting {
        oneOf("dataset", dataset, TwoD.NAMES);
        within("noise", noise, 0, 0.5);
        within("testFraction", testFraction, 0.1, 0.9);
        if (hidden == null || hidden.isEmpty() || hidden.size() > 3) {
            throw new IllegalArgumentException("hidden: expected 1 to 3 layers, found "
                    + (hidden == null ? "null" : hidden.size() + " " + hidden));
        }
        for (Integer units : hidden) {
            if (units == null || units < 1 || units > 8) {
                throw new IllegalArgumentException("hidden: expected 1 to 8 units in each layer, found " + hidden);
            }
        }
        hidden = List.copyOf(hidden);
        oneOf("activation", activation, ACTIVATIONS);
        oneOf("init", init, INITS);
        within("learningRate", learningRate, 1e-4, 10);
        if (batchSize < 1 || batchSize > POINTS) {
            throw new IllegalArgumentException("batchSize: expected 1 to " + POINTS + ", found " + batchSize);
        }
        oneOf("optimizer", optimizer, OPTIMIZERS);
    }

    /** Circles, noise 0.1, 30 % for testing, two hidden layers of 4 tanh units, Xavier, Adam at 0.03, batches of 10, seed 1. */
    public static Setting defaults() {
        return new Setting("circles", 0.1, 0.3, List.of(4, 4), "tanh", "xavier", 0.03, 10, "Adam", 1);
    }

    public Setting withDataset(String v) {
        return new Setting(v, noise, testFraction, hidden, activation, init, learningRate, batchSize, optimizer, seed);
    }

    public Setting withNoise(double v) {
        return new Setting(dataset, v, testFraction, hidden, activation, init, learningRate, batchSize, optimizer, seed);
    }

    public Setting withTestFraction(double v) {
        return new Setting(dataset, noise, v, hidden, activation, init, learningRate, batchSize, optimizer, seed);
    }

    /** Hidden layers, e.g. {@code withHidden(8, 8, 8)}. */
    public Setting withHidden(Integer... units) {
        return new Setting(dataset, noise, testFraction, List.of(units), activation, init, learningRate, batchSize,
                optimizer, seed);
    }

    public Setting withActivation(String v) {
        return new Setting(dataset, noise, testFraction, hidden, v, init, learningRate, batchSize, optimizer, seed);
    }

    public Setting withInit(String v) {
        return new Setting(dataset, noise, testFraction, hidden, activation, v, learningRate, batchSize, optimizer, seed);
    }

    public Setting withLearningRate(double v) {
        return new Setting(dataset, noise, testFraction, hidden, activation, init, v, batchSize, optimizer, seed);
    }

    public Setting withBatchSize(int v) {
        return new Setting(dataset, noise, testFraction, hidden, activation, init, learningRate, v, optimizer, seed);
    }

    public Setting withOptimizer(String v) {
        return new Setting(dataset, noise, testFraction, hidden, activation, init, learningRate, batchSize, v, seed);
    }

    public Setting withSeed(long v) {
        return new Setting(dataset, noise, testFraction, hidden, activation, init, learningRate, batchSize, optimizer, v);
    }

    /** True when going from this setting to {@code next} needs new data or a new network (not only a new rule). */
    boolean needsReset(Setting next) {
        return !dataset.equals(next.dataset) || noise != next.noise || testFraction != next.testFraction
                || !hidden.equals(next.hidden) || !activation.equals(next.activation) || !init.equals(next.init)
                || seed != next.seed;
    }

    private static void oneOf(String name, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(name + ": expected one of " + allowed + ", found "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }

    private static void within(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + ": expected a number in [" + lo + ", " + hi + "], found " + value);
        }
    }
}
