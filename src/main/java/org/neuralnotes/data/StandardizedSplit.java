package org.neuralnotes.data;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.random.Rng;

/**
 * A data set split into training and test rows, stratified by class, with every input column
 * standardized by the mean and spread of the <em>training</em> rows (the test rows are measured
 * on the same scale). The targets are the labels as one column (two classes, as note 001's
 * logistic regression reads them) or one-hot rows (more classes).
 *
 * <pre>{@code
 * StandardizedSplit s = StandardizedSplit.of(Datasets.breastCancer(), 0.25, new Rng(SEED));
 * DMatrixRMaj X = s.X(), Y = s.Y(), Xtest = s.Xtest(), Ytest = s.Ytest();
 * }</pre>
 *
 * @param data   the whole data set
 * @param split  the split before scaling (row numbers, raw inputs)
 * @param scaler the standardizer fitted on the training inputs
 * @param X      standardized training inputs
 * @param Y      training targets
 * @param Xtest  standardized test inputs
 * @param Ytest  test targets
 */
public record StandardizedSplit(Dataset data, Split.TrainTest split, Standardizer scaler,
                                DMatrixRMaj X, DMatrixRMaj Y, DMatrixRMaj Xtest, DMatrixRMaj Ytest) {

    /**
     * Splits {@code data} with {@link Split#stratified} (a share {@code testFraction} of each class
     * for testing, drawn with {@code rng}) and standardizes the inputs on the training rows.
     */
    public static StandardizedSplit of(Dataset data, double testFraction, Rng rng) {
        if (data == null) {
            throw new IllegalArgumentException("data: expected a data set, found null");
        }
        Split.TrainTest split = Split.stratified(data.X(), targets(data), data.y(), testFraction, rng);
        Standardizer scaler = Standardizer.fit(split.Xtrain());
        return new StandardizedSplit(data, split, scaler, scaler.transform(split.Xtrain()), split.Ytrain(),
                scaler.transform(split.Xtest()), split.Ytest());
    }

    /**
     * The same split with only the named input columns, in the order named (to draw a model of two
     * features in the plane): X and Xtest keep those columns; data, split and scaler still describe
     * every feature.
     */
    public StandardizedSplit features(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("names: expected at least one feature name, found none");
        }
        int[] cols = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            cols[c] = data.featureNames().indexOf(names[c]);
            if (cols[c] < 0) {
                throw new IllegalArgumentException("names: expected features of " + data.name() + " such as "
                        + data.featureNames().get(0) + ", found \"" + names[c] + "\"");
            }
        }
        return new StandardizedSplit(data, split, scaler, columns(X, cols), Y, columns(Xtest, cols), Ytest);
    }

    private static DMatrixRMaj columns(DMatrixRMaj M, int[] cols) {
        DMatrixRMaj out = new DMatrixRMaj(M.numRows, cols.length);
        for (int i = 0; i < M.numRows; i++) {
            for (int c = 0; c < cols.length; c++) {
                out.set(i, c, M.get(i, cols[c]));
            }
        }
        return out;
    }

    /** The labels of the training rows. */
    public int[] trainLabels() {
        return split.trainLabels(data.y());
    }

    /** The labels of the test rows. */
    public int[] testLabels() {
        return split.testLabels(data.y());
    }

    /** A two-class label column (N×1 of 0 and 1), or one-hot rows for more classes. */
    private static DMatrixRMaj targets(Dataset data) {
        if (data.classes() > 2) {
            return data.oneHot();
        }
        DMatrixRMaj labels = new DMatrixRMaj(data.n(), 1);
        for (int i = 0; i < data.n(); i++) {
            labels.data[i] = data.y()[i];
        }
        return labels;
    }

    @Override
    public String toString() {
        return data.name() + ": " + split + ", standardized on the training rows";
    }
}
