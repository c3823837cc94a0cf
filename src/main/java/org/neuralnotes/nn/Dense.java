package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.linalg.Products;

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

    /** Z = X·W + b and A = g(Z) for an input X of N × inputs. */
    public LayerOutput forward(DMatrixRMaj X) {
        Checks.cols("X", X, inputs());
        // Z = X·W
        DMatrixRMaj Z = Products.mult(X, W, new DMatrixRMaj(1, 1));
        // Z = Z + b, b broadcast over the rows
        addRow(Z, b);
        // A = g(Z)
        return new LayerOutput(Z, g.forward(Z));
    }

    /**
     * The gradients of this layer from its input X and its error dZ = ∂L/∂Z.
     *
     * @param X           the input of the forward pass
     * @param dZ          ∂L/∂Z, N × units
     * @param inputNeeded whether to compute ∂L/∂X (the first layer needs none)
     */
    public LayerGradients backward(DMatrixRMaj X, DMatrixRMaj dZ, boolean inputNeeded) {
        Checks.cols("X", X, inputs());
        Checks.shape("dZ", dZ, X.numRows, units());
        // ∂L/∂W = Xᵀ·dZ
        DMatrixRMaj dW = Products.multTransA(X, dZ, new DMatrixRMaj(1, 1));
        // ∂L/∂b = Σ over rows of dZ
        DMatrixRMaj db = columnSums(dZ);
        // ∂L/∂X = dZ·Wᵀ
        DMatrixRMaj dX = inputNeeded ? Products.multTransB(dZ, W, new DMatrixRMaj(1, 1)) : null;
        return new LayerGradients(dW, db, dX);
    }

    static void addRow(DMatrixRMaj Z, DMatrixRMaj row) {
        int k = Z.numCols;
        double[] z = Z.data;
        double[] r = row.data;
        for (int i = 0, o = 0; i < Z.numRows; i++, o += k) {
            for (int j = 0; j < k; j++) {
                z[o + j] += r[j];
            }
        }
    }

    static DMatrixRMaj columnSums(DMatrixRMaj M) {
        int k = M.numCols;
        DMatrixRMaj s = new DMatrixRMaj(1, k);
        double[] m = M.data;
        double[] out = s.data;
        for (int i = 0, o = 0; i < M.numRows; i++, o += k) {
            for (int j = 0; j < k; j++) {
                out[j] += m[o + j];
            }
        }
        return s;
    }

    Dense copy() {
        return new Dense(W.copy(), b.copy(), g);
    }

    @Override
    public String toString() {
        return "Dense(" + inputs() + " -> " + units() + ", " + g + ")";
    }
}
