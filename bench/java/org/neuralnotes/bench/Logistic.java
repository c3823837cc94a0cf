package org.neuralnotes.bench;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.random.Rng;

/**
 * W1: logistic regression by full-batch gradient descent, n examples, m features.
 * Data: per row one draw u (y = 1 if u < ½) then m draws x = U(−1, 1) ± 0.05 (+ if y = 1).
 */
final class Logistic implements Workload {
    private final long seed;
    private final int n;
    private final int m;
    private final int iterations;
    private final double rate;
    private DMatrixRMaj X;
    private double[] y;
    private final DMatrixRMaj w;
    private double b;
    private final DMatrixRMaj z;
    private final DMatrixRMaj dz;
    private final DMatrixRMaj dw;

    Logistic(long seed, int n, int m, int iterations, double rate) {
        this.seed = seed;
        this.n = n;
        this.m = m;
        this.iterations = iterations;
        this.rate = rate;
        this.w = new DMatrixRMaj(m, 1);
        this.z = new DMatrixRMaj(n, 1);
        this.dz = new DMatrixRMaj(n, 1);
        this.dw = new DMatrixRMaj(m, 1);
    }

    @Override
    public long setup() {
        Rng rng = new Rng(seed);
        X = new DMatrixRMaj(n, m);
        y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < 0.5 ? 1.0 : 0.0;
            double shift = y[i] == 1.0 ? 0.05 : -0.05;
            for (int j = 0; j < m; j++) {
                X.data[i * m + j] = rng.uniform(-1, 1) + shift;
            }
        }
        return Data.hash(X, new DMatrixRMaj(n, 1, true, y));
    }

    @Override
    public int iterations() {
        return iterations;
    }

    @Override
    public double flopsPerIteration() {
        // z = X·w and dw = Xᵀ·dz
        return 4.0 * n * m;
    }

    @Override
    public void reset() {
        w.zero();
        b = 0.0;
    }

    @Override
    public void run() {
        for (int t = 0; t < iterations; t++) {
            step();
        }
    }

    private void step() {
        // z = X·w
        Products.mult(X, w, z);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            // a = σ(z + b), dz = a − y
            double a = 1.0 / (1.0 + Math.exp(-(z.data[i] + b)));
            dz.data[i] = a - y[i];
            sum += dz.data[i];
        }
        // dw = (1/n)·Xᵀ·dz, db = (1/n)·Σ dz
        Products.multTransA(1.0 / n, X, dz, dw);
        double db = sum / n;
        // w ← w − α·dw, b ← b − α·db
        for (int j = 0; j < m; j++) {
            w.data[j] -= rate * dw.data[j];
        }
        b -= rate * db;
    }

    @Override
    public double result() {
        // L = (1/n)·Σ [max(z, 0) − y·z + log(1 + e^(−|z|))], z = X·w + b
        Products.mult(X, w, z);
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            double zi = z.data[i] + b;
            total += Math.max(zi, 0.0) - y[i] * zi + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return total / n;
    }
}
