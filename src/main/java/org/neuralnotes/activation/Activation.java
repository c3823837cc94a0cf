package org.neuralnotes.activation;

import org.ejml.data.DMatrixRMaj;

/**
 * An activation g applied to a layer's pre-activations Z, with its backward step.
 *
 * <p>Rows are examples. {@link #forward} computes A = g(Z); {@link #backward} turns the
 * loss gradient with respect to A into the gradient with respect to Z. Both return new
 * matrices and leave their arguments untouched; their two-matrix forms write into a matrix
 * the caller owns (reshaped as needed), so a training loop can reuse its buffers.
 */
public interface Activation {

    /** A short name, as it appears in summaries ("relu", "sigmoid", …). */
    String name();

    /** A = g(Z) */
    DMatrixRMaj forward(DMatrixRMaj Z);

    /**
     * dZ = ∂L/∂Z from dA = ∂L/∂A. For an element-wise g this is g'(Z) ⊙ dA; for softmax
     * it goes through the Jacobian of each row.
     *
     * @param Z  the pre-activations of the forward pass
     * @param A  g(Z), as the forward pass returned it
     * @param dA ∂L/∂A, the same shape as A
     */
    DMatrixRMaj backward(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj dA);

    /**
     * A = g(Z) written into {@code A}, reshaped to the shape of Z. {@code A} must be another
     * matrix than Z. The default copies the result of {@link #forward(DMatrixRMaj)}.
     */
    default void forward(DMatrixRMaj Z, DMatrixRMaj A) {
        DMatrixRMaj result = forward(Z);
        A.reshape(result.numRows, result.numCols);
        System.arraycopy(result.data, 0, A.data, 0, result.getNumElements());
    }

    /**
     * dZ = ∂L/∂Z written into {@code dZ}, reshaped to the shape of dA. {@code dZ} may be
     * {@code dA} itself. The default copies the result of
     * {@link #backward(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}.
     */
    default void backward(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj dA, DMatrixRMaj dZ) {
        DMatrixRMaj result = backward(Z, A, dA);
        dZ.reshape(result.numRows, result.numCols);
        System.arraycopy(result.data, 0, dZ.data, 0, result.getNumElements());
    }

    /** True when every output entry depends only on the matching input entry. */
    boolean elementwise();
}
