package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * What a layer's backward pass produced: ∂L/∂W, ∂L/∂b and, unless the layer is the
 * first, ∂L/∂X for the layer below (null otherwise).
 */
public record LayerGradients(DMatrixRMaj dW, DMatrixRMaj db, DMatrixRMaj dX) {}
