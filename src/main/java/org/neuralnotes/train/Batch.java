package org.neuralnotes.train;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * The examples one training step sees: a value, made by a {@link Batching.Sampler} and never
 * changed. It is one of three kinds:
 * <ul>
 *   <li>{@link #all(int)}: every one of the n rows, in order (full batch);</li>
 *   <li>{@link #range(int, int)}: the rows first, first + 1, …, first + size − 1;</li>
 *   <li>{@link #of(int...)}: the rows listed, in that order (a shuffled or drawn batch).</li>
 * </ul>
 * {@link #rows(DMatrixRMaj)} gives the batch's rows of a matrix (of X, of Y): for all rows the
 * matrix itself, otherwise a copy.
 *
 * <pre>{@code
 * Batch batch = sampler.next();
 * DMatrixRMaj Xb = batch.rows(X), Yb = batch.rows(Y);
 * }</pre>
 */
public final class Batch {
    private final int first;
    private final int size;
    /** the rows listed, or null for the rows first … first + size − 1 */
    private final int[] rows;
    private final boolean all;

    private Batch(int first, int size, int[] rows, boolean all) {
        this.first = first;
        this.size = size;
        this.rows = rows;
        this.all = all;
    }

    /** All n rows, in order. */
    public static Batch all(int n) {
        return new Batch(0, Checks.positive("n", n), null, true);
    }

    /** The {@code size} consecutive rows starting at row {@code first}. */
    public static Batch range(int first, int size) {
        if (first < 0) {
            throw new IllegalArgumentException("first: expected a row index >= 0, found " + first);
        }
        return new Batch(first, Checks.positive("size", size), null, false);
    }

    /** These rows, in this order (the array is copied). */
    public static Batch of(int... rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("rows: expected at least one row index, found "
                    + (rows == null ? "null" : "none"));
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0) {
                throw new IllegalArgumentException("rows: expected row indices >= 0, found " + rows[i]
                        + " at position " + i);
            }
        }
        return new Batch(0, rows.length, rows.clone(), false);
    }

    /** The number of rows in the batch. */
    public int size() {
        return size;
    }

    /** Whether the batch is every row of the data, in order. */
    public boolean isAll() {
        return all;
    }

    /** The i-th row of the batch, as a row index of the data (i = 0 … size − 1). */
    public int row(int i) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("i: expected a position in 0.." + (size - 1) + ", found " + i);
        }
        return rows == null ? first + i : rows[i];
    }

    /** The row indices of the batch, in order (a new array). */
    public int[] indices() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** The batch's rows of M: M itself for all rows, otherwise a new matrix of size × M's columns. */
    public DMatrixRMaj rows(DMatrixRMaj M) {
        return rows(M, new DMatrixRMaj(1, 1));
    }

    /**
     * The batch's rows of M: M itself for all rows (then {@code into} is untouched), otherwise
     * copied into {@code into}, reshaped to size × M's columns, which is returned. A training
     * loop passes the same {@code into} every step, so the copies allocate nothing.
     */
    public DMatrixRMaj rows(DMatrixRMaj M, DMatrixRMaj into) {
        Checks.nonEmpty("M", M);
        int last = rows == null ? first + size - 1 : Arrays.stream(rows).max().getAsInt();
        if (last >= M.numRows || (all && size != M.numRows)) {
            throw new IllegalArgumentException("M: expected " + (all ? size : "more than " + last)
                    + " rows for " + this + ", found " + Checks.shape(M));
        }
        if (all) {
            return M;
        }
        Checks.notSame("into", into, "M", M);
        int cols = M.numCols;
        into.reshape(size, cols);
        if (rows == null) {
            // one block of consecutive rows
            System.arraycopy(M.data, first * cols, into.data, 0, size * cols);
        } else {
            for (int i = 0; i < size; i++) {
                System.arraycopy(M.data, rows[i] * cols, into.data, i * cols, cols);
            }
        }
        return into;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Batch)) {
            return false;
        }
        Batch b = (Batch) o;
        return all == b.all && size == b.size && Arrays.equals(indices(), b.indices());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices()) * 31 + (all ? 1 : 0);
    }

    @Override
    public String toString() {
        if (all) {
            return "Batch(all " + size + " rows)";
        }
        if (rows == null) {
            return "Batch(rows " + first + ".." + (first + size - 1) + ")";
        }
        return size <= 8 ? "Batch(rows " + Arrays.toString(rows) + ")"
                : "Batch(" + size + " rows " + Arrays.toString(Arrays.copyOf(rows, 8)).replace("]", ", …])");
    }
}
