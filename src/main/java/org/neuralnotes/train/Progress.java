package org.neuralnotes.train;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.nn.Network;

/**
 * Where training stands after a step: what a {@link StoppingRule} looks at.
 *
 * @param step         the number of steps taken, 1 after the first
 * @param epoch        the number of epochs completed
 * @param loss         the loss of this step's batch, computed before its update
 * @param previousLoss the loss of the previous step's batch; NaN after the first step
 * @param network      the network after this step's update (live)
 * @param X            the training inputs (N × inputs)
 * @param Y            the training targets (N × outputs)
 * @param validationX  the validation inputs, or null when there are none
 * @param validationY  the validation targets, or null when there are none
 */
public record Progress(int step, int epoch, double loss, double previousLoss, Network network,
                       DMatrixRMaj X, DMatrixRMaj Y, DMatrixRMaj validationX,
                       DMatrixRMaj validationY) {

    /** Whether a validation set was given. */
    public boolean hasValidation() {
        return validationX != null;
    }
}
