package org.neuralnotes.data;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * One-hot targets for classification, rows = examples.
 *
 * <p>Label y<sub>i</sub> = k becomes row i of Y with a 1 in column k and 0 elsewhere, so
 * that Y is N×K as the categorical cross-entropy −Σ<sub>i</sub>Σ<sub>m</sub> y<sub>im</sub> ln ŷ<sub>im</sub>
 * of note 000 expects. {@link #argmax} goes the other way for predictions (the class of the
 * largest output in each row); {@link #decode} inverts {@link #encode} exactly and refuses
 * rows that are not one-hot.
 */
public final class OneHot {
    private OneHot() {}

    /**
     * The N×K one-hot matrix of {@code labels}.
     *
     * @param labels  class labels y<sub>i</sub>, each in {0, …, classes − 1}
     * @param classes K, the number of classes (at least 1)
     * @throws IllegalArgumentException if labels is null or empty, classes &lt; 1, or a label
     *         is out of range (the message names the index and the value)
     */
    public static DMatrixRMaj encode(int[] labels, int classes) {
        Checks.positive("classes", classes);
        Args.labels("labels", labels, classes);
        DMatrixRMaj Y = new DMatrixRMaj(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            // Y[i, y_i] = 1
            Y.data[i * classes + labels[i]] = 1.0;
        }
        return Y;
    }

    /**
     * The labels of a one-hot matrix: the column of the single 1 in each row.
     *
     * @param Y N×K matrix whose rows each hold one 1 and K − 1 zeros
     * @throws IllegalArgumentException if Y is null, empty, or a row is not one-hot
     */
    public static int[] decode(DMatrixRMaj Y) {
        Checks.nonEmpty("Y", Y);
        int K = Y.numCols;
        int[] labels = new int[Y.numRows];
        for (int i = 0; i < Y.numRows; i++) {
            int hot = -1;
            for (int k = 0; k < K; k++) {
                double v = Y.data[i * K + k];
                if (v == 1.0 && hot < 0) {
                    hot = k;
                } else if (v != 0.0) {
                    throw new IllegalArgumentException("Y: expected one-hot rows (a single 1, zeros"
                            + " elsewhere), found " + v + " at row " + i + ", column " + k);
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException("Y: expected one-hot rows (a single 1, zeros"
                        + " elsewhere), found no 1 in row " + i);
            }
            labels[i] = hot;
        }
        return labels;
    }

    /**
     * The predicted class of each row: the column of its largest entry (the first such
     * column on a tie). Works on any scores — probabilities from a softmax, logits, one-hot rows.
     *
     * @param A N×K matrix of finite scores
     * @throws IllegalArgumentException if A is null, empty, or holds NaN or infinity
     */
    public static int[] argmax(DMatrixRMaj A) {
        Checks.finite("A", A);
        int K = A.numCols;
        int[] labels = new int[A.numRows];
        for (int i = 0; i < A.numRows; i++) {
            int best = 0;
            double max = A.data[i * K];
            for (int k = 1; k < K; k++) {
                double v = A.data[i * K + k];
                if (v > max) {
                    max = v;
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /**
     * How many labels fall in each class: counts[k] = #{i : y<sub>i</sub> = k}.
     *
     * @param labels  class labels, each in {0, …, classes − 1}
     * @param classes K (at least 1)
     */
    public static int[] counts(int[] labels, int classes) {
        Checks.positive("classes", classes);
        Args.labels("labels", labels, classes);
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The fraction of positions where the two label arrays agree (accuracy of predictions).
     *
     * @param predicted predicted labels
     * @param actual    true labels, same length
     */
    public static double accuracy(int[] predicted, int[] actual) {
        Args.labels("predicted", predicted);
        Args.labels("actual", actual);
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("actual: expected " + predicted.length
                    + " labels (as predicted), found " + actual.length);
        }
        int hits = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                hits++;
            }
        }
        return (double) hits / actual.length;
    }
}
