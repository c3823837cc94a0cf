package org.neuralnotes.data;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conversions between Tablesaw tables, {@code double[][]} and {@link DMatrixRMaj}, rows =
 * examples throughout: table row i is matrix row i and {@code rows[i]}; the chosen columns
 * become matrix columns in the order they are named.
 *
 * <p>Missing values (Tablesaw's NaN in a double column, its sentinel in an int column),
 * NaN and infinities are refused with the column and row, as are ragged or empty arrays.
 */
public final class Tables {
    private Tables() {}

    /**
     * The named numeric columns of a table as an N×p matrix.
     *
     * @param table   a table with at least one row
     * @param columns names of numeric columns (at least one), in the order wanted
     * @throws IllegalArgumentException if a name is unknown or not numeric, or a value is
     *         missing or not finite
     */
    public static DMatrixRMaj toMatrix(Table table, String... columns) {
        NumericColumn<?>[] chosen = numericColumns(table, columns);
        int N = table.rowCount();
        int p = chosen.length;
        DMatrixRMaj X = new DMatrixRMaj(N, p);
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < N; i++) {
                X.data[i * p + j] = value(chosen[j], i);
            }
        }
        return X;
    }

    /**
     * The named numeric columns of a table as rows: {@code rows[i][j]} is row i of column
     * {@code columns[j]}.
     *
     * @see #toMatrix(Table, String...)
     */
    public static double[][] toArray(Table table, String... columns) {
        NumericColumn<?>[] chosen = numericColumns(table, columns);
        int N = table.rowCount();
        double[][] rows = new double[N][chosen.length];
        for (int j = 0; j < chosen.length; j++) {
            for (int i = 0; i < N; i++) {
                rows[i][j] = value(chosen[j], i);
            }
        }
        return rows;
    }

    /**
     * A matrix as a table of double columns with the given names.
     *
     * @param M           N×p matrix (non-empty; NaN and infinities are refused)
     * @param columnNames p distinct, non-blank names
     */
    public static Table fromMatrix(DMatrixRMaj M, String... columnNames) {
        Checks.finite("M", M);
        Args.names("columnNames", columnNames, M.numCols);
        int N = M.numRows;
        int p = M.numCols;
        Table table = Table.create("data");
        for (int j = 0; j < p; j++) {
            double[] column = new double[N];
            for (int i = 0; i < N; i++) {
                column[i] = M.data[i * p + j];
            }
            table.addColumns(DoubleColumn.create(columnNames[j], column));
        }
        return table;
    }

    /**
     * Rows of numbers as a table of double columns with the given names.
     *
     * @param rows        N rows of equal length p (not ragged, not empty, finite values)
     * @param columnNames p distinct, non-blank names
     */
    public static Table fromArray(double[][] rows, String... columnNames) {
        return fromMatrix(toMatrix(rows), columnNames);
    }

    /**
     * Rows of numbers as an N×p matrix (a copy).
     *
     * @param rows N rows of equal length p ≥ 1, finite values
     * @throws IllegalArgumentException for null, no rows, an empty or null row, a ragged array
     *         (the message names the first row whose length differs), NaN or infinity
     */
    public static DMatrixRMaj toMatrix(double[][] rows) {
        int p = Args.rectangular("rows", rows);
        DMatrixRMaj M = new DMatrixRMaj(rows.length, p);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, M.data, i * p, p);
        }
        return M;
    }

    /**
     * A matrix as rows of numbers (a copy): {@code rows[i][j]} = M(i, j).
     *
     * @param M a non-empty matrix
     */
    public static double[][] toArray(DMatrixRMaj M) {
        Checks.nonEmpty("M", M);
        int p = M.numCols;
        double[][] rows = new double[M.numRows][p];
        for (int i = 0; i < M.numRows; i++) {
            System.arraycopy(M.data, i * p, rows[i], 0, p);
        }
        return rows;
    }

    /**
     * A column of integer labels as an int[].
     *
     * @param table  a table with at least one row
     * @param column name of a numeric column whose values are whole numbers in int range
     * @throws IllegalArgumentException if the column is unknown, not numeric, has a missing
     *         value or a value that is not a whole number
     */
    public static int[] labels(Table table, String column) {
        NumericColumn<?> c = numericColumns(table, new String[] {column})[0];
        int[] labels = new int[table.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            double v = value(c, i);
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("column: expected whole-number labels in \""
                        + c.name() + "\", found " + v + " at row " + i);
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /**
     * Labels as an int column, ready for {@code table.addColumns(...)}.
     *
     * @param name   the column's name (non-blank)
     * @param labels the labels (at least one)
     */
    public static IntColumn labelColumn(String name, int[] labels) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-blank column name, found "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        Args.labels("labels", labels);
        return IntColumn.create(name, labels.clone());
    }

    /**
     * Prints every double column of {@code table} with one decimal pattern ("0.0000", "0.000E0"),
     * the same on every machine (a '.' decimal point whatever the locale); a missing value (NaN)
     * prints as {@code missing}. Returns the table, so {@code rounded(t, "0.00").print()} reads in one line.
     *
     * @param table   the table whose double columns get the pattern
     * @param pattern a {@link DecimalFormat} pattern
     * @param missing the text shown for NaN, e.g. "" or "diverged"
     */
    public static Table rounded(Table table, String pattern, String missing) {
        Args.notNull("table", table, "a Tablesaw table");
        Args.notNull("missing", missing, "the text for a missing value");
        DecimalFormat format;
        try {
            format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("pattern: expected a decimal pattern such as \"0.0000\", found "
                    + (pattern == null ? "null" : "\"" + pattern + "\""));
        }
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(format, missing);
            }
        }
        return table;
    }

    /** {@link #rounded(Table, String, String)} with missing values shown as an empty cell. */
    public static Table rounded(Table table, String pattern) {
        return rounded(table, pattern, "");
    }

    private static NumericColumn<?>[] numericColumns(Table table, String[] columns) {
        Args.notNull("table", table, "a Tablesaw table");
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table: expected at least one row, found 0 rows in \""
                    + table.name() + "\"");
        }
        Args.notNull("columns", columns, "column names");
        if (columns.length == 0) {
            throw new IllegalArgumentException("columns: expected at least one column name, found none"
                    + " (the table has " + table.columnNames() + ")");
        }
        NumericColumn<?>[] chosen = new NumericColumn<?>[columns.length];
        for (int j = 0; j < columns.length; j++) {
            String name = columns[j];
            Column<?> found = null;
            for (Column<?> c : table.columns()) {
                if (c.name().equals(name)) {
                    found = c;
                    break;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("columns: expected names of columns in the table "
                        + table.columnNames() + ", found \"" + name + "\" at index " + j);
            }
            if (!(found instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("columns: expected a numeric column, found \""
                        + name + "\" of type " + found.type().name());
            }
            chosen[j] = (NumericColumn<?>) found;
        }
        return chosen;
    }

    private static double value(NumericColumn<?> column, int row) {
        if (column.isMissing(row)) {
            throw new IllegalArgumentException("table: expected no missing values, found one in column \""
                    + column.name() + "\" at row " + row);
        }
        double v = column.getDouble(row);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("table: expected finite values, found " + v
                    + " in column \"" + column.name() + "\" at row " + row);
        }
        return v;
    }
}
