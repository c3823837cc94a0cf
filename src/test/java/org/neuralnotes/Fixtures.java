package org.neuralnotes;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.init.Initializer;
import org.neuralnotes.random.Rng;

/** Small seeded inputs shared by the tests. */
public final class Fixtures {
    private Fixtures() {}

    /** A rows × cols matrix with entries uniform on [lo, hi). */
    public static DMatrixRMaj uniform(int rows, int cols, double lo, double hi, Rng rng) {
        DMatrixRMaj M = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < M.data.length; i++) {
            M.data[i] = rng.uniform(lo, hi);
        }
        return M;
    }

    /** Rows that are one-hot over k classes, the class drawn uniformly. */
    public static DMatrixRMaj oneHot(int rows, int k, Rng rng) {
        DMatrixRMaj Y = new DMatrixRMaj(rows, k);
        for (int i = 0; i < rows; i++) {
            Y.set(i, rng.nextInt(k), 1.0);
        }
        return Y;
    }

    /** Labels 0 or 1 in one column. */
    public static DMatrixRMaj binary(int rows, Rng rng) {
        DMatrixRMaj Y = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            Y.data[i] = rng.nextInt(2);
        }
        return Y;
    }

    /** Uniform on [−limit, limit), for weights and biases alike. */
    public static Initializer uniformInit(double limit) {
        return (M, fanIn, fanOut, rng) -> {
            for (int i = 0; i < M.getNumElements(); i++) {
                M.data[i] = rng.uniform(-limit, limit);
            }
        };
    }

    /** Asserts that running the code throws IllegalArgumentException whose message contains every fragment. */
    public static IllegalArgumentException refuses(Runnable code, String... fragments) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, code::run);
        for (String f : fragments) {
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(f),
                    () -> "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
        return e;
    }
}
