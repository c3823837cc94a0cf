package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Everything the forward pass computed that the backward pass needs: the input X and,
 * for every layer l = 1 … L, its Z[l] and A[l]. A[0] is X.
 */
public final class ForwardPass {
    private DMatrixRMaj X;
    private final DMatrixRMaj[] Z;
    private final DMatrixRMaj[] A;

    /** Room for the Z[l] and A[l] of a network of this depth, filled by {@link Network}'s forward pass. */
    ForwardPass(int depth) {
        this.Z = new DMatrixRMaj[depth];
        this.A = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            Z[l] = new DMatrixRMaj(1, 1);
            A[l] = new DMatrixRMaj(1, 1);
        }
    }

    /** Sets A[0] = X, the batch this pass reads. */
    void input(DMatrixRMaj X) {
        this.X = X;
    }

    public DMatrixRMaj input() {
        return X;
    }

    /** The number of layers L. */
    public int depth() {
        return Z.length;
    }

    /** Z[l] = A[l−1]·W[l] + b[l], for l = 1 … L. */
    public DMatrixRMaj Z(int l) {
        return Z[index(l)];
    }

    /** A[l] = g(Z[l]) for l = 1 … L, and A[0] = X. */
    public DMatrixRMaj A(int l) {
        return l == 0 ? X : A[index(l)];
    }

    /** A[L], the network's output Ŷ. */
    public DMatrixRMaj output() {
        return A[A.length - 1];
    }

    private int index(int l) {
        if (l < 1 || l > Z.length) {
            throw new IllegalArgumentException("l: expected a layer in 1.." + Z.length + ", found " + l);
        }
        return l - 1;
    }
}
