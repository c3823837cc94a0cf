package org.neuralnotes.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.nn.Parameter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a training run left behind: the training loss, the validation loss and the value of
 * every parameter entry (the weight paths), recorded every k steps, and why training stopped.
 *
 * <p>Records are taken at step 0 (the starting point, before any update), then at steps
 * k, 2k, 3k, … and always at the final step. The loss of a record is the loss of the whole
 * training set at the parameters of that step (after its update); the validation loss likewise,
 * NaN when there is no validation set. When the number of records would pass the memory bound
 * {@link #maxRecords()}, every second record is dropped (steps 0, 2k, 4k, … stay) and k is doubled,
 * so the records stay evenly spaced and never number more than {@code maxRecords}; the final
 * step is always kept.
 *
 * <p>The bound is in bytes as well as in records: {@code maxRecords} is the trainer's
 * {@code maxRecords} or the number of records that fit in its {@code maxHistoryBytes}
 * (64 MB by default, well inside a notebook kernel's 1 GB), whichever is smaller. A record costs
 * 8 bytes per parameter entry when the weights are recorded, which they are when asked
 * ({@code recordWeights(true)}) and, by default, for networks of at most
 * {@link Trainer#AUTO_WEIGHT_ENTRIES} entries; {@link #toString()} says when they were not.
 *
 * <p>{@link #lossTable()} and {@link #weightTable()} give the records as Tablesaw tables, ready
 * to plot or to save; a weight table of more than {@link #WEIGHT_TABLE_MAX_ROWS} rows is
 * refused (use {@link #path} for single entries).
 */
public final class History {
    /** The most rows {@link #weightTable()} builds: about 200 MB as a Tablesaw table. */
    public static final int WEIGHT_TABLE_MAX_ROWS = 4_000_000;
    private final List<String> names;
    private final int[][] shapes;
    private final boolean weights;
    private final int maxRecords;
    private int recordEvery;

    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> validationLosses = new ArrayList<>();
    private final List<double[][]> values = new ArrayList<>();

    private String stoppedBecause = "";
    private int iterations;
    private double lastBatchLoss = Double.NaN;
    private final List<String> warnings = new ArrayList<>();
    /** why the weights were not recorded, "" when they were or were turned off */
    private String weightsNote = "";

    History(List<Parameter> parameters, boolean weights, int recordEvery, int maxRecords) {
        this.names = new ArrayList<>();
        this.shapes = new int[parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            names.add(p.name());
            shapes[i] = new int[] {p.rows(), p.cols()};
        }
        this.weights = weights;
        this.recordEvery = recordEvery;
        this.maxRecords = maxRecords;
    }

    // ---- recording (by the Trainer)

    /** Whether step s falls on the grid of records, thinning first if the bound is reached. */
    boolean due(int step) {
        if (step % recordEvery != 0) {
            return false;
        }
        if (steps.size() == maxRecords) {
            thin();
        }
        return step % recordEvery == 0;
    }

    /** Keeps records 0, 2, 4, … and doubles k. */
    private void thin() {
        int kept = 0;
        for (int i = 0; i < steps.size(); i += 2) {
            steps.set(kept, steps.get(i));
            losses.set(kept, losses.get(i));
            validationLosses.set(kept, validationLosses.get(i));
            if (weights) {
                values.set(kept, values.get(i));
            }
            kept++;
        }
        truncate(kept);
        recordEvery *= 2;
    }

    private void truncate(int size) {
        steps.subList(size, steps.size()).clear();
        losses.subList(size, losses.size()).clear();
        validationLosses.subList(size, validationLosses.size()).clear();
        if (weights) {
            values.subList(size, values.size()).clear();
        }
    }

    /** Adds a record of this step with copies of the parameter values. */
    void add(int step, double loss, double validationLoss, List<DMatrixRMaj> parameters) {
        steps.add(step);
        losses.add(loss);
        validationLosses.add(validationLoss);
        if (weights) {
            double[][] copy = new double[parameters.size()][];
            for (int i = 0; i < copy.length; i++) {
                DMatrixRMaj p = parameters.get(i);
                copy[i] = Arrays.copyOf(p.data, p.getNumElements());
            }
            values.add(copy);
        }
    }

    /** Whether the final step still needs a record; makes room for it if the bound is reached. */
    boolean needsFinal(int step) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) == step) {
            return false;
        }
        if (steps.size() == maxRecords) {
            thin();
        }
        return true;
    }

    void lastBatchLoss(double loss) {
        this.lastBatchLoss = loss;
    }

    /** Says in toString (", weights not recorded: …") why the weights were left out. */
    void weightsLeftOut(String why) {
        weightsNote = why;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void finish(int iterations, String reason) {
        this.iterations = iterations;
        this.stoppedBecause = reason;
    }

    // ---- reading

    /** The number of records. */
    public int size() {
        return steps.size();
    }

    /** The steps taken in the run. */
    public int iterations() {
        return iterations;
    }

    /** Why training stopped, e.g. "maximum of 100 iterations reached". */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** The spacing k of the records now (the k asked for, doubled once per thinning). */
    public int recordEvery() {
        return recordEvery;
    }

    /** The memory bound: the most records this history keeps (bounded by records and by bytes). */
    public int maxRecords() {
        return maxRecords;
    }

    /** The step of each record: 0, k, 2k, …, and the final step. */
    public int[] steps() {
        int[] out = new int[steps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = steps.get(i);
        }
        return out;
    }

    /** The training loss of each record (whole training set, after that step's update). */
    public double[] losses() {
        return toArray(losses);
    }

    /** The validation loss of each record; NaN everywhere when there was no validation set. */
    public double[] validationLosses() {
        return toArray(validationLosses);
    }

    /**
     * The loss of the batch of the last step, before that step's update (the value the step
     * computed anyway); NaN before the first step.
     */
    public double lastBatchLoss() {
        return lastBatchLoss;
    }

    /** The training loss at the final step. */
    public double finalLoss() {
        if (losses.isEmpty()) {
            throw new IllegalStateException("the history holds no records (none are kept when the"
                    + " trainer was built with keepHistory(false))");
        }
        return losses.get(losses.size() - 1);
    }

    /**
     * What the run noticed without stopping: with {@code onDivergence(WARN)}, the iteration
     * at which the loss rose far above its start, and the latest losses. Empty for a run
     * that went well.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The parameter names, "W1", "b1", … */
    public List<String> parameterNames() {
        return List.copyOf(names);
    }

    /** Whether weight paths were recorded. */
    public boolean hasWeights() {
        return weights;
    }

    /** The value of entry (r, c) of parameter {@code name} at each record: its path. */
    public double[] path(String name, int r, int c) {
        requireWeights();
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("name: expected one of " + names + ", found \""
                    + name + "\"");
        }
        int rows = shapes[i][0];
        int cols = shapes[i][1];
        if (r < 0 || r >= rows) {
            throw new IllegalArgumentException("r: expected a row of " + name + " (" + rows + "x"
                    + cols + ") in 0.." + (rows - 1) + ", found " + r);
        }
        if (c < 0 || c >= cols) {
            throw new IllegalArgumentException("c: expected a column of " + name + " (" + rows + "x"
                    + cols + ") in 0.." + (cols - 1) + ", found " + c);
        }
        double[] out = new double[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k)[i][r * cols + c];
        }
        return out;
    }

    /** Columns step (int), loss (double), validation_loss (double, NaN when absent). */
    public Table lossTable() {
        return Table.create("loss",
                IntColumn.create("step", steps()),
                DoubleColumn.create("loss", losses()),
                DoubleColumn.create("validation_loss", validationLosses()));
    }

    /**
     * The weight paths in long format, one row per record and parameter entry: columns
     * step (int), parameter (string, "W1"), row (int), col (int), value (double); ordered by
     * step, then parameter, then row-major within the parameter.
     */
    public Table weightTable() {
        requireWeights();
        long entries = 0;
        for (int[] s : shapes) {
            entries += (long) s[0] * s[1];
        }
        long rows = entries * values.size();
        if (rows > WEIGHT_TABLE_MAX_ROWS) {
            throw new IllegalStateException("weightTable: " + values.size() + " records x " + entries
                    + " parameter entries make " + rows + " rows, more than the " + WEIGHT_TABLE_MAX_ROWS
                    + " a table is built with (about 50 bytes a row); read single entries with"
                    + " path(name, r, c), or record fewer steps (recordEvery, maxRecords)");
        }
        int n = (int) rows;
        int[] step = new int[n];
        String[] parameter = new String[n];
        int[] row = new int[n];
        int[] col = new int[n];
        double[] value = new double[n];
        int at = 0;
        for (int k = 0; k < values.size(); k++) {
            for (int i = 0; i < names.size(); i++) {
                int cols = shapes[i][1];
                double[] v = values.get(k)[i];
                for (int e = 0; e < v.length; e++) {
                    step[at] = steps.get(k);
                    parameter[at] = names.get(i);
                    row[at] = e / cols;
                    col[at] = e % cols;
                    value[at] = v[e];
                    at++;
                }
            }
        }
        return Table.create("weights",
                IntColumn.create("step", step),
                StringColumn.create("parameter", parameter),
                IntColumn.create("row", row),
                IntColumn.create("col", col),
                DoubleColumn.create("value", value));
    }

    private void requireWeights() {
        if (!weights) {
            throw new IllegalStateException("weight paths were not recorded ("
                    + (weightsNote.isEmpty() ? "recordWeights(false)" : weightsNote.substring(2)) + ")");
        }
    }

    private static double[] toArray(List<Double> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "History(%d iterations, %d records every %d steps, final loss %.6g, stopped: %s%s%s)",
                iterations, size(), recordEvery, losses.isEmpty() ? Double.NaN : finalLoss(),
                stoppedBecause, weightsNote, warnings.isEmpty() ? "" : ", warnings: " + warnings);
    }
}
