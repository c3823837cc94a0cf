package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;

/** What a layer's forward pass produced: Z = X·W + b and A = g(Z). */
public record LayerOutput(DMatrixRMaj Z, DMatrixRMaj A) {}
