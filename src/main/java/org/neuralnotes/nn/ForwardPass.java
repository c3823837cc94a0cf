package org.neuralnotes.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything the forward pass computed that the backward pass needs: the input X and,
 * for every layer l = 1 … L, its Z[l] and A[l]. A[0] is X.
 */
public final class ForwardPass {
    private final DMatrixRMaj X;
    private final List<LayerOutput> layers;

    ForwardPass(DMatrixRMaj X, List<LayerOutput> layers) {
        this.X = X;
        this.layers = List.copyOf(layers);
    }

    /** The input, A[0]. */
    public DMatrixRMaj input() {
        return X;
    }

    /** The number of layers L. */
    public int depth() {
        return layers.size();
    }

    /** Z[l] for l = 1 … L. */
    public DMatrixRMaj Z(int l) {
        return layer(l).Z();
    }

    /** A[l] for l = 0 … L; A[0] is the input. */
    public DMatrixRMaj A(int l) {
        return l == 0 ? X : layer(l).A();
    }

    /** A[L], the network's output Ŷ. */
    public DMatrixRMaj output() {
        return layers.get(layers.size() - 1).A();
    }

    private LayerOutput layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IllegalArgumentException("l: expected a layer in 1.." + layers.size() + ", found " + l);
        }
        return layers.get(l - 1);
    }
}
