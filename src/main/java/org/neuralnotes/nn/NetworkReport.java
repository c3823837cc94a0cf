package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What {@link Network} prints and scores: its summary table and the accuracy of its predictions. */
final class NetworkReport {
    private NetworkReport() {}

    /** A table of layers, shapes and parameter counts (printed by Tablesaw), then the objective and the total. */
    static String summary(Network net) {
        IntColumn layer = IntColumn.create("layer");
        StringColumn activation = StringColumn.create("activation");
        StringColumn W = StringColumn.create("W");
        StringColumn b = StringColumn.create("b");
        IntColumn parameters = IntColumn.create("parameters");
        for (int l = 1; l <= net.depth(); l++) {
            Dense d = net.layer(l);
            layer.append(l);
            activation.append(d.activation().toString());
            W.append(d.inputs() + "x" + d.units());
            b.append("1x" + d.units());
            parameters.append(d.inputs() * d.units() + d.units());
        }
        Table table = Table.create("network", layer, activation, W, b, parameters);
        return table.printAll() + "\nobjective: " + net.objective()
                + "\ntotal parameters: " + net.parameterCount();
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
