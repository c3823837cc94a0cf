package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Sigmoid;
import org.neuralnotes.linalg.FastMath;
import org.neuralnotes.loss.BinaryCrossEntropy;
import org.neuralnotes.linalg.Products;

/**
 * The pass over the examples that one iteration of note 001's gradient descent makes: from
 * z = X·w + b, with one exponential per example, both the residual a − y of the gradient and
 * the cost J, then ∂J/∂w = Xᵀ(a − y)/n and ∂J/∂b = Σ(a − y)/n.
 *
 * <p>With e = e^(−|z|), which never overflows, for z ≥ 0: a = 1/(1 + e) and
 * L = ln(1 + e) + (1 − y)·z; for z &lt; 0: a = e/(1 + e) and L = ln(1 + e) − y·z; both are
 * L = ln(1 + e) + max(z, 0) − y·z, the same number as −[y ln a + (1 − y) ln(1 − a)] without
 * ln 0 when a rounds to 0 or 1. e and ln(1 + e) come from {@link FastMath}, in loops the JIT
 * compiles to vector instructions.
 *
 * <p>An instance owns its buffers (z, e, a − y, for n examples) and is reused from one
 * iteration to the next: an iteration allocates nothing. Not thread-safe.
 */
final class LogisticPass {
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
        FastMath.ofMinusAbs(z.data, e, n);
        if (gradient) {
            residual(z.data, e, y.data, residual.data, n);
        }
        // L = ln(1 + e) + max(z, 0) − y·z, into e; J = (1/n) Σ L
        BinaryCrossEntropy.lossesFromLogits(z.data, y.data, e, n);
        if (!gradient) {
            return FastMath.sum(e, n) / n;
        }
        db = FastMath.sum(residual.data, n);
        return FastMath.sum(e, n) / n;
    }

    /** z = z + b */
    private static void addBias(double[] z, double b, int n) {
        for (int i = 0; i < n; i++) {
            z[i] += b;
        }
    }

    /** r = a − y, with a = σ(z) from e = e^(−|z|). */
    private static void residual(double[] z, double[] e, double[] y, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = Sigmoid.fromExp(z[i], e[i]) - y[i];
        }
    }
}
