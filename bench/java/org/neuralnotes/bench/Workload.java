package org.neuralnotes.bench;

/** One benchmark workload: data made once, then timed runs that each start from the same state. */
interface Workload {
    /** Makes the data and initial parameters; returns their hash (see {@link Data#hash}). */
    long setup();

    /** Number of iterations (or epochs, or products) one timed run performs. */
    int iterations();

    /** Floating-point operations of the matrix products in one iteration. */
    double flopsPerIteration();

    /** Resets the parameters to their initial values (not timed). */
    void reset();

    /** The timed part: {@link #iterations()} iterations. */
    void run();

    /** The final value to compare across implementations: the loss (or a checksum), not timed. */
    double result();
}
