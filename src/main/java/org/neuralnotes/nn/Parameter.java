package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A named parameter matrix of a network: "W1", "b1", "W2", … (layers counted from 1).
 * The value is the network's own matrix, not a copy: changing it changes the network.
 */
public record Parameter(String name, DMatrixRMaj value) {
    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    public int size() {
        return value.getNumElements();
    }
}
