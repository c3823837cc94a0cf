package org.neuralnotes.init;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.random.Rng;

/**
 * Fills a parameter matrix with its starting values.
 *
 * <p>A weight matrix W of a dense layer is (inputs × units), so {@code fanIn} is the number of
 * inputs and {@code fanOut} the number of units; a bias row b (1 × units) is usually filled with
 * the same fans as its W. Random initializers draw one number per entry in row-major order
 * (M(0,0), M(0,1), …, M(1,0), …), all from the {@link Rng} passed in, so the same seed gives
 * the same matrix. Initializers that draw nothing ({@link Initializers#zeros()},
 * {@link Initializers#constant(double)}) accept a {@code null} generator.
 *
 * <p>Factory methods are in {@link Initializers}.
 */
public interface Initializer {

    /**
     * Overwrites every entry of {@code M}.
     *
     * @param M      the matrix to fill, non-empty; its shape is kept
     * @param fanIn  number of inputs feeding each unit, at least 1
     * @param fanOut number of units the layer has, at least 1
     * @param rng    the source of every random draw
     * @throws IllegalArgumentException if {@code M} is null or empty, a fan is below 1,
     *                                  or a random initializer gets no generator
     */
    void fill(DMatrixRMaj M, int fanIn, int fanOut, Rng rng);

    /** The rule and its hyperparameters, e.g. {@code uniform(a=-1.0, b=1.0)}. */
    @Override
    String toString();
}
