package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.linalg.Rows;

/**
 * A fully connected layer: Z = X·W + b, A = g(Z), with rows as examples.
 * W is inputs × units and b is 1 × units, added to every row.
 */
public final class Dense {
    private final DMatrixRMaj W;
    private final DMatrixRMaj b;
    private final Activation g;

    /**
     * A layer that owns these matrices (they are not copied).
     *
     * @param W weights, inputs × units
     * @param b biases, 1 × units
     * @param g activation
     */
    public Dense(DMatrixRMaj W, DMatrixRMaj b, Activation g) {
        Checks.finite("W", W);
        Checks.shape("b", b, 1, W.numCols);
        Checks.finite("b", b);
        if (g == null) {
            throw new IllegalArgumentException("g: expected an activation, found null");
        }
        this.W = W;
        this.b = b;
        this.g = g;
    }

    public int inputs() {
        return W.numRows;
    }

    public int units() {
        return W.numCols;
    }

    /** The weights, live. */
    public DMatrixRMaj W() {
        return W;
    }

    /** The biases, live. */
    public DMatrixRMaj b() {
        return b;
    }

    public Activation activation() {
        return g;
    }

    /**
     * Z = X·W + b and A = g(Z) written into {@code Z} and {@code A} (reshaped to N × units),
     * two matrices the caller owns and may reuse from batch to batch.
     */
    public void forward(DMatrixRMaj X, DMatrixRMaj Z, DMatrixRMaj A) {
        Checks.cols("X", X, inputs());
        Checks.notSame("Z", Z, "X", X);
        Checks.notSame("A", A, "Z", Z);
        // Z = X·W
        Products.mult(X, W, Z);
        // Z = Z + b, b broadcast over the rows
        Rows.addRow(Z, b);
        // A = g(Z)
        g.forward(Z, A);
    }

    /**
     * The gradients written into matrices the caller owns (reshaped): ∂L/∂W into {@code dW},
     * ∂L/∂b into {@code db} and, unless {@code dX} is null, ∂L/∂X into {@code dX}.
     */
    public void backward(DMatrixRMaj X, DMatrixRMaj dZ, DMatrixRMaj dW, DMatrixRMaj db,
                         DMatrixRMaj dX) {
        Checks.cols("X", X, inputs());
        Checks.shape("dZ", dZ, X.numRows, units());
        Checks.notSame("dW", dW, "W", W);
        Checks.notSame("db", db, "b", b);
        // ∂L/∂W = Xᵀ·dZ
        Products.multTransA(X, dZ, dW);
        // ∂L/∂b = Σ over rows of dZ
        Rows.sumRows(1.0, dZ, db);
        if (dX != null) {
            // ∂L/∂X = dZ·Wᵀ
            Products.multTransB(dZ, W, dX);
        }
    }

    Dense copy() {
        return new Dense(W.copy(), b.copy(), g);
    }

    @Override
    public String toString() {
        return "Dense(" + inputs() + " -> " + units() + ", " + g + ")";
    }
}
