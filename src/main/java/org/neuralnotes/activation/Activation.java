package org.neuralnotes.activation;

import org.ejml.data.DMatrixRMaj;

/**
 * An activation g applied to a layer's pre-activations Z, with its backward step.
 *
 * <p>Rows are examples. {@link #forward} computes A = g(Z); {@link #backward} turns the
 * loss gradient with respect to A into the gradient with respect to Z. Both return new
 * matrices and leave their arguments untouched.
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

    /** True when every output entry depends only on the matching input entry. */
    boolean elementwise();
}
