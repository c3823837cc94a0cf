package org.neuralnotes.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Argument checks for the public boundary. Every message names the argument, what was
 * expected and what was found, so that a wrong call fails before any work is done.
 */
public final class Checks {
    private Checks() {}

    /** The matrix must exist and hold at least one entry. */
    public static DMatrixRMaj nonEmpty(String name, DMatrixRMaj m) {
        if (m == null) {
            throw new IllegalArgumentException(name + ": expected a matrix, found null");
        }
        if (m.numRows == 0 || m.numCols == 0) {
            throw new IllegalArgumentException(name + ": expected a non-empty matrix, found "
                    + shape(m));
        }
        return m;
    }

    /** The matrix must have exactly this shape. */
    public static DMatrixRMaj shape(String name, DMatrixRMaj m, int rows, int cols) {
        nonEmpty(name, m);
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + ": expected shape " + rows + "x" + cols
                    + ", found " + shape(m));
        }
        return m;
    }

    /** The matrix must have this many columns. */
    public static DMatrixRMaj cols(String name, DMatrixRMaj m, int cols) {
        nonEmpty(name, m);
        if (m.numCols != cols) {
            throw new IllegalArgumentException(name + ": expected " + cols + " columns, found "
                    + shape(m));
        }
        return m;
    }

    /** Refuses {@code a} when it is null or the very matrix {@code b} (an output that must not alias an input). */
    public static void notSame(String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        if (a == null) {
            throw new IllegalArgumentException(nameA + ": expected a matrix for the result, found null");
        }
        if (a == b) {
            throw new IllegalArgumentException(nameA + ": expected a matrix other than " + nameB
                    + ", found the same matrix");
        }
    }

    /**
     * A block of consecutive rows of M: 0 ≤ first &lt; rows of M and 1 ≤ rows ≤ what is left
     * from first (M non-empty).
     */
    public static void rows(String name, DMatrixRMaj M, int first, int rows) {
        nonEmpty(name, M);
        if (first < 0 || first >= M.numRows) {
            throw new IllegalArgumentException("first: expected a row of " + name + " in 0.."
                    + (M.numRows - 1) + " (" + name + " is " + shape(M) + "), found " + first);
        }
        if (rows < 1 || rows > M.numRows - first) {
            throw new IllegalArgumentException("rows: expected 1.." + (M.numRows - first)
                    + " rows from row " + first + " of " + name + " (" + name + " is " + shape(M)
                    + "), found " + rows);
        }
    }

    /** Two matrices must have the same shape. */
    public static void sameShape(String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        nonEmpty(nameA, a);
        nonEmpty(nameB, b);
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(nameB + ": expected the shape of " + nameA + " ("
                    + shape(a) + "), found " + shape(b));
        }
    }

    /** Every entry must be finite (no NaN, no infinity). */
    public static DMatrixRMaj finite(String name, DMatrixRMaj m) {
        nonEmpty(name, m);
        int at = firstNonFinite(m.data, m.getNumElements());
        if (at >= 0) {
            throw new IllegalArgumentException(name + ": expected finite values, found " + m.data[at]
                    + " at row " + at / m.numCols + ", column " + at % m.numCols);
        }
        return m;
    }

    /**
     * Every entry must be finite, as in {@link #finite}; returns an upper bound of |entry|
     * ({@link #absBound}), found in the same pass: what a caller needs to rule out overflow in
     * products with m.
     */
    public static double finiteAbsBound(String name, DMatrixRMaj m) {
        nonEmpty(name, m);
        double bound = absBound(m.data, m.getNumElements());
        if (Double.isNaN(bound)) {
            finite(name, m);
        }
        return bound;
    }

    /**
     * An upper bound of |x| over x[0 … n): √(Σ x²) (widened by 1e-6 for the rounding of the
     * sum), in a pass as fast as reading x; the largest |x| itself when the squares overflow;
     * NaN when an entry is NaN or infinite.
     */
    public static double absBound(double[] x, int n) {
        // eight running sums of squares: a NaN or infinite x makes its sum so
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
            s4 += x[i + 4] * x[i + 4];
            s5 += x[i + 5] * x[i + 5];
            s6 += x[i + 6] * x[i + 6];
            s7 += x[i + 7] * x[i + 7];
        }
        for (; i < n; i++) {
            s0 += x[i] * x[i];
        }
        double sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        if (Double.isFinite(sum)) {
            // max |x| ≤ √(Σ x²)
            return Math.sqrt(sum) * (1 + 1e-6);
        }
        // squares too large for a double (or an entry not finite): the largest |x| itself
        double largest = 0.0;
        for (int j = 0; j < n; j++) {
            double a = Math.abs(x[j]);
            if (!Double.isFinite(a)) {
                return Double.NaN;
            }
            largest = Math.max(largest, a);
        }
        return largest;
    }

    /** The index of the first NaN or infinite entry among x[0 … n), or −1 when all are finite. */
    public static int firstNonFinite(double[] x, int n) {
        int block = 256;
        int i = 0;
        for (; i + block <= n; i += block) {
            // x·0 is 0 for a finite x and NaN otherwise: eight sums tell whether the block is clean
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int j = i; j < i + block; j += 8) {
                s0 += x[j] * 0.0;
                s1 += x[j + 1] * 0.0;
                s2 += x[j + 2] * 0.0;
                s3 += x[j + 3] * 0.0;
                s4 += x[j + 4] * 0.0;
                s5 += x[j + 5] * 0.0;
                s6 += x[j + 6] * 0.0;
                s7 += x[j + 7] * 0.0;
            }
            if (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)) != 0.0) {
                return firstNonFinite(x, i, i + block);
            }
        }
        return firstNonFinite(x, i, n);
    }

    private static int firstNonFinite(double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /** A strictly positive, finite number. */
    public static double positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number > 0, found " + v);
        }
        return v;
    }

    /** A finite number at least zero. */
    public static double nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number >= 0, found " + v);
        }
        return v;
    }

    /** A number in the half-open range [lo, hi). */
    public static double inRange(String name, double v, double lo, double hi) {
        if (!(v >= lo && v < hi)) {
            throw new IllegalArgumentException(name + ": expected a number in [" + lo + ", " + hi
                    + "), found " + v);
        }
        return v;
    }

    /** A count of at least one. */
    public static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + ": expected an integer >= 1, found " + v);
        }
        return v;
    }

    /** "rows x cols", for messages. */
    public static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }
}
