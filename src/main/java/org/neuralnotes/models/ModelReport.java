package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;

/**
 * What note 001's {@code model()} returns: the trained model, its training run, the
 * predictions on both sets and their accuracies (shares in [0, 1]; {@link #toString()}
 * prints them in percent, as the note does).
 */
public record ModelReport(LogisticRegression model, FitResult fit, DMatrixRMaj trainPredictions,
                          DMatrixRMaj testPredictions, double trainAccuracy, double testAccuracy) {

    /** The training accuracy in percent: 100 − mean|ŷ − y|·100. */
    public double trainAccuracyPercent() {
        return 100 * trainAccuracy;
    }

    /** The test accuracy in percent. */
    public double testAccuracyPercent() {
        return 100 * testAccuracy;
    }

    @Override
    public String toString() {
        return String.format("Training accuracy: %.2f%%%nTest accuracy: %.2f%%%n%s", trainAccuracyPercent(),
                testAccuracyPercent(), fit.settings());
    }
}
