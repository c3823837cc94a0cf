package org.neuralnotes.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Softmax;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.loss.Objective;

/** The argument checks of {@link Network}: its layers, and the X and Y it is given. */
final class NetworkChecks {
    private NetworkChecks() {}

    /** Layers that fit together, softmax only at the output, and an objective for the last layer. */
    static void architecture(List<Dense> layers, Objective objective) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers: expected at least one layer, found "
                    + (layers == null ? "null" : "none"));
        }
        if (objective == null) {
            throw new IllegalArgumentException("objective: expected an objective, found null");
        }
        for (int l = 1; l < layers.size(); l++) {
            int out = layers.get(l - 1).units();
            int in = layers.get(l).inputs();
            if (out != in) {
                throw new IllegalArgumentException("layers: layer " + (l + 1) + " expects " + in
                        + " inputs but layer " + l + " has " + out + " units");
            }
        }
        for (int l = 0; l < layers.size() - 1; l++) {
            if (layers.get(l).activation() instanceof Softmax) {
                throw new IllegalArgumentException("layers: softmax belongs to the output layer only;"
                        + " found it in layer " + (l + 1) + " of " + layers.size());
            }
        }
        Dense last = layers.get(layers.size() - 1);
        if (!last.activation().toString().equals(objective.output().toString())) {
            throw new IllegalArgumentException("objective: expected the output activation of the last"
                    + " layer (" + last.activation() + "), found " + objective.output());
        }
        if (last.activation() instanceof Softmax && last.units() < 2) {
            throw new IllegalArgumentException("layers: a softmax output needs at least 2 units, found "
                    + last.units() + " (its only output would always be 1)");
        }
    }

    /** X of N × inputs, N ≥ 1. */
    static void input(DMatrixRMaj X, int inputs) {
        Checks.nonEmpty("X", X);
        if (X.numCols != inputs) {
            throw new IllegalArgumentException("X: expected " + inputs + " columns (one per input"
                    + " feature), found " + Checks.shape(X));
        }
    }

    /** X of N × inputs, every entry finite. */
    static void finiteInput(DMatrixRMaj X, int inputs) {
        input(X, inputs);
        Checks.finite("X", X);
    }

    /** Y of rows × outputs, one row per example of X. */
    static void targetShape(DMatrixRMaj Y, int rows, int outputs) {
        Checks.nonEmpty("Y", Y);
        if (Y.numRows != rows || Y.numCols != outputs) {
            throw new IllegalArgumentException("Y: expected shape " + rows + "x" + outputs
                    + " (one row per example of X, one column per output), found " + Checks.shape(Y));
        }
    }

    /** Y of rows × outputs, every entry finite. */
    static void targets(DMatrixRMaj Y, int rows, int outputs) {
        targetShape(Y, rows, outputs);
        Checks.finite("Y", Y);
    }
}
