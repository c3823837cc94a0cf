package org.neuralnotes.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import tech.tablesaw.api.Table;

/**
 * A classification dataset, rows = examples: inputs X (N×p), class labels y (N labels in
 * {0, …, K − 1}), the names of the p features and of the K classes, and where the data come
 * from.
 *
 * <p>The record holds references: {@link Datasets} builds a fresh copy on every call, so
 * changing one copy's X does not change another's. Two datasets compare equal only if they
 * share the same X and y objects (records compare arrays and matrices by identity).
 *
 * @param name         short name, e.g. "breast_cancer"
 * @param X            N×p inputs, finite values
 * @param y            N class labels, each in {0, …, classNames.size() − 1}
 * @param featureNames p distinct feature names, in column order
 * @param classNames   K distinct class names; label k names classNames.get(k)
 * @param description  what the data are, with the citation of the original source
 * @param source       where the file comes from (repository, DOI)
 * @param licence      the licence of the data
 */
public record Dataset(String name, DMatrixRMaj X, int[] y, List<String> featureNames,
                      List<String> classNames, String description, String source, String licence) {

    /** Validates every part; the lists are copied (unmodifiable). */
    public Dataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-blank name, found "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        Checks.finite("X", X);
        Args.notNull("featureNames", featureNames, X.numCols + " feature names");
        Args.names("featureNames", featureNames.toArray(new String[0]), X.numCols);
        Args.notNull("classNames", classNames, "a list of class names");
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames: expected at least one class name, found none");
        }
        Args.names("classNames", classNames.toArray(new String[0]), classNames.size());
        Args.labels("y", y, classNames.size());
        if (y.length != X.numRows) {
            throw new IllegalArgumentException("y: expected " + X.numRows + " labels (one per row of X, "
                    + Checks.shape(X) + "), found " + y.length);
        }
        Args.notNull("description", description, "a description");
        Args.notNull("source", source, "a source");
        Args.notNull("licence", licence, "a licence");
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    /** N, the number of examples. */
    public int n() {
        return X.numRows;
    }

    /** p, the number of features. */
    public int p() {
        return X.numCols;
    }

    /** K, the number of classes. */
    public int classes() {
        return classNames.size();
    }

    /** How many examples each class has: counts[k] = #{i : y<sub>i</sub> = k}. */
    public int[] classCounts() {
        return OneHot.counts(y, classes());
    }

    /** The N×K one-hot targets Y of the labels (see {@link OneHot#encode}). */
    public DMatrixRMaj oneHot() {
        return OneHot.encode(y, classes());
    }

    /**
     * The data as a table: one double column per feature (named as the features) and an int
     * column "label" with y.
     */
    public Table toTable() {
        if (featureNames.contains("label")) {
            throw new IllegalStateException("toTable: a feature is already named \"label\"");
        }
        Table table = Tables.fromMatrix(X, featureNames.toArray(new String[0]));
        table.addColumns(Tables.labelColumn("label", y));
        return table.setName(name);
    }

    /** A one-line summary: name, shape and class counts. */
    @Override
    public String toString() {
        int[] counts = classCounts();
        StringBuilder s = new StringBuilder(name).append(": ").append(n()).append(" examples x ")
                .append(p()).append(" features, ").append(classes()).append(" classes (");
        for (int k = 0; k < counts.length; k++) {
            s.append(k == 0 ? "" : ", ").append(k).append(' ').append(classNames.get(k))
                    .append(": ").append(counts[k]);
        }
        return s.append(')').toString();
    }
}
