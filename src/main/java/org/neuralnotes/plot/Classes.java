package org.neuralnotes.plot;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/** Class labels from the rows of Y or Ŷ, as the notes encode them. */
final class Classes {
    private Classes() {}

    /**
     * The class of each row: with one column, 1 when the entry is at least 0.5, else 0 (a
     * label in {0, 1} or a sigmoid output); with K ≥ 2 columns, the column of the largest
     * entry (a one-hot label or a softmax output; the first one on ties).
     */
    static int[] of(String name, DMatrixRMaj m) {
        Checks.finite(name, m);
        int[] c = new int[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            if (m.numCols == 1) {
                c[i] = m.get(i, 0) >= 0.5 ? 1 : 0;
            } else {
                int best = 0;
                for (int j = 1; j < m.numCols; j++) {
                    if (m.get(i, j) > m.get(i, best)) {
                        best = j;
                    }
                }
                c[i] = best;
            }
        }
        return c;
    }

    /** Number of classes a matrix of this many columns encodes (1 column: 2 classes). */
    static int count(DMatrixRMaj m) {
        return m.numCols == 1 ? 2 : m.numCols;
    }
}
