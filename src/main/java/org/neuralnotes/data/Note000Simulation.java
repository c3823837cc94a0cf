package org.neuralnotes.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.random.Rng;

/**
 * The simulated data of note 000's worked example (ISLR style, rows are observations):
 * <pre>
 *   X1 ~ U(−10, 10),   X2 ~ N(0, sd 10),   X3 ~ Exp(rate 1),   ε ~ N(0, 1),
 *   Y  = X1 + 10·sin²(X2) + 10·X3 + ε
 * </pre>
 * with n = 1000 in the notes ({@link #NOTES_N}).
 *
 * <p><b>Draw order.</b> Observation by observation, i = 0, 1, …, n − 1, and within each
 * observation in the order x1, x2, x3, ε:
 * {@code rng.uniform(-10, 10)}, {@code rng.normal(0, 10)}, {@code rng.exponential(1)},
 * {@code rng.normal(0, 1)}. So the first n′ observations of a sample of size n > n′ are the
 * sample of size n′ from the same seed, and the same seed always gives the same numbers, bit
 * for bit.
 */
public final class Note000Simulation {
    private Note000Simulation() {}

    /** The sample size of the notes' worked example. */
    public static final int NOTES_N = 1000;

    /** Column names of X. */
    public static final List<String> FEATURE_NAMES = List.of("X1", "X2", "X3");

    /**
     * Draw n observations: X is n×3 (columns X1, X2, X3), Y is n×1.
     *
     * @param n   number of observations, at least 1
     * @param rng the generator (4·n draws, in the order given in the class comment)
     */
    public static RegressionData generate(int n, Rng rng) {
        Checks.positive("n", n);
        Args.rng("rng", rng);
        DMatrixRMaj X = new DMatrixRMaj(n, 3);
        DMatrixRMaj Y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double x1 = rng.uniform(-10.0, 10.0);
            double x2 = rng.normal(0.0, 10.0);
            double x3 = rng.exponential(1.0);
            double eps = rng.normal(0.0, 1.0);
            X.data[3 * i] = x1;
            X.data[3 * i + 1] = x2;
            X.data[3 * i + 2] = x3;
            // Y = f(X) + ε
            Y.data[i] = f(x1, x2, x3) + eps;
        }
        return new RegressionData("note000", X, Y, FEATURE_NAMES, List.of("Y"),
                "Note 000's simulation, n = " + n + ": X1 ~ U(-10, 10), X2 ~ N(0, sd 10), X3 ~ Exp(rate 1),"
                        + " Y = X1 + 10 sin^2(X2) + 10 X3 + N(0, 1); drawn per observation in the"
                        + " order x1, x2, x3, noise");
    }

    /** The notes' sample: n = 1000 observations. */
    public static RegressionData generate(Rng rng) {
        return generate(NOTES_N, rng);
    }

    /**
     * The noiseless regression function f(X) = X1 + 10·sin²(X2) + 10·X3, one value per row.
     *
     * @param X N×3 inputs (columns X1, X2, X3), finite
     * @return N×1 matrix of f values
     */
    public static DMatrixRMaj mean(DMatrixRMaj X) {
        Checks.cols("X", X, 3);
        Checks.finite("X", X);
        DMatrixRMaj F = new DMatrixRMaj(X.numRows, 1);
        for (int i = 0; i < X.numRows; i++) {
            F.data[i] = f(X.data[3 * i], X.data[3 * i + 1], X.data[3 * i + 2]);
        }
        return F;
    }

    private static double f(double x1, double x2, double x3) {
        // StrictMath: the same bits on every JVM, so a seed fixes Y exactly
        double s = StrictMath.sin(x2);
        // f = X1 + 10·sin²(X2) + 10·X3
        return x1 + 10.0 * s * s + 10.0 * x3;
    }
}
