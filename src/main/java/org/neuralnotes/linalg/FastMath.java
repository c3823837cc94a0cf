package org.neuralnotes.linalg;

/**
 * The library's one fast e^x and ln(1 + e): the loops of the sigmoid, of its cross-entropy and
 * of logistic regression take one exponential (and one logarithm) per example, where
 * {@code Math.exp} and {@code Math.log1p} are a call per entry. Their accuracy is tested
 * against StrictMath (FastMathTest).
 *
 * <p>e^x in three steps that loops over arrays can take one at a time, two of them in vector
 * registers (Java 17 compiles {@code Math.exp} to a call per entry):
 * <ol>
 *   <li>{@link #exponent}: k = round(x / ln 2), so that e^x = 2^k · e^r with |r| ≤ ½ ln 2;</li>
 *   <li>{@link #twoTo}: 2^k, written directly as the bits of a double;</li>
 *   <li>{@link #remainder}: e^r, r = x − k·ln 2 with ln 2 in two parts (Cody and Waite), by the
 *       Taylor series to r^13 (the next term is below 2^−57 of the sum).</li>
 * </ol>
 * Within 1 ulp of {@code StrictMath.exp} on [{@link #LOW}, {@link #HIGH}] (checked by the
 * tests); outside it the result would be subnormal or overflow, and callers use Math.exp there.
 */
public final class FastMath {
    /** Below this, e^x is subnormal or 0. */
    static final double LOW = -708.0;
    /** Above this, e^x is near overflow. */
    static final double HIGH = 709.0;

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with trailing zero bits so that k·LN2_HI is exact. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    // 1/n!, each rounded once
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    private FastMath() {}

    /** e^x; Math.exp outside [LOW, HIGH] and for NaN. */
    public static double exp(double x) {
        if (!(x >= LOW && x <= HIGH)) {
            return Math.exp(x);
        }
        double k = exponent(x);
        // e^x = 2^k · e^r
        return twoTo(k) * remainder(x, k);
    }

    /** e^(−|z|), the one exponential the sigmoid needs: in (0, 1], never overflowing. */
    public static double ofMinusAbs(double z) {
        return exp(-Math.abs(z));
    }

    /**
     * e[i] = e^(−|z[i]|) for i < n, equal to {@link #ofMinusAbs(double)} entry by entry: the
     * three steps of {@link #exp} each over the whole array (the first and the last in vector
     * registers), e holding k, then 2^k, then e^x; Math.exp below {@link #LOW}.
     */
    public static void ofMinusAbs(double[] z, double[] e, int n) {
        for (int i = 0; i < n; i++) {
            e[i] = exponent(Math.max(-Math.abs(z[i]), LOW));
        }
        boolean low = false;
        for (int i = 0; i < n; i++) {
            e[i] = twoTo(e[i]);
            low |= -Math.abs(z[i]) < LOW;
        }
        for (int i = 0; i < n; i++) {
            double x = Math.max(-Math.abs(z[i]), LOW);
            // e^x = 2^k · e^r
            e[i] *= remainder(x, exponent(x));
        }
        if (low) {
            for (int i = 0; i < n; i++) {
                if (-Math.abs(z[i]) < LOW) {
                    e[i] = Math.exp(-Math.abs(z[i]));
                }
            }
        }
    }

    /** k = round(x·log₂e), an integer in [−1021, 1023] for x in [LOW, HIGH]. */
    private static double exponent(double x) {
        return Math.rint(x * LOG2_E);
    }

    /** 2^k for an integer k in [−1022, 1023]: the biased exponent k + 1023 in bits 52…62. */
    private static double twoTo(double k) {
        return Double.longBitsToDouble((long) (k + 1023) << 52);
    }

    /** e^r for r = x − k·ln 2. */
    private static double remainder(double x, double k) {
        double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, x));
        // e^r = Σ_n r^n / n!, n = 0 … 13, by Horner's rule
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        return Math.fma(p, r, 1.0);
    }

    /**
     * ln(1 + e) for e in [0, 1] (the softplus of the log-loss, e = e^(−|z|)): 2·atanh(s) =
     * 2s·(1 + s²/3 + s⁴/5 + …), s = e/(2 + e) ≤ 1/3, to the term s³⁴/35 (the next is below
     * 2⁻⁶⁰ of the sum): multiplications and one division, which the JIT compiles to vector
     * instructions in a loop. Within 2 ulps of Math.log1p (tested).
     */
    public static double log1pOfUnit(double e) {
        double s = e / (2.0 + e);
        double t = s * s;
        // (1/3 + t/5 + t²/7 + … + t¹⁶/35) by Horner's rule
        double p = Math.fma(1.0 / 35, t, 1.0 / 33);
        p = Math.fma(p, t, 1.0 / 31);
        p = Math.fma(p, t, 1.0 / 29);
        p = Math.fma(p, t, 1.0 / 27);
        p = Math.fma(p, t, 1.0 / 25);
        p = Math.fma(p, t, 1.0 / 23);
        p = Math.fma(p, t, 1.0 / 21);
        p = Math.fma(p, t, 1.0 / 19);
        p = Math.fma(p, t, 1.0 / 17);
        p = Math.fma(p, t, 1.0 / 15);
        p = Math.fma(p, t, 1.0 / 13);
        p = Math.fma(p, t, 1.0 / 11);
        p = Math.fma(p, t, 1.0 / 9);
        p = Math.fma(p, t, 1.0 / 7);
        p = Math.fma(p, t, 1.0 / 5);
        p = Math.fma(p, t, 1.0 / 3);
        double twoS = 2.0 * s;
        // 2s + 2s·t·p
        return Math.fma(twoS * t, p, twoS);
    }

    /** Σ v[i], i &lt; n, in four running sums: independent additions the CPU can overlap. */
    public static double sum(double[] v, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < n; i++) {
            s0 += v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
