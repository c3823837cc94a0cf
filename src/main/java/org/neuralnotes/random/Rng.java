package org.neuralnotes.random;

/**
 * The library's one source of randomness: a SplitMix64 generator seeded explicitly.
 *
 * <p>SplitMix64 is a few lines of integer arithmetic, so any other language can
 * reproduce its stream bit for bit (the benchmark scripts do so in Python). Every
 * method that draws random numbers takes an {@code Rng} argument; nothing in the
 * library keeps a generator of its own.
 *
 * <p>Not thread-safe: give each thread its own generator with {@link #split()}.
 *
 * <p>Bit for bit, and on what: the same seed, data and settings give the same weights on the
 * same machine with the same product engine ({@code Products.engineName()}) and the same BLAS
 * thread count ({@code OPENBLAS_NUM_THREADS}; the project's kernels set it to 2). OpenBLAS splits
 * a product among its threads, and another count can add in another order: a 784-128-64-10 run
 * with 1 and with 2 threads agrees only to about 1e-9 relative ({@code BlasThreadsTest}). Another
 * engine ({@code plain}), another OpenBLAS build or another CPU may differ in the last bits too.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2.0 * Math.PI;

    private long state;
    private final long seed;

    /** A generator whose whole stream is fixed by {@code seed}. */
    public Rng(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** The seed this generator started from. */
    public long seed() {
        return seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        // SplitMix64 (Steele, Lea, Flood 2014)
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double uniform on [0, 1), from the top 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A double uniform on [a, b). */
    public double uniform(double a, double b) {
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("uniform(a, b): expected finite a < b, found a = "
                    + a + ", b = " + b);
        }
        return a + (b - a) * nextDouble();
    }

    /** An integer uniform on {0, …, bound − 1}. */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound: expected an integer >= 1, found " + bound);
        }
        // unsigned 63-bit value modulo bound; the bias is below 2^-31 for any int bound
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** A standard normal draw by the Box–Muller transform (one draw per two uniforms). */
    public double nextGaussian() {
        // u1 in (0, 1] so that ln(u1) is finite
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        // z = sqrt(-2 ln u1) cos(2π u2)
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }

    /** A normal draw with the given mean and standard deviation. */
    public double normal(double mean, double sd) {
        if (!(sd >= 0) || !Double.isFinite(sd) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal(mean, sd): expected finite mean and sd >= 0,"
                    + " found mean = " + mean + ", sd = " + sd);
        }
        return mean + sd * nextGaussian();
    }

    /** An exponential draw with the given rate: −ln(1 − u) / rate. */
    public double exponential(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate: expected a finite number > 0, found " + rate);
        }
        return -StrictMath.log(1.0 - nextDouble()) / rate;
    }

    /** A new generator seeded from this one's stream; the two streams are independent in practice. */
    public Rng split() {
        return new Rng(nextLong());
    }

    /** A uniformly random permutation of {0, …, n − 1} (Fisher–Yates). */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: expected an integer >= 0, found " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Rng(SplitMix64, seed=" + seed + ")";
    }
}
