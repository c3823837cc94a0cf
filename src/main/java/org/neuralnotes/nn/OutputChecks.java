package org.neuralnotes.nn;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.neuralnotes.linalg.Checks;

/**
 * The checks that keep {@link Network#predict}, {@link Network#loss} and {@link Network#accuracy}
 * from returning a number that is not one: finite inputs can still overflow (x = 1.7e308 times
 * a weight of 2), and an overflowed output is reported with where it happened, never returned.
 */
final class OutputChecks {
    private OutputChecks() {}

    /** Z[l] and A[l] finite; otherwise an ArithmeticException naming the layer and the sizes involved. */
    static void finiteLayer(int l, ForwardPass pass, Dense layer) {
        DMatrixRMaj below = pass.A(l - 1);
        DMatrixRMaj Z = pass.Z(l);
        int at = Checks.firstNonFinite(Z.data, Z.getNumElements());
        String what = "Z[" + l + "] = A[" + (l - 1) + "]·W" + l + " + b" + l;
        DMatrixRMaj bad = Z;
        if (at < 0) {
            DMatrixRMaj A = pass.A(l);
            at = Checks.firstNonFinite(A.data, A.getNumElements());
            what = "A[" + l + "] = " + layer.activation().name() + "(Z[" + l + "])";
            bad = A;
        }
        if (at >= 0) {
            throw new ArithmeticException(String.format(Locale.ROOT, "%s overflowed: entry (row %d, column %d)"
                    + " is %s, with max|A[%d]| = %.3g and max|W%d| = %.3g; the inputs are too large for"
                    + " this network (standardize them)", what, at / bad.numCols, at % bad.numCols,
                    bad.data[at], l - 1, CommonOps_DDRM.elementMaxAbs(below), l,
                    CommonOps_DDRM.elementMaxAbs(layer.W())));
        }
    }

    /** A finite loss; otherwise an ArithmeticException naming the size of the outputs and targets. */
    static double finiteLoss(double loss, DMatrixRMaj AL, DMatrixRMaj Y) {
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException(String.format(Locale.ROOT, "loss: overflowed to %s for outputs"
                    + " up to max|Ŷ| = %.3g and targets up to max|Y| = %.3g", loss,
                    CommonOps_DDRM.elementMaxAbs(AL), CommonOps_DDRM.elementMaxAbs(Y)));
        }
        return loss;
    }

    /** Row i of Y is one-hot: a single 1, the rest 0. */
    static void oneHotRow(DMatrixRMaj Y, int i) {
        int k = Y.numCols;
        int ones = 0;
        boolean zeroOrOne = true;
        for (int j = 0; j < k; j++) {
            double y = Y.data[i * k + j];
            ones += y == 1 ? 1 : 0;
            zeroOrOne &= y == 0 || y == 1;
        }
        if (!zeroOrOne || ones != 1) {
            throw new IllegalArgumentException("Y: expected one-hot rows for " + k + " outputs (a single 1,"
                    + " the rest 0), found " + Arrays.toString(Arrays.copyOfRange(Y.data, i * k, i * k + k))
                    + " at row " + i);
        }
    }
}
