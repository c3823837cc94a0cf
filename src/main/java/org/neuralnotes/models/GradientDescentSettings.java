package org.neuralnotes.models;

import org.neuralnotes.models.LogisticRegression.GradientScale;

/**
 * The settings of note 001's gradient descent: learning rate α, number of iterations,
 * the cost recorded every k iterations, and what the gradient is divided by.
 *
 * <p>Immutable; the {@code with…} methods return changed copies. The note's defaults are
 * {@link #defaults()}: α = 0.001, 2000 iterations, k = 100, the gradient divided by the
 * number of examples.
 */
public final class GradientDescentSettings {
    /** The note's learning rate α = 0.001. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The note's 2000 iterations. */
    public static final int DEFAULT_ITERATIONS = 2000;
    /** The note records the cost every 100 iterations. */
    public static final int DEFAULT_RECORD_EVERY = 100;

    private final double learningRate;
    private final int iterations;
    private final int recordEvery;
    private final GradientScale gradientScale;

    private GradientDescentSettings(double learningRate, int iterations, int recordEvery, GradientScale scale) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: expected a finite number > 0, found " + learningRate);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: expected an integer >= 1, found " + iterations);
        }
        if (recordEvery < 1) {
            throw new IllegalArgumentException("recordEvery: expected an integer >= 1, found " + recordEvery);
        }
        if (scale == null) {
            throw new IllegalArgumentException("gradientScale: expected a GradientScale, found null");
        }
        this.learningRate = learningRate;
        this.iterations = iterations;
        this.recordEvery = recordEvery;
        this.gradientScale = scale;
    }

    /** The note's defaults: α = 0.001, 2000 iterations, cost every 100, gradient divided by n. */
    public static GradientDescentSettings defaults() {
        return new GradientDescentSettings(DEFAULT_LEARNING_RATE, DEFAULT_ITERATIONS, DEFAULT_RECORD_EVERY,
                GradientScale.EXAMPLES);
    }

    /** This learning rate and number of iterations, the other settings at their defaults. */
    public static GradientDescentSettings of(double learningRate, int iterations) {
        return new GradientDescentSettings(learningRate, iterations, DEFAULT_RECORD_EVERY, GradientScale.EXAMPLES);
    }

    /** A copy with this learning rate α (> 0). */
    public GradientDescentSettings withLearningRate(double learningRate) {
        return new GradientDescentSettings(learningRate, iterations, recordEvery, gradientScale);
    }

    /** A copy with this number of iterations (≥ 1). */
    public GradientDescentSettings withIterations(int iterations) {
        return new GradientDescentSettings(learningRate, iterations, recordEvery, gradientScale);
    }

    /** A copy that records the cost every k iterations (k ≥ 1), at iterations 0, k, 2k, … */
    public GradientDescentSettings withRecordEvery(int k) {
        return new GradientDescentSettings(learningRate, iterations, k, gradientScale);
    }

    /** A copy with this gradient scale; {@link GradientScale#FEATURES_SLIP} reproduces the note's slip. */
    public GradientDescentSettings withGradientScale(GradientScale scale) {
        return new GradientDescentSettings(learningRate, iterations, recordEvery, scale);
    }

    /** α */
    public double learningRate() {
        return learningRate;
    }

    public int iterations() {
        return iterations;
    }

    /** k: the cost is recorded at iterations 0, k, 2k, … */
    public int recordEvery() {
        return recordEvery;
    }

    public GradientScale gradientScale() {
        return gradientScale;
    }

    @Override
    public String toString() {
        return "gradient descent(learningRate=" + learningRate + ", iterations=" + iterations
                + ", recordEvery=" + recordEvery + ", gradient divided by "
                + (gradientScale == GradientScale.EXAMPLES ? "n examples" : "m features (the note's slip)")
                + ")";
    }
}
