package org.neuralnotes.check;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * The Jacobian of a function of a matrix by central differences, for checking a Jacobian written
 * by hand (note 002, §6):
 * <pre>
 *   J[i][k] = ∂f_i/∂x_k ≈ (f_i(x + h e_k) − f_i(x − h e_k)) / 2h
 * </pre>
 * where x and f(x) are read entry by entry in row-major order, so a function of an n-entry matrix
 * with an m-entry result has an m×n Jacobian (a row vector's gradient is its 1×n Jacobian).
 */
public final class Jacobians {
    private Jacobians() {}

    /** The step {@link #centralDifference(Function, DMatrixRMaj)} uses. */
    public static final double DEFAULT_STEP = 1e-6;

    /** {@link #centralDifference(Function, DMatrixRMaj, double)} with h = {@value #DEFAULT_STEP}. */
    public static DMatrixRMaj centralDifference(Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj x) {
        return centralDifference(f, x, DEFAULT_STEP);
    }

    /**
     * The m×n Jacobian of f at x by central differences; x is not changed (f sees copies).
     *
     * @param f a function whose result has the same number of entries for every input
     * @param x the point, finite
     * @param h the step, positive
     */
    public static DMatrixRMaj centralDifference(Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj x, double h) {
        if (f == null) {
            throw new IllegalArgumentException("f: expected a function of a matrix, found null");
        }
        Checks.finite("x", x);
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h: expected a positive finite step, found " + h);
        }
        int n = x.getNumElements();
        DMatrixRMaj J = null;
        for (int k = 0; k < n; k++) {
            DMatrixRMaj up = x.copy();
            DMatrixRMaj down = x.copy();
            up.data[k] += h;
            down.data[k] -= h;
            DMatrixRMaj fUp = f.apply(up);
            DMatrixRMaj fDown = f.apply(down);
            if (J == null) {
                J = new DMatrixRMaj(fUp.getNumElements(), n);
            }
            if (fUp.getNumElements() != J.numRows || fDown.getNumElements() != J.numRows) {
                throw new IllegalArgumentException("f: expected a result of " + J.numRows + " entries at every point,"
                        + " found " + fUp.getNumElements() + " and " + fDown.getNumElements());
            }
            for (int i = 0; i < J.numRows; i++) {
                // ∂f_i/∂x_k ≈ (f_i(x + h e_k) − f_i(x − h e_k)) / 2h
                J.set(i, k, (fUp.data[i] - fDown.data[i]) / (2 * h));
            }
        }
        return J;
    }
}
