package org.neuralnotes.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The matrices one training step writes, kept from step to step so that a loop over many
 * batches allocates nothing: for every layer l its Z[l] and A[l], the error δ[l], ∂L/∂A[l]
 * for the layer below, and ∂L/∂W[l], ∂L/∂b[l]. Made by {@link Network#workspace()} for one
 * network and used by {@link Network#gradients(DMatrixRMaj, DMatrixRMaj, Workspace)}; the
 * batch size may change from call to call (the matrices are reshaped, growing when needed).
 *
 * <p>What a call returns lives in the workspace: the next call with the same workspace
 * overwrites it. One workspace per thread.
 */
public final class Workspace {
    final Network network;
    final DMatrixRMaj[] Z;
    final DMatrixRMaj[] A;
    final DMatrixRMaj[] delta;
    final DMatrixRMaj[] dA;
    final DMatrixRMaj[] dW;
    final DMatrixRMaj[] db;
    /** how many times the workspace was written: results of an earlier use are stale */
    long uses;
    /** the targets of a batch of rows taken in place from X (their rows of Y, copied) */
    final DMatrixRMaj targets = new DMatrixRMaj(1, 1);
    /** Xᵀ of a fixed input X, when one was declared and the first layer has one unit */
    DMatrixRMaj inputT;
    DMatrixRMaj inputTOf;

    Workspace(Network network) {
        this.network = network;
        int L = network.depth();
        Z = matrices(L);
        A = matrices(L);
        delta = matrices(L);
        dA = matrices(L);
        dW = new DMatrixRMaj[L];
        db = new DMatrixRMaj[L];
        for (int l = 0; l < L; l++) {
            Dense layer = network.layer(l + 1);
            dW[l] = new DMatrixRMaj(layer.inputs(), layer.units());
            db[l] = new DMatrixRMaj(1, layer.units());
        }
    }

    private static DMatrixRMaj[] matrices(int n) {
        DMatrixRMaj[] out = new DMatrixRMaj[n];
        for (int i = 0; i < n; i++) {
            out[i] = new DMatrixRMaj(1, 1);
        }
        return out;
    }

    /**
     * Declares that X will be the input of the calls to come, unchanged (full-batch training).
     * When the first layer has a single unit, ∂L/∂W[1] = Xᵀ·δ[1] is a matrix-vector product
     * that runs along the rows of Xᵀ about twice as fast as down the columns of X, so the
     * workspace keeps a copy of Xᵀ, made now; calls with another input matrix do not use it.
     * After changing the entries of X, declare it again (or pass null to drop the copy).
     */
    public void fixedInput(DMatrixRMaj X) {
        if (X == null || network.layer(1).units() != 1) {
            inputT = null;
            inputTOf = null;
            return;
        }
        if (X.numCols != network.inputs()) {
            throw new IllegalArgumentException("X: expected " + network.inputs() + " columns (one per"
                    + " input feature), found " + X.numRows + "x" + X.numCols);
        }
        inputT = org.ejml.dense.row.CommonOps_DDRM.transpose(X, inputT);
        inputTOf = X;
    }

    /** Z[l] of the last call, l = 1 … L, live (overwritten by the next call). */
    public DMatrixRMaj Z(int l) {
        return Z[layer(l)];
    }

    /** A[l] = g(Z[l]) of the last call, l = 1 … L, live (overwritten by the next call). */
    public DMatrixRMaj A(int l) {
        return A[layer(l)];
    }

    private int layer(int l) {
        if (l < 1 || l > Z.length) {
            throw new IllegalArgumentException("l: expected a layer in 1.." + Z.length + ", found " + l);
        }
        return l - 1;
    }

    /** ∂L/∂θ in the order W1, b1, W2, b2, … */
    List<DMatrixRMaj> gradients() {
        List<DMatrixRMaj> out = new ArrayList<>(2 * dW.length);
        for (int l = 0; l < dW.length; l++) {
            out.add(dW[l]);
            out.add(db[l]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Workspace(" + network + ")";
    }
}
