package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * The argument checks of {@link LogisticRegression}: each refuses bad input before any work,
 * with a message naming the argument, what was expected and what was found.
 */
final class LogisticChecks {

    private LogisticChecks() {}

    /** X: n × p, n ≥ 1, p columns (one per feature), every entry finite. */
    static void checkX(String name, DMatrixRMaj X, int p) {
        Checks.nonEmpty(name, X);
        if (X.numCols != p) {
            throw new IllegalArgumentException(name + ": expected " + p + " columns (one per feature, rows"
                    + " are examples), found " + Checks.shape(X));
        }
        Checks.finite(name, X);
    }

    /** y: n × 1, each label 0 or 1. */
    static void checkY(String name, DMatrixRMaj y, int n) {
        Checks.nonEmpty(name, y);
        if (y.numRows != n || y.numCols != 1) {
            throw new IllegalArgumentException(name + ": expected shape " + n + "x1 (one label per row of X),"
                    + " found " + Checks.shape(y));
        }
        for (int i = 0; i < n; i++) {
            double v = y.data[i];
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException(name + ": expected labels 0 or 1, found " + v + " at row " + i);
            }
        }
    }

    /** A finite number. */
    static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number, found " + v);
        }
    }
}
