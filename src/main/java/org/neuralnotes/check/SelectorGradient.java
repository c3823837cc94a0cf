package org.neuralnotes.check;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.ElementwiseActivation;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.ForwardPass;
import org.neuralnotes.nn.Network;

/**
 * Note 004's gradient of the ℓ2 loss, computed the way the note writes it: one parameter at a
 * time, with the selectors o_i and O_i as actual matrices and ∂ŷ/∂W^m_ij as a nested product,
 * <pre>
 *   ∂ŷ/∂W^m_ij = φ^n′(z^n) ⊙ (W^n ( … φ^(m+1)′(z^(m+1)) ⊙ (W^(m+1) (O_i φ^m′(z^m) · o_j a^(m−1))) … ))
 *   ∂ŷ/∂b^m_i  = the same without the factor o_j a^(m−1)
 *   ∂ℓ2/∂W^m_ij = (2/N) Σ_x (ŷ(x) − y)ᵀ ∂ŷ/∂W^m_ij(x)
 * </pre>
 * Note 004 numbers layers 0..n and stacks examples as columns: its layer m is the library's layer
 * m + 1, its W^m is W_(m+1)ᵀ, and a^(−1) = x. It is an independent route to the gradient that
 * backpropagation computes (every shared factor is recomputed for every parameter), for checking,
 * not for training. Every layer needs an element-wise activation (φ′ is a vector).
 */
public final class SelectorGradient {
    private SelectorGradient() {}

    /** o_i: the 1×size row (0 … 1 … 0) with its 1 at i (0-based); o_i v is the i-th entry of v. */
    public static DMatrixRMaj o(int i, int size) {
        checkIndex("i", i, size);
        DMatrixRMaj o = new DMatrixRMaj(1, size);
        o.set(0, i, 1);
        return o;
    }

    /** O_i: the size×size matrix with one 1, at (i, i); O_i v keeps the i-th entry of v, zeroes the rest. */
    public static DMatrixRMaj O(int i, int size) {
        checkIndex("i", i, size);
        DMatrixRMaj O = new DMatrixRMaj(size, size);
        O.set(i, i, 1);
        return O;
    }

    /**
     * ∂ŷ/∂W^m_ij for example {@code row} of a forward pass, as a column (outputs × 1).
     *
     * @param m note 004's layer, 0..n (the library's layer m + 1)
     * @param i a unit of layer m;  j an input of layer m
     */
    public static DMatrixRMaj dYhatdW(Network net, ForwardPass pass, int row, int m, int i, int j) {
        int inputs = net.layer(m + 1).inputs();
        checkIndex("j", j, inputs);
        // o_j a^(m−1): the j-th input of layer m, a 1×1 matrix
        DMatrixRMaj input = column(pass.A(m), row);
        DMatrixRMaj oja = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(o(j, inputs), input, oja);
        return chain(net, pass, row, m, i, oja.get(0, 0));
    }

    /** ∂ŷ/∂b^m_i for example {@code row}, as a column (outputs × 1). */
    public static DMatrixRMaj dYhatdb(Network net, ForwardPass pass, int row, int m, int i) {
        return chain(net, pass, row, m, i, 1.0);
    }

    /** ∂ℓ2/∂W^m in note 004's layout, units × inputs: entry (i, j) = (2/N) Σ (ŷ − y)ᵀ ∂ŷ/∂W^m_ij. */
    public static DMatrixRMaj dL2dW(Network net, DMatrixRMaj X, DMatrixRMaj Y, int m) {
        ForwardPass pass = forward(net, X, Y, m);
        DMatrixRMaj G = new DMatrixRMaj(net.layer(m + 1).units(), net.layer(m + 1).inputs());
        for (int i = 0; i < G.numRows; i++) {
            for (int j = 0; j < G.numCols; j++) {
                double s = 0;
                for (int row = 0; row < X.numRows; row++) {
                    s += residualDot(pass, Y, row, dYhatdW(net, pass, row, m, i, j));
                }
                G.set(i, j, 2.0 / X.numRows * s);
            }
        }
        return G;
    }

    /** ∂ℓ2/∂b^m as a column, units × 1: entry i = (2/N) Σ (ŷ − y)ᵀ ∂ŷ/∂b^m_i. */
    public static DMatrixRMaj dL2db(Network net, DMatrixRMaj X, DMatrixRMaj Y, int m) {
        ForwardPass pass = forward(net, X, Y, m);
        DMatrixRMaj g = new DMatrixRMaj(net.layer(m + 1).units(), 1);
        for (int i = 0; i < g.numRows; i++) {
            double s = 0;
            for (int row = 0; row < X.numRows; row++) {
                s += residualDot(pass, Y, row, dYhatdb(net, pass, row, m, i));
            }
            g.set(i, 0, 2.0 / X.numRows * s);
        }
        return g;
    }

    private static DMatrixRMaj chain(Network net, ForwardPass pass, int row, int m, int i, double factor) {
        int n = net.depth() - 1;
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("m: expected a layer of note 004 in 0.." + n + ", found " + m);
        }
        int units = net.layer(m + 1).units();
        // v = O_i φ^m′(z^m) · o_j a^(m−1)
        DMatrixRMaj v = new DMatrixRMaj(units, 1);
        CommonOps_DDRM.mult(O(i, units), phiPrime(net, pass, row, m), v);
        CommonOps_DDRM.scale(factor, v);
        for (int k = m + 1; k <= n; k++) {
            // v = φ^k′(z^k) ⊙ (W^k v), with W^k = W_(k+1)ᵀ
            DMatrixRMaj next = new DMatrixRMaj(net.layer(k + 1).units(), 1);
            CommonOps_DDRM.multTransA(net.layer(k + 1).W(), v, next);
            CommonOps_DDRM.elementMult(next, phiPrime(net, pass, row, k));
            v = next;
        }
        return v;
    }

    /** φ^k′(z^k) for one example, as a column. */
    private static DMatrixRMaj phiPrime(Network net, ForwardPass pass, int row, int k) {
        Activation g = net.layer(k + 1).activation();
        if (!(g instanceof ElementwiseActivation e)) {
            throw new IllegalArgumentException("net: expected element-wise activations (note 004's φ′ is a vector),"
                    + " found " + g + " in layer " + (k + 1));
        }
        return e.derivative(column(pass.Z(k + 1), row));
    }

    private static DMatrixRMaj column(DMatrixRMaj M, int row) {
        return CommonOps_DDRM.transpose(CommonOps_DDRM.extractRow(M, row, null), null);
    }

    private static double residualDot(ForwardPass pass, DMatrixRMaj Y, int row, DMatrixRMaj dYhat) {
        double s = 0;
        for (int o = 0; o < dYhat.numRows; o++) {
            s += (pass.output().get(row, o) - Y.get(row, o)) * dYhat.get(o, 0);
        }
        return s;
    }

    private static ForwardPass forward(Network net, DMatrixRMaj X, DMatrixRMaj Y, int m) {
        Checks.cols("X", X, net.inputs());
        Checks.cols("Y", Y, net.outputs());
        if (Y.numRows != X.numRows) {
            throw new IllegalArgumentException("Y: expected " + X.numRows + " rows (one per row of X), found "
                    + Checks.shape(Y));
        }
        if (m < 0 || m >= net.depth()) {
            throw new IllegalArgumentException("m: expected a layer of note 004 in 0.." + (net.depth() - 1)
                    + ", found " + m);
        }
        return net.forward(X);
    }

    private static void checkIndex(String name, int i, int size) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(name + ": expected an index in 0.." + (size - 1) + ", found " + i);
        }
    }
}
