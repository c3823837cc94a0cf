package org.neuralnotes.init;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.random.Rng;

/**
 * The initializers of the notes: zeros and constants (note 002's symmetry example), uniform
 * draws (note 000's U(−1, 1), note 003's U(0, 1) − ½ = {@code uniform(-0.5, 0.5)}), normal
 * draws, and the fan-scaled rules of note 002: Xavier/Glorot (Glorot &amp; Bengio 2010) and
 * He (He et al. 2015).
 *
 * <p>Every random initializer draws exactly one number per entry, in row-major order, from the
 * generator passed to {@link Initializer#fill}; nothing else is drawn.
 */
public final class Initializers {
    private Initializers() {}

    /** Every entry 0. Draws nothing. (All-zero weights stay equal under training: note 002.) */
    public static Initializer zeros() {
        return new Constant("zeros()", 0.0);
    }

    /** Every entry {@code c}. Draws nothing. */
    public static Initializer constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("c: expected a finite number, found " + c);
        }
        return new Constant("constant(c=" + c + ")", c);
    }

    /**
     * M_ij ~ U(a, b), drawn as a + (b − a)·u with u uniform on [0, 1).
     * {@code uniform(-1, 1)} is note 000's rule; {@code uniform(-0.5, 0.5)} is note 003's
     * U(0, 1) − ½, value for value.
     */
    public static Initializer uniform(double a, double b) {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("a: expected a finite number, found " + a);
        }
        if (!Double.isFinite(b) || !(b > a)) {
            throw new IllegalArgumentException("b: expected a finite number > a = " + a
                    + ", found " + b);
        }
        return new Uniform("uniform(a=" + a + ", b=" + b + ")", (fanIn, fanOut) -> a,
                (fanIn, fanOut) -> b);
    }

    /** M_ij ~ N(mean, sd²). */
    public static Initializer normal(double mean, double sd) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean: expected a finite number, found " + mean);
        }
        Checks.positive("sd", sd);
        return new Normal("normal(mean=" + mean + ", sd=" + sd + ")", mean, (fanIn, fanOut) -> sd);
    }

    /** Xavier/Glorot uniform: M_ij ~ U(−L, L) with L = √(6 / (fanIn + fanOut)). */
    public static Initializer xavierUniform() {
        return new Uniform("xavierUniform()",
                (fanIn, fanOut) -> -Math.sqrt(6.0 / ((double) fanIn + fanOut)),
                (fanIn, fanOut) -> Math.sqrt(6.0 / ((double) fanIn + fanOut)));
    }

    /** Xavier/Glorot normal: M_ij ~ N(0, σ²) with σ = √(2 / (fanIn + fanOut)). */
    public static Initializer xavierNormal() {
        return new Normal("xavierNormal()", 0.0,
                (fanIn, fanOut) -> Math.sqrt(2.0 / ((double) fanIn + fanOut)));
    }

    /** He normal (for ReLU layers): M_ij ~ N(0, σ²) with σ = √(2 / fanIn). */
    public static Initializer heNormal() {
        return new Normal("heNormal()", 0.0, (fanIn, fanOut) -> Math.sqrt(2.0 / fanIn));
    }

    /** He uniform (for ReLU layers): M_ij ~ U(−L, L) with L = √(6 / fanIn), variance 2 / fanIn. */
    public static Initializer heUniform() {
        return new Uniform("heUniform()",
                (fanIn, fanOut) -> -Math.sqrt(6.0 / fanIn),
                (fanIn, fanOut) -> Math.sqrt(6.0 / fanIn));
    }

    /** A number computed from the two fans (a bound or a standard deviation). */
    @FunctionalInterface
    private interface FanRule {
        double of(int fanIn, int fanOut);
    }

    /** Checks shared by every initializer, then the rule itself on the row-major data. */
    private abstract static class Base implements Initializer {
        private final String description;
        private final boolean draws;

        Base(String description, boolean draws) {
            this.description = description;
            this.draws = draws;
        }

        @Override
        public final void fill(DMatrixRMaj M, int fanIn, int fanOut, Rng rng) {
            Checks.nonEmpty("M", M);
            Checks.positive("fanIn", fanIn);
            Checks.positive("fanOut", fanOut);
            if (draws && rng == null) {
                throw new IllegalArgumentException("rng: expected a generator for " + description
                        + ", found null");
            }
            fillData(M.data, M.getNumElements(), fanIn, fanOut, rng);
        }

        abstract void fillData(double[] m, int n, int fanIn, int fanOut, Rng rng);

        @Override
        public final String toString() {
            return description;
        }
    }

    private static final class Constant extends Base {
        private final double c;

        Constant(String description, double c) {
            super(description, false);
            this.c = c;
        }

        @Override
        void fillData(double[] m, int n, int fanIn, int fanOut, Rng rng) {
            for (int i = 0; i < n; i++) {
                m[i] = c;
            }
        }
    }

    private static final class Uniform extends Base {
        private final FanRule lower;
        private final FanRule upper;

        Uniform(String description, FanRule lower, FanRule upper) {
            super(description, true);
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        void fillData(double[] m, int n, int fanIn, int fanOut, Rng rng) {
            double a = lower.of(fanIn, fanOut);
            double b = upper.of(fanIn, fanOut);
            for (int i = 0; i < n; i++) {
                // M_ij = a + (b − a)·u,  u ~ U(0, 1)
                m[i] = rng.uniform(a, b);
            }
        }
    }

    private static final class Normal extends Base {
        private final double mean;
        private final FanRule sd;

        Normal(String description, double mean, FanRule sd) {
            super(description, true);
            this.mean = mean;
            this.sd = sd;
        }

        @Override
        void fillData(double[] m, int n, int fanIn, int fanOut, Rng rng) {
            double sigma = sd.of(fanIn, fanOut);
            for (int i = 0; i < n; i++) {
                // M_ij = mean + σ·z,  z ~ N(0, 1)
                m[i] = rng.normal(mean, sigma);
            }
        }
    }
}
