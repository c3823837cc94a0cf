package org.neuralnotes.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * Column standardization fitted on training data: z<sub>ij</sub> = (x<sub>ij</sub> − μ<sub>j</sub>) / s<sub>j</sub>.
 *
 * <p>{@link #fit} computes, for each column j of the N×p training matrix, the mean
 * μ<sub>j</sub> = (1/N) Σ<sub>i</sub> x<sub>ij</sub> and the population standard deviation
 * σ<sub>j</sub> = √((1/N) Σ<sub>i</sub> (x<sub>ij</sub> − μ<sub>j</sub>)²) (divisor N, not N − 1,
 * as numpy's {@code std} and scikit-learn's {@code StandardScaler} do).
 *
 * <p><b>Constant columns.</b> A column whose training values are all equal (σ<sub>j</sub> = 0;
 * for example the always-blank corner pixels of the digits) cannot be divided by its spread.
 * Such a column is detected exactly (every entry equals the first), gets μ<sub>j</sub> = that
 * value, σ<sub>j</sub> = 0 and the divisor s<sub>j</sub> = 1: it is centred but not scaled, so
 * it becomes 0 on the training data and keeps its offsets on new data. Every other column has
 * s<sub>j</sub> = σ<sub>j</sub> (unless its σ<sub>j</sub> underflows to 0, which is then treated
 * the same way). {@link #constantColumns()} lists the columns with σ<sub>j</sub> = 0.
 *
 * <p><b>Huge values.</b> Each column is measured in a unit u<sub>j</sub>, the power of two
 * just below its largest |x|: x/u<sub>j</sub> is exact and below 2 in size, so the sums behind
 * μ<sub>j</sub> and σ<sub>j</sub> cannot overflow even for values near 1.8e308, and since
 * dividing by a power of two is exact the numbers are the same as without u<sub>j</sub>
 * whenever those did not overflow. {@link #transform} and {@link #inverseTransform} work in the
 * same unit and refuse, naming the entry, a value whose result is beyond a double.
 *
 * <p>The fitted numbers are kept; apply the same standardizer to training, validation and
 * test data so all of them are measured on the training scale.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] sd;
    private final double[] scale;
    /** u_j: a power of two near the column's largest |x| (1 for a constant column) */
    private final double[] unit;

    private Standardizer(double[] mean, double[] sd, double[] scale, double[] unit) {
        this.mean = mean;
        this.sd = sd;
        this.scale = scale;
        this.unit = unit;
    }

    /**
     * Fit column means and population standard deviations on training data.
     *
     * @param Xtrain N×p training inputs, finite values, N ≥ 1
     * @throws IllegalArgumentException if Xtrain is null, empty, or holds NaN or infinity
     */
    public static Standardizer fit(DMatrixRMaj Xtrain) {
        Checks.finite("Xtrain", Xtrain);
        int N = Xtrain.numRows;
        int p = Xtrain.numCols;
        double[] mean = new double[p];
        double[] sd = new double[p];
        double[] scale = new double[p];
        double[] unit = new double[p];
        for (int j = 0; j < p; j++) {
            double first = Xtrain.data[j];
            boolean constant = true;
            double largest = 0;
            for (int i = 0; i < N; i++) {
                double x = Xtrain.data[i * p + j];
                largest = Math.max(largest, Math.abs(x));
                constant &= x == first;
            }
            if (constant) {
                mean[j] = first;
                sd[j] = 0.0;
                scale[j] = 1.0;
                unit[j] = 1.0;
                continue;
            }
            // u_j = 2^e ≤ max_i |x_ij| < 2^(e+1): the column in units of u_j is below 2 in size
            double u = Math.scalb(1.0, Math.getExponent(largest));
            // μ_j = (1/N) Σ_i x_ij, in units of u_j
            double sum = 0;
            for (int i = 0; i < N; i++) {
                sum += Xtrain.data[i * p + j] / u;
            }
            double mu = sum / N;
            // σ_j² = (1/N) Σ_i (x_ij − μ_j)², in units of u_j (second pass, no cancellation)
            double ss = 0;
            for (int i = 0; i < N; i++) {
                double d = Xtrain.data[i * p + j] / u - mu;
                ss += d * d;
            }
            mean[j] = mu * u;
            sd[j] = Math.sqrt(ss / N) * u;
            unit[j] = u;
            // a spread so small that its square underflows to 0 is treated as constant too
            scale[j] = sd[j] > 0 ? sd[j] : 1.0;
        }
        return new Standardizer(mean, sd, scale, unit);
    }

    /**
     * Standardize: Z = (X − μ) / s, column by column, into a new matrix.
     *
     * @param X M×p inputs (p as in the training data), finite values
     */
    public DMatrixRMaj transform(DMatrixRMaj X) {
        check("X", X);
        int p = mean.length;
        DMatrixRMaj Z = new DMatrixRMaj(X.numRows, p);
        for (int i = 0; i < X.numRows; i++) {
            for (int j = 0; j < p; j++) {
                // z_ij = (x_ij − μ_j) / s_j, each term in units of u_j
                double u = unit[j];
                Z.data[i * p + j] = finite("X", X, i, j, (X.data[i * p + j] / u - mean[j] / u) / (scale[j] / u));
            }
        }
        return Z;
    }

    /**
     * Undo {@link #transform}: X = Z · s + μ, column by column, into a new matrix.
     *
     * @param Z M×p standardized values, finite
     */
    public DMatrixRMaj inverseTransform(DMatrixRMaj Z) {
        check("Z", Z);
        int p = mean.length;
        DMatrixRMaj X = new DMatrixRMaj(Z.numRows, p);
        for (int i = 0; i < Z.numRows; i++) {
            for (int j = 0; j < p; j++) {
                // x_ij = z_ij · s_j + μ_j, each term in units of u_j
                double u = unit[j];
                X.data[i * p + j] = finite("Z", Z, i, j, (Z.data[i * p + j] * (scale[j] / u) + mean[j] / u) * u);
            }
        }
        return X;
    }

    /** Number of columns p this standardizer was fitted on. */
    public int columns() {
        return mean.length;
    }

    /** The column means μ as a 1×p matrix (a copy). */
    public DMatrixRMaj mean() {
        return row(mean);
    }

    /** The population standard deviations σ as a 1×p matrix (a copy; 0 for constant columns). */
    public DMatrixRMaj sd() {
        return row(sd);
    }

    /** The divisors s actually used as a 1×p matrix (a copy): σ<sub>j</sub>, or 1 for a constant column. */
    public DMatrixRMaj scale() {
        return row(scale);
    }

    /** The indices of the columns that were constant in the training data. */
    public int[] constantColumns() {
        List<Integer> list = new ArrayList<>();
        for (int j = 0; j < sd.length; j++) {
            if (sd[j] == 0.0) {
                list.add(j);
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private void check(String name, DMatrixRMaj M) {
        Checks.cols(name, M, mean.length);
        Checks.finite(name, M);
    }

    /** The result for entry (i, j) of M, refused when it is beyond a double. */
    private double finite(String name, DMatrixRMaj M, int i, int j, double result) {
        if (!Double.isFinite(result)) {
            throw new IllegalArgumentException(name + ": entry (row " + i + ", column " + j + ") = "
                    + M.get(i, j) + " gives " + result + " on the training scale (mean " + mean[j] + ", sd "
                    + scale[j] + "); expected values whose result fits in a double");
        }
        return result;
    }

    private static DMatrixRMaj row(double[] values) {
        return new DMatrixRMaj(1, values.length, true, values.clone());
    }

    @Override
    public String toString() {
        return "Standardizer(columns=" + mean.length + ", population sd, constant columns="
                + constantColumns().length + ")";
    }
}
