package org.neuralnotes.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Row-wise helpers for the layer equations, in single loops with no temporaries:
 * the bias b (1 × units) is added to every row of Z, and its gradient db sums dZ over rows.
 */
public final class Rows {
    private Rows() {}

    /** Z = Z + b in place, the row vector b added to every row of Z. Returns Z. */
    public static DMatrixRMaj addRow(DMatrixRMaj Z, DMatrixRMaj b) {
        Checks.nonEmpty("Z", Z);
        Checks.shape("b", b, 1, Z.numCols);
        int rows = Z.numRows;
        int cols = Z.numCols;
        double[] z = Z.data;
        double[] bias = b.data;
        if (cols == 1) {
            // one column: Z[i] = Z[i] + b, in one loop over the rows
            double b0 = bias[0];
            for (int i = 0; i < rows; i++) {
                z[i] += b0;
            }
            return Z;
        }
        for (int i = 0; i < rows; i++) {
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                // Z[i, j] = Z[i, j] + b[j]
                z[offset + j] += bias[j];
            }
        }
        return Z;
    }

    /**
     * s = α·1ᵀ·M: the column sums of M (a 1 × cols row vector) scaled by α, e.g.
     * db = (1/N)·Σᵢ dZ[i, :]. Written into s (reshaped) and returned.
     */
    public static DMatrixRMaj sumRows(double alpha, DMatrixRMaj M, DMatrixRMaj s) {
        Checks.nonEmpty("M", M);
        if (s == null) {
            throw new IllegalArgumentException("s: expected a matrix for the result, found null");
        }
        if (s == M) {
            throw new IllegalArgumentException("s: expected a matrix other than M, found the"
                    + " same matrix");
        }
        int rows = M.numRows;
        int cols = M.numCols;
        s.reshape(1, cols);
        double[] out = s.data;
        double[] m = M.data;
        java.util.Arrays.fill(out, 0, cols, 0.0);
        if (cols == 1) {
            // one column: s = Σᵢ M[i], summed in the same order
            double sum = 0.0;
            for (int i = 0; i < rows; i++) {
                sum += m[i];
            }
            out[0] = sum * alpha;
            return s;
        }
        for (int i = 0; i < rows; i++) {
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                // s[j] = s[j] + M[i, j]
                out[j] += m[offset + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            out[j] *= alpha;
        }
        return s;
    }
}
