package org.neuralnotes.models;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What note 001's gradient descent returns: the costs recorded every k iterations, the
 * final parameters and the last gradient.
 *
 * @param settings   the settings of the run
 * @param recordedAt the iterations i (0, k, 2k, …) whose cost was recorded
 * @param costs      J before the step of each recorded iteration, aligned with {@code recordedAt}
 * @param w          the final weights (a copy, p × 1)
 * @param b          the final bias
 * @param dw         ∂J/∂w of the last iteration, computed before its step (as the note returns it)
 * @param db         ∂J/∂b of the last iteration
 * @param finalCost  J at the final (w, b)
 */
public record FitResult(GradientDescentSettings settings, List<Integer> recordedAt, List<Double> costs,
                        DMatrixRMaj w, double b, DMatrixRMaj dw, double db, double finalCost) {

    public FitResult {
        recordedAt = List.copyOf(recordedAt);
        costs = List.copyOf(costs);
    }

    /** The number of iterations run. */
    public int iterations() {
        return settings.iterations();
    }

    /** The recorded costs as a table with IntColumn "iteration" and DoubleColumn "cost", for plotting. */
    public Table costTable() {
        IntColumn it = IntColumn.create("iteration");
        DoubleColumn cost = DoubleColumn.create("cost");
        for (int i = 0; i < costs.size(); i++) {
            it.append(recordedAt.get(i));
            cost.append(costs.get(i));
        }
        return Table.create("cost every " + settings.recordEvery() + " iterations", it, cost);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < costs.size(); i++) {
            s.append(String.format("Cost after iteration %d: %.6f%n", recordedAt.get(i), costs.get(i)));
        }
        return s.append(String.format("Final cost after %d iterations: %.6f (%s)", iterations(), finalCost,
                settings)).toString();
    }
}
