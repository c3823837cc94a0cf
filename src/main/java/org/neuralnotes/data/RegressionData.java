package org.neuralnotes.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import tech.tablesaw.api.Table;

/**
 * A regression dataset, rows = examples: inputs X (N×p) and real targets Y (N×q), with the
 * names of the columns and a description of where the numbers come from.
 *
 * @param name         short name, e.g. "note000"
 * @param X            N×p inputs, finite values
 * @param Y            N×q targets, finite values, same N
 * @param featureNames p distinct names for the columns of X
 * @param targetNames  q distinct names for the columns of Y
 * @param description  how the data were made
 */
public record RegressionData(String name, DMatrixRMaj X, DMatrixRMaj Y, List<String> featureNames,
                             List<String> targetNames, String description) {

    /** Validates every part; the lists are copied (unmodifiable). */
    public RegressionData {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-blank name, found "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        Checks.finite("X", X);
        Checks.finite("Y", Y);
        if (Y.numRows != X.numRows) {
            throw new IllegalArgumentException("Y: expected " + X.numRows + " rows (as X, "
                    + Checks.shape(X) + "), found " + Checks.shape(Y));
        }
        Args.notNull("featureNames", featureNames, X.numCols + " feature names");
        Args.names("featureNames", featureNames.toArray(new String[0]), X.numCols);
        Args.notNull("targetNames", targetNames, Y.numCols + " target names");
        Args.names("targetNames", targetNames.toArray(new String[0]), Y.numCols);
        Args.notNull("description", description, "a description");
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
        List<String> all = new ArrayList<>(featureNames);
        all.addAll(targetNames);
        Args.names("targetNames", all.toArray(new String[0]), all.size());
    }

    /** N, the number of examples. */
    public int n() {
        return X.numRows;
    }

    /** The data as one table: the columns of X, then those of Y, all doubles. */
    public Table toTable() {
        DMatrixRMaj XY = new DMatrixRMaj(X.numRows, X.numCols + Y.numCols);
        for (int i = 0; i < X.numRows; i++) {
            System.arraycopy(X.data, i * X.numCols, XY.data, i * XY.numCols, X.numCols);
            System.arraycopy(Y.data, i * Y.numCols, XY.data, i * XY.numCols + X.numCols, Y.numCols);
        }
        List<String> names = new ArrayList<>(featureNames);
        names.addAll(targetNames);
        return Tables.fromMatrix(XY, names.toArray(new String[0])).setName(name);
    }

    @Override
    public String toString() {
        return name + ": " + n() + " examples, X " + Checks.shape(X) + " " + featureNames
                + ", Y " + Checks.shape(Y) + " " + targetNames;
    }
}
