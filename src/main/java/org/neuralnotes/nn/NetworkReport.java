package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;

/** What {@link Network} prints and scores: its summary table and the accuracy of its predictions. */
final class NetworkReport {
    private NetworkReport() {}

    /** A table of layers, shapes and parameter counts. */
    static String summary(Network net) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-7s %-12s %-10s %-8s %-12s%n", "layer", "activation", "W", "b", "parameters"));
        for (int l = 1; l <= net.depth(); l++) {
            Dense d = net.layer(l);
            s.append(String.format("%-7d %-12s %-10s %-8s %-12d%n", l, d.activation(),
                    d.inputs() + "x" + d.units(), "1x" + d.units(), d.inputs() * d.units() + d.units()));
        }
        s.append("objective: ").append(net.objective()).append('\n');
        s.append("total parameters: ").append(net.parameterCount());
        return s.toString();
    }

    /**
     * The share of rows of P classified right against Y (same shape): with one column, p ≥ 0.5
     * predicts class 1 and Y holds 0/1 labels; with several, the largest entry of a row is the
     * prediction and Y's rows are one-hot (each checked).
     */
    static double accuracy(DMatrixRMaj P, DMatrixRMaj Y) {
        int k = P.numCols;
        int right = 0;
        for (int i = 0; i < P.numRows; i++) {
            if (k == 1) {
                double y = Y.data[i];
                if (y != 0 && y != 1) {
                    throw new IllegalArgumentException("Y: expected labels 0 or 1, found " + y + " at row " + i);
                }
                int predicted = P.data[i] >= 0.5 ? 1 : 0;
                right += predicted == (int) y ? 1 : 0;
            } else {
                OutputChecks.oneHotRow(Y, i);
                right += argmax(P, i) == argmax(Y, i) ? 1 : 0;
            }
        }
        return right / (double) P.numRows;
    }

    private static int argmax(DMatrixRMaj M, int row) {
        int k = M.numCols;
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (M.data[row * k + j] > M.data[row * k + best]) {
                best = j;
            }
        }
        return best;
    }
}
