package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Products;

/**
 * The pass over the examples that one iteration of note 001's gradient descent makes: from
 * z = X·w + b, with one exponential per example, both the residual a − y of the gradient and
 * the cost J, then ∂J/∂w = Xᵀ(a − y)/n and ∂J/∂b = Σ(a − y)/n.
 *
 * <p>With e = e^(−|z|), which never overflows, for z ≥ 0: a = 1/(1 + e) and
 * L = ln(1 + e) + (1 − y)·z; for z &lt; 0: a = e/(1 + e) and L = ln(1 + e) − y·z; both are
 * L = ln(1 + e) + max(z, 0) − y·z, the same number as −[y ln a + (1 − y) ln(1 − a)] without
 * ln 0 when a rounds to 0 or 1. e^x is taken as 2^k·e^r (k = round(x/ln 2), e^r by its Taylor
 * series), ln(1 + e) as 2·atanh(s), s = e/(2 + e) ≤ 1/3, by its series: loops of additions,
 * multiplications and one division that the JIT compiles to vector instructions, where
 * {@code Math.exp} and {@code Math.log1p} are a call per example.
 *
 * <p>An instance owns its buffers (z, e, a − y, for n examples) and is reused from one
 * iteration to the next: an iteration allocates nothing. Not thread-safe.
 */
final class LogisticPass {
    /** Below this, e^x would be subnormal: Math.exp is used there. */
    private static final double LOW = -708.0;
    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with trailing zero bits so that k·LN2_HI is exact. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private final int n;
    private final DMatrixRMaj z;
    private final double[] e;
    private final DMatrixRMaj residual;
    private double db;

    /** Buffers for n examples. */
    LogisticPass(int n) {
        this.n = n;
        this.z = new DMatrixRMaj(n, 1);
        this.e = new double[n];
        this.residual = new DMatrixRMaj(n, 1);
    }

    /**
     * J at (w, b), and the gradient: dw (p × 1, overwritten) = Xᵀ(a − y)/divisor; ∂J/∂b is
     * then {@link #db()}.
     */
    double costAndGradient(DMatrixRMaj X, DMatrixRMaj w, double b, DMatrixRMaj y, double divisor,
                           DMatrixRMaj dw) {
        return costAndGradient(X, null, w, b, y, divisor, dw);
    }

    /**
     * The same, given also Xᵀ (p × n, or null): Xᵀ·(a − y) is then a product of Xᵀ's long rows
     * with a − y (dot products, which BLAS streams at the speed of X·w) instead of the sum of
     * X's n short rows weighted by a − y (twice as slow for n = 10 000, p = 100). Worth its copy
     * of X when many iterations reuse it.
     */
    double costAndGradient(DMatrixRMaj X, DMatrixRMaj Xt, DMatrixRMaj w, double b, DMatrixRMaj y,
                           double divisor, DMatrixRMaj dw) {
        double J = pass(X, w, b, y, true);
        // ∂J/∂b = (1/n) Σ_i (a_i − y_i)
        db /= divisor;
        // ∂J/∂w = (1/n) Xᵀ(a − y)
        if (Xt == null) {
            Products.multTransA(X, residual, dw);
        } else {
            Products.mult(Xt, residual, dw);
        }
        for (int j = 0; j < dw.numRows; j++) {
            dw.data[j] /= divisor;
        }
        return J;
    }

    /** ∂J/∂b of the latest {@link #costAndGradient}. */
    double db() {
        return db;
    }

    /** J(w, b), the mean log-loss, alone. */
    double cost(DMatrixRMaj X, DMatrixRMaj w, double b, DMatrixRMaj y) {
        return pass(X, w, b, y, false);
    }

