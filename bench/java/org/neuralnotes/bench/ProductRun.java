package org.neuralnotes.bench;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.random.Rng;

/** A raw product C = A·B, A (m×k) and B (k×n) drawn U(0, 1); the result is Σ C. */
final class ProductRun implements Workload {
    private final long seed;
    private final int m;
    private final int k;
    private final int n;
    private final int repeats;
    private DMatrixRMaj A;
    private DMatrixRMaj B;
    private final DMatrixRMaj C = new DMatrixRMaj(1, 1);

    ProductRun(long seed, int m, int k, int n, int repeats) {
        this.seed = seed;
        this.m = m;
        this.k = k;
        this.n = n;
        this.repeats = repeats;
    }

    @Override
    public long setup() {
        Rng rng = new Rng(seed);
        A = Data.uniform(rng, m, k, 0, 1);
        B = Data.uniform(rng, k, n, 0, 1);
        C.reshape(m, n);
        return Data.hash(A, B);
    }

    @Override
    public int iterations() {
        return repeats;
    }

    @Override
    public double flopsPerIteration() {
        return 2.0 * m * k * n;
    }

    @Override
    public void reset() {
    }

    @Override
    public void run() {
        for (int r = 0; r < repeats; r++) {
            // C = A·B
            Products.mult(A, B, C);
        }
    }

    @Override
    public double result() {
        double sum = 0.0;
        for (int i = 0; i < m * n; i++) {
            sum += C.data[i];
        }
        return sum;
    }
}
