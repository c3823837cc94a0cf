package org.neuralnotes.activation;

/** The unit step [z > 0] without a branch, so that loops over it run in vector registers. */
final class Step {
    /** 2^537: z·2^537·2^537 = z·2^1074 is at least 1 for every positive double, even the least. */
    private static final double HALF_SCALE = 0x1p537;

    private Step() {}

    /** [z > 0] as 1.0 or 0.0 (NaN for NaN): z scaled past 1 when positive, then clamped to [0, 1]. */
    static double positive(double z) {
        return Math.min(Math.max(z * HALF_SCALE * HALF_SCALE, 0.0), 1.0);
    }
}
