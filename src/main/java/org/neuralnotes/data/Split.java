package org.neuralnotes.data;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.random.Rng;

/**
 * Seeded train/test splits of examples (rows). The same generator state gives the same
 * split, run after run.
 *
 * <p>Plain split, {@link #trainTest}: n<sub>test</sub> = round(testFraction · N); one
 * permutation π = {@code rng.permutation(N)} is drawn, the test set is π[0 … n<sub>test</sub> − 1]
 * and the training set the rest, both in the order of π (so the rows come out shuffled).
 *
 * <p>Stratified split, {@link #stratified}: for each class k = 0, 1, … in turn, its rows
 * (in their original order) are permuted with {@code rng.permutation(n_k)} and the first
 * round(testFraction · n<sub>k</sub>) go to the test set; then the test set and the training
 * set are each shuffled once more ({@code rng.permutation} of their sizes, test first) so the
 * classes are mixed. Every class keeps (up to rounding) its share in both parts.
 */
public final class Split {
    private Split() {}

    /**
     * A split of X (inputs) and Y (targets) into training and test rows.
     *
     * @param Xtrain     training inputs, rows {@code trainIndex} of X
     * @param Ytrain     training targets, rows {@code trainIndex} of Y
     * @param Xtest      test inputs, rows {@code testIndex} of X
     * @param Ytest      test targets, rows {@code testIndex} of Y
     * @param trainIndex row numbers (into the original X and Y) of the training examples
     * @param testIndex  row numbers of the test examples
     */
    public record TrainTest(DMatrixRMaj Xtrain, DMatrixRMaj Ytrain, DMatrixRMaj Xtest,
                            DMatrixRMaj Ytest, int[] trainIndex, int[] testIndex) {
        /** Checks that each part has one row per index. */
        public TrainTest {
            Args.ints("trainIndex", trainIndex);
            Args.ints("testIndex", testIndex);
            rows("Xtrain", Xtrain, trainIndex.length, "trainIndex");
            rows("Ytrain", Ytrain, trainIndex.length, "trainIndex");
            rows("Xtest", Xtest, testIndex.length, "testIndex");
            rows("Ytest", Ytest, testIndex.length, "testIndex");
        }

        /**
         * The labels of the training rows: {@code labels[trainIndex[i]]}.
         *
         * @param labels one label per row of the original data
         */
        public int[] trainLabels(int[] labels) {
            Args.ints("labels", labels);
            Args.indices("trainIndex", trainIndex, labels.length);
            return select(labels, trainIndex);
        }

        /**
         * The labels of the test rows: {@code labels[testIndex[i]]}.
         *
         * @param labels one label per row of the original data
         */
        public int[] testLabels(int[] labels) {
            Args.ints("labels", labels);
            Args.indices("testIndex", testIndex, labels.length);
            return select(labels, testIndex);
        }

        private static void rows(String name, DMatrixRMaj M, int rows, String indexName) {
            Checks.nonEmpty(name, M);
            if (M.numRows != rows) {
                throw new IllegalArgumentException(name + ": expected " + rows + " rows (one per entry of "
                        + indexName + "), found " + Checks.shape(M));
            }
        }

        @Override
        public String toString() {
            return "TrainTest(train " + Checks.shape(Xtrain) + " -> " + Checks.shape(Ytrain)
                    + ", test " + Checks.shape(Xtest) + " -> " + Checks.shape(Ytest) + ")";
        }
    }

    /**
     * Split rows of X and Y at random: a fraction {@code testFraction} (rounded) for testing.
     *
     * @param X            N×p inputs
     * @param Y            N×K targets (same N)
     * @param testFraction share of the rows for testing, in (0, 1); the rounded count must
     *                     leave at least one row on each side
     * @param rng          the generator; one call to {@code rng.permutation(N)}
     */
    public static TrainTest trainTest(DMatrixRMaj X, DMatrixRMaj Y, double testFraction, Rng rng) {
        int N = checkXY(X, Y);
        int nTest = testCount(testFraction, N);
        Args.rng("rng", rng);
        int[] order = rng.permutation(N);
        int[] test = Arrays.copyOfRange(order, 0, nTest);
        int[] train = Arrays.copyOfRange(order, nTest, N);
        return take(X, Y, train, test);
    }