    /**
     * z = X·w + b, e = e^(−|z|), then J and, when {@code gradient}, a − y into the residual and
     * its sum into db.
     */
    private double pass(DMatrixRMaj X, DMatrixRMaj w, double b, DMatrixRMaj y, boolean gradient) {
        // z = X·w + b
        Products.mult(X, w, z);
        addBias(z.data, b, n);
        // e = e^(−|z|)
        expMinusAbs(z.data, e, n);
        if (gradient) {
            residual(z.data, e, y.data, residual.data, n);
        }
        // L = ln(1 + e) + max(z, 0) − y·z, into e; J = (1/n) Σ L
        losses(z.data, e, y.data, n);
        if (!gradient) {
            return sum(e, n) / n;
        }
        db = sum(residual.data, n);
        return sum(e, n) / n;
    }

    /** z = z + b */
    private static void addBias(double[] z, double b, int n) {
        for (int i = 0; i < n; i++) {
            z[i] += b;
        }
    }

    /**
     * e = e^(−|z|) in two passes, the second in vector registers: 2^k for k = round(x·log₂e),
     * written as the bits of a double, then 2^k·e^r; Math.exp below {@link #LOW}.
     */
    private static void expMinusAbs(double[] z, double[] e, int n) {
        boolean low = false;
        for (int i = 0; i < n; i++) {
            double k = Math.rint(Math.max(-Math.abs(z[i]), LOW) * LOG2_E);
            // 2^k, its biased exponent written as bits
            e[i] = Double.longBitsToDouble((long) (k + 1023) << 52);
            low |= -Math.abs(z[i]) < LOW;
        }
        for (int i = 0; i < n; i++) {
            double x = Math.max(-Math.abs(z[i]), LOW);
            // e^x = 2^k·e^r
            e[i] *= expRemainder(x, Math.rint(x * LOG2_E));
        }
        if (low) {
            for (int i = 0; i < n; i++) {
                if (-Math.abs(z[i]) < LOW) {
                    e[i] = Math.exp(-Math.abs(z[i]));
                }
            }
        }
    }

    /** r = a − y, with a = (z &gt; 0 ? 1 : e)/(1 + e) and e = e^(−|z|). */
    private static void residual(double[] z, double[] e, double[] y, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = (z[i] > 0 ? 1.0 : e[i]) / (1.0 + e[i]) - y[i];
        }
    }

    /** e = ln(1 + e) + max(z, 0) − y·z, the log-loss of each example. */
    private static void losses(double[] z, double[] e, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            e[i] = log1pSmall(e[i]) + (Math.max(z[i], 0.0) - y[i] * z[i]);
        }
    }

    /** Σ v[i], i &lt; n, in four running sums (independent additions the CPU can overlap). */
    private static double sum(double[] v, int n) {
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

    /** e^r for r = x − k·ln 2 (|r| ≤ ½ ln 2), by the Taylor series to r^13. */
    private static double expRemainder(double x, double k) {
        double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, x));
        double p = Math.fma(1.0 / 6227020800.0, r, 1.0 / 479001600);
        p = Math.fma(p, r, 1.0 / 39916800);
        p = Math.fma(p, r, 1.0 / 3628800);
        p = Math.fma(p, r, 1.0 / 362880);
        p = Math.fma(p, r, 1.0 / 40320);
        p = Math.fma(p, r, 1.0 / 5040);
        p = Math.fma(p, r, 1.0 / 720);
        p = Math.fma(p, r, 1.0 / 120);
        p = Math.fma(p, r, 1.0 / 24);
        p = Math.fma(p, r, 1.0 / 6);
        p = Math.fma(p, r, 1.0 / 2);
        p = Math.fma(p, r, 1.0);
        return Math.fma(p, r, 1.0);
    }

    /**
     * ln(1 + e) for e in [0, 1]: 2·atanh(s) = 2s·(1 + s²/3 + s⁴/5 + …), s = e/(2 + e) ≤ 1/3,
     * to the term s³⁴/35 (the next is below 2⁻⁶⁰ of the sum). Package-private for the tests.
     */
    static double log1pSmall(double e) {
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
}
