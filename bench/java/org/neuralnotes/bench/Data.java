package org.neuralnotes.bench;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.random.Rng;

/**
 * Benchmark data from one seeded SplitMix64 stream, drawn in an order that
 * tools/bench/splitmix.py repeats in Python bit for bit (uniform draws and integers only,
 * so no transcendental function is involved), and a hash that proves it.
 */
final class Data {
    private Data() {}

    /** rows×cols, row by row: lo + (hi − lo)·u. */
    static DMatrixRMaj uniform(Rng rng, int rows, int cols, double lo, double hi) {
        DMatrixRMaj M = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            M.data[i] = rng.uniform(lo, hi);
        }
        return M;
    }

    /** n labels in {0, …, classes − 1}. */
    static int[] labels(Rng rng, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    /** Y (n×classes) with Y[i, y[i]] = 1. */
    static DMatrixRMaj oneHot(int[] y, int classes) {
        DMatrixRMaj Y = new DMatrixRMaj(y.length, classes);
        for (int i = 0; i < y.length; i++) {
            Y.data[i * classes + y[i]] = 1.0;
        }
        return Y;
    }

    /**
     * W1's data: per row one draw u (y = 1 if u < ½), then m draws x = U(−1, 1) ± 0.05 (+ if
     * y = 1). Returns X (n×m), y (n×1) and the start w = 0 (m×1).
     */
    static DMatrixRMaj[] logistic(Rng rng, int n, int m) {
        DMatrixRMaj X = new DMatrixRMaj(n, m);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            y.data[i] = rng.nextDouble() < 0.5 ? 1.0 : 0.0;
            double shift = y.data[i] == 1.0 ? 0.05 : -0.05;
            for (int j = 0; j < m; j++) {
                X.data[i * m + j] = rng.uniform(-1, 1) + shift;
            }
        }
        return new DMatrixRMaj[] {X, y, new DMatrixRMaj(m, 1)};
    }

    /**
     * W2's and W3's data: X = U(0, 1) row by row (N×p), then N labels nextInt(K) as one-hot
     * rows Y (N×K), then W1, W2, … (inputs×units) Xavier uniform. Returns X, Y, W1, W2, …
     */
    static DMatrixRMaj[] mlp(Rng rng, int[] sizes, int examples) {
        int layers = sizes.length - 1;
        DMatrixRMaj[] out = new DMatrixRMaj[layers + 2];
        out[0] = uniform(rng, examples, sizes[0], 0, 1);
        out[1] = oneHot(labels(rng, examples, sizes[layers]), sizes[layers]);
        for (int l = 1; l <= layers; l++) {
            out[l + 1] = xavier(rng, sizes[l - 1], sizes[l]);
        }
        return out;
    }

    /** Xavier/Glorot uniform: U(−a, a), a = √(6 / (fanIn + fanOut)). */
    static DMatrixRMaj xavier(Rng rng, int fanIn, int fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return uniform(rng, fanIn, fanOut, -a, a);
    }

    /**
     * Running hash h ← h + Σᵢ bits(xᵢ)·(2(start + i) + 1) mod 2⁶⁴ over the raw IEEE bits;
     * {@code start} is the position of the array's first entry in the whole sequence.
     */
    static long hash(long h, long start, double[] x, int n) {
        for (int i = 0; i < n; i++) {
            h += Double.doubleToRawLongBits(x[i]) * (2 * (start + i) + 1);
        }
        return h;
    }

    /** Hash of several matrices taken as one sequence. */
    static long hash(DMatrixRMaj... ms) {
        long h = 0;
        long start = 0;
        for (DMatrixRMaj m : ms) {
            int n = m.getNumElements();
            h = hash(h, start, m.data, n);
            start += n;
        }
        return h;
    }
}
