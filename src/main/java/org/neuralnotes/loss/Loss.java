package org.neuralnotes.loss;

import org.ejml.data.DMatrixRMaj;

/**
 * A loss L(Ŷ, Y) over a batch whose rows are examples, with its gradient ∂L/∂Ŷ.
 * Each implementation states its normalization (sum, mean over examples, mean over
 * entries), because the notes use all three.
 */
public interface Loss {

    /** A short name, as it appears in summaries. */
    String name();

    /** L(Ŷ, Y) for predictions Ŷ and targets Y of the same shape. */
    double value(DMatrixRMaj Yhat, DMatrixRMaj Y);

    /** ∂L/∂Ŷ, the same shape as Ŷ. */
    DMatrixRMaj gradient(DMatrixRMaj Yhat, DMatrixRMaj Y);
}