    /**
     * Split rows so that each class keeps its share in both parts (see the class comment for
     * the exact draw order).
     *
     * @param X            N×p inputs
     * @param Y            N×K targets
     * @param labels       the class of each row (N labels, each ≥ 0), e.g. {@link Dataset#y()}
     * @param testFraction share of each class for testing, in (0, 1)
     * @param rng          the generator
     */
    public static TrainTest stratified(DMatrixRMaj X, DMatrixRMaj Y, int[] labels,
                                       double testFraction, Rng rng) {
        int N = checkXY(X, Y);
        Args.nonNegativeLabels("labels", labels);
        if (labels.length != N) {
            throw new IllegalArgumentException("labels: expected " + N + " labels (one per row of X),"
                    + " found " + labels.length);
        }
        testCount(testFraction, N);
        Args.rng("rng", rng);
        int classes = Arrays.stream(labels).max().getAsInt() + 1;
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int nTest = 0;
        for (int k = 0; k < classes; k++) {
            nTest += (int) Math.round(testFraction * counts[k]);
        }
        if (nTest < 1 || nTest > N - 1) {
            throw new IllegalArgumentException("testFraction: expected a fraction that leaves at"
                    + " least one row in each part after rounding per class, found " + testFraction
                    + " (" + nTest + " of " + N + " rows for testing)");
        }
        int[] test = new int[nTest];
        int[] train = new int[N - nTest];
        int t = 0;
        int r = 0;
        for (int k = 0; k < classes; k++) {
            int[] members = new int[counts[k]];
            int m = 0;
            for (int i = 0; i < N; i++) {
                if (labels[i] == k) {
                    members[m++] = i;
                }
            }
            int[] order = rng.permutation(counts[k]);
            int kTest = (int) Math.round(testFraction * counts[k]);
            for (int j = 0; j < counts[k]; j++) {
                if (j < kTest) {
                    test[t++] = members[order[j]];
                } else {
                    train[r++] = members[order[j]];
                }
            }
        }
        test = select(test, rng.permutation(test.length));
        train = select(train, rng.permutation(train.length));
        return take(X, Y, train, test);
    }

    /**
     * The rows of M listed in {@code rows}, in that order (repeats allowed).
     *
     * @param M    matrix to read
     * @param rows row numbers, each in {0, …, M.numRows − 1}
     */
    public static DMatrixRMaj selectRows(DMatrixRMaj M, int[] rows) {
        Checks.nonEmpty("M", M);
        Args.indices("rows", rows, M.numRows);
        int p = M.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows.length, p);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(M.data, rows[i] * p, out.data, i * p, p);
        }
        return out;
    }

    /**
     * The entries of {@code values} at {@code index}: out[i] = values[index[i]].
     *
     * @param values array to read
     * @param index  positions, each in {0, …, values.length − 1}
     */
    public static int[] select(int[] values, int[] index) {
        Args.ints("values", values);
        Args.indices("index", index, values.length);
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = values[index[i]];
        }
        return out;
    }

    private static TrainTest take(DMatrixRMaj X, DMatrixRMaj Y, int[] train, int[] test) {
        return new TrainTest(selectRows(X, train), selectRows(Y, train),
                selectRows(X, test), selectRows(Y, test), train, test);
    }

    private static int checkXY(DMatrixRMaj X, DMatrixRMaj Y) {
        Checks.nonEmpty("X", X);
        Checks.nonEmpty("Y", Y);
        if (Y.numRows != X.numRows) {
            throw new IllegalArgumentException("Y: expected " + X.numRows + " rows (as X, "
                    + Checks.shape(X) + "), found " + Checks.shape(Y));
        }
        if (X.numRows < 2) {
            throw new IllegalArgumentException("X: expected at least 2 rows to split, found "
                    + Checks.shape(X));
        }
        return X.numRows;
    }

    private static int testCount(double testFraction, int N) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction: expected a number in (0, 1), found "
                    + testFraction);
        }
        int nTest = (int) Math.round(testFraction * N);
        if (nTest < 1 || nTest > N - 1) {
            throw new IllegalArgumentException("testFraction: expected a fraction that leaves at"
                    + " least one row in each part, found " + testFraction + " (" + nTest + " of "
                    + N + " rows for testing)");
        }
        return nTest;
    }
}
