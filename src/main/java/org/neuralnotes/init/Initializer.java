package org.neuralnotes.init;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.random.Rng;

/** Fills a parameter matrix with starting values drawn from an explicit generator. */
public interface Initializer {

    /**
     * Overwrites every entry of M, in row-major order.
     *
     * @param M      the matrix to fill
     * @param fanIn  the number of inputs of the layer that owns M
     * @param fanOut the number of units of that layer
     * @param rng    the generator every draw comes from
     */
    void fill(DMatrixRMaj M, int fanIn, int fanOut, Rng rng);
}
