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

    /** Z = X·W + b and A = g(Z) for an input X of N × inputs. */
    public LayerOutput forward(DMatrixRMaj X) {
        DMatrixRMaj Z = new DMatrixRMaj(1, 1);
        DMatrixRMaj A = new DMatrixRMaj(1, 1);
        forward(X, Z, A);
        return new LayerOutput(Z, A);
    }

    /**
     * Z = X·W + b and A = g(Z) written into {@code Z} and {@code A} (reshaped to N × units),
     * two matrices the caller owns and may reuse from batch to batch.
     */
    public void forward(DMatrixRMaj X, DMatrixRMaj Z, DMatrixRMaj A) {
        Checks.cols("X", X, inputs());
        forwardRows(X, 0, X.numRows, Z, A);
    }

    /**
     * {@link #forward(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} for the batch of rows
     * {@code first} … {@code first + rows − 1} of X, read in place (no copy of the batch).
     */
    public void forwardRows(DMatrixRMaj X, int first, int rows, DMatrixRMaj Z, DMatrixRMaj A) {
        Checks.cols("X", X, inputs());
        Checks.rows("X", X, first, rows);
        Checks.notSame("Z", Z, "X", X);
        Checks.notSame("A", A, "Z", Z);
        // Z = X·W, X the batch's rows
        Products.multRows(X, first, rows, W, Z);
        // Z = Z + b, b broadcast over the rows
        Rows.addRow(Z, b);
        // A = g(Z)
        g.forward(Z, A);
    }

    /**
     * The gradients of this layer from its input X and its error dZ = ∂L/∂Z.
     *
     * @param X           the input of the forward pass
     * @param dZ          ∂L/∂Z, N × units
     * @param inputNeeded whether to compute ∂L/∂X (the first layer needs none)
     */
    public LayerGradients backward(DMatrixRMaj X, DMatrixRMaj dZ, boolean inputNeeded) {
        DMatrixRMaj dW = new DMatrixRMaj(1, 1);
        DMatrixRMaj db = new DMatrixRMaj(1, 1);
        DMatrixRMaj dX = inputNeeded ? new DMatrixRMaj(1, 1) : null;
        backward(X, dZ, dW, db, dX);
        return new LayerGradients(dW, db, dX);
    }

    /**
     * The gradients written into matrices the caller owns (reshaped): ∂L/∂W into {@code dW},
     * ∂L/∂b into {@code db} and, unless {@code dX} is null, ∂L/∂X into {@code dX}.
     */
    public void backward(DMatrixRMaj X, DMatrixRMaj dZ, DMatrixRMaj dW, DMatrixRMaj db,
                         DMatrixRMaj dX) {
        Checks.cols("X", X, inputs());
        backwardRows(X, 0, X.numRows, dZ, dW, db, dX);
    }

    /**
     * {@link #backward(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} when
     * the input was the batch of rows {@code first} … {@code first + rows − 1} of X, read in
     * place as in {@link #forwardRows}.
     */
    public void backwardRows(DMatrixRMaj X, int first, int rows, DMatrixRMaj dZ, DMatrixRMaj dW,
                             DMatrixRMaj db, DMatrixRMaj dX) {
        Checks.cols("X", X, inputs());
        Checks.rows("X", X, first, rows);
        Checks.shape("dZ", dZ, rows, units());
        Checks.notSame("dW", dW, "W", W);
        Checks.notSame("db", db, "b", b);
        // ∂L/∂W = Xᵀ·dZ, X the batch's rows
        Products.multTransARows(X, first, rows, dZ, dW);
        // ∂L/∂b = Σ over rows of dZ
        Rows.sumRows(1.0, dZ, db);
        if (dX != null) {
            // ∂L/∂X = dZ·Wᵀ
            Products.multTransB(dZ, W, dX);
        }
    }

    /**
     * ∂L/∂W = Xᵀ·dZ from Xᵀ given row-major (inputs × N), the same product as in
     * {@link #backward(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}.
     */
    void weightGradientFromTranspose(DMatrixRMaj Xt, DMatrixRMaj dZ, DMatrixRMaj dW) {
        // ∂L/∂W = Xᵀ·dZ
        Products.mult(Xt, dZ, dW);
    }

    /**
     * One step of gradient descent on this layer's parameters, made inside the weight product:
     * W ← W − α·Xᵀ·dZ (∂L/∂W = Xᵀ·dZ is added into W, never stored) and b ← b − α·Σᵢ dZᵢ, for
     * the batch of rows {@code first} … {@code first + rows − 1} of X read in place.
     *
     * @param X     the input of the forward pass (the batch's rows are read)
     * @param dZ    ∂L/∂Z, rows × units
     * @param alpha the learning rate α, finite and &gt; 0
     * @param db    a 1 × units matrix the caller owns, overwritten with the change of b
     */
    public void descendRows(DMatrixRMaj X, int first, int rows, DMatrixRMaj dZ, double alpha,
                            DMatrixRMaj db) {
        Checks.cols("X", X, inputs());
        Checks.rows("X", X, first, rows);
        Checks.shape("dZ", dZ, rows, units());
        Checks.positive("alpha", alpha);
        Checks.notSame("db", db, "b", b);
        // W ← W − α·Xᵀ·dZ, X the batch's rows
        Products.gemmRows(true, -alpha, X, first, rows, dZ, 1.0, W);
        descendBias(dZ, alpha, db);
    }

    /** {@link #descendRows} from Xᵀ given row-major (inputs × N), as in weightGradientFromTranspose. */
    void descendFromTranspose(DMatrixRMaj Xt, DMatrixRMaj dZ, double alpha, DMatrixRMaj db) {
        // W ← W − α·Xᵀ·dZ
        Products.gemm(false, false, -alpha, Xt, dZ, 1.0, W);
        descendBias(dZ, alpha, db);
    }

    private void descendBias(DMatrixRMaj dZ, double alpha, DMatrixRMaj db) {
        // Δb = −α·Σᵢ dZᵢ
        Rows.sumRows(-alpha, dZ, db);
        // b ← b + Δb
        Rows.addRow(b, db);
    }

    Dense copy() {
        return new Dense(W.copy(), b.copy(), g);
    }

    @Override
    public String toString() {
        return "Dense(" + inputs() + " -> " + units() + ", " + g + ")";
    }
}
