package org.neuralnotes.data;

import org.neuralnotes.random.Rng;

/**
 * Argument checks this package needs beyond {@link org.neuralnotes.linalg.Checks}: arrays,
 * generators and names. Messages follow the same pattern: the argument, what was expected,
 * what was found.
 */
final class Args {
    private Args() {}

    static <T> T notNull(String name, T value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": expected " + expected + ", found null");
        }
        return value;
    }

    static Rng rng(String name, Rng rng) {
        return notNull(name, rng, "a random generator (org.neuralnotes.random.Rng)");
    }

    /** An int[] that exists and is non-empty. */
    static int[] ints(String name, int[] values) {
        notNull(name, values, "an int[]");
        if (values.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one entry, found an empty array");
        }
        return values;
    }

    /** Labels must exist and be non-empty. */
    static int[] labels(String name, int[] labels) {
        return ints(name, labels);
    }

    /** Positions into something of length {@code bound}: each in {0, …, bound − 1}. */
    static int[] indices(String name, int[] index, int bound) {
        ints(name, index);
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= bound) {
                throw new IllegalArgumentException(name + ": expected indices in [0, " + bound
                        + "), found " + index[i] + " at position " + i);
            }
        }
        return index;
    }

    /** Every label must lie in {0, …, classes − 1}. */
    static int[] labels(String name, int[] labels, int classes) {
        labels(name, labels);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": expected labels in [0, " + classes
                        + ") (classes = " + classes + "), found " + labels[i] + " at index " + i);
            }
        }
        return labels;
    }

    /** Every label must be at least zero. */
    static int[] nonNegativeLabels(String name, int[] labels) {
        labels(name, labels);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(name + ": expected labels >= 0, found "
                        + labels[i] + " at index " + i);
            }
        }
        return labels;
    }

    /** A rectangular, non-empty double[][] with finite entries; returns its column count. */
    static int rectangular(String name, double[][] rows) {
        notNull(name, rows, "a double[][] of rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one row, found 0 rows");
        }
        if (rows[0] == null) {
            throw new IllegalArgumentException(name + ": expected a row at index 0, found null");
        }
        int p = rows[0].length;
        if (p == 0) {
            throw new IllegalArgumentException(name + ": expected at least one column, found row 0 of length 0");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException(name + ": expected a row at index " + i + ", found null");
            }
            if (rows[i].length != p) {
                throw new IllegalArgumentException(name + ": expected every row of length " + p
                        + " (as row 0), found length " + rows[i].length + " at row " + i
                        + " (ragged array)");
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(name + ": expected finite values, found "
                            + rows[i][j] + " at row " + i + ", column " + j);
                }
            }
        }
        return p;
    }

    /** Names must be non-null, non-blank, distinct and exactly {@code count} of them. */
    static String[] names(String name, String[] names, int count) {
        notNull(name, names, count + " names");
        if (names.length != count) {
            throw new IllegalArgumentException(name + ": expected " + count + " names, found "
                    + names.length);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException(name + ": expected a non-blank name at index " + i
                        + ", found " + (names[i] == null ? "null" : "\"" + names[i] + "\""));
            }
            if (!seen.add(names[i])) {
                throw new IllegalArgumentException(name + ": expected distinct names, found \""
                        + names[i] + "\" twice (again at index " + i + ")");
            }
        }
        return names;
    }
}
