package org.neuralnotes.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of one backward pass: the loss of the batch, ∂L/∂θ for every parameter in
 * the order of {@link Network#parameters()} (W1, b1, W2, b2, …), and the error δ[l] =
 * ∂L/∂Z[l] of every layer.
 */
public final class Gradients {
    private double loss;
    /** how to compute the loss when it is first asked for; null once known */
    private java.util.function.DoubleSupplier lossLater;
    private final Workspace ws;
    private final long use;
    private final List<String> names;
    private final List<DMatrixRMaj> values;
    private final List<DMatrixRMaj> deltas;

    Gradients(double loss, List<String> names, List<DMatrixRMaj> values, List<DMatrixRMaj> deltas) {
        this(names, values, deltas, null);
        this.loss = loss;
    }

    /** Gradients in a workspace; the loss is computed from it when first asked for. */
    Gradients(java.util.function.DoubleSupplier loss, List<String> names, List<DMatrixRMaj> values,
              List<DMatrixRMaj> deltas, Workspace ws) {
        this(names, values, deltas, ws);
        this.lossLater = loss;
    }

    private Gradients(List<String> names, List<DMatrixRMaj> values, List<DMatrixRMaj> deltas,
                      Workspace ws) {
        this.ws = ws;
        this.use = ws == null ? 0 : ws.uses;
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
        this.deltas = List.copyOf(deltas);
    }

    /**
     * The loss of the batch the gradients were computed on. For gradients computed in a
     * {@link Workspace} it is computed on the first call, from the workspace, which must not
     * have been used again since (an {@code IllegalStateException} says so if it was).
     */
    public double loss() {
        if (lossLater != null) {
            if (ws.uses != use) {
                throw new IllegalStateException("the workspace of these gradients has been used again"
                        + " since they were computed; ask for loss() before its next use");
            }
            loss = lossLater.getAsDouble();
            lossLater = null;
        }
        return loss;
    }

    /** ∂L/∂θ in the order W1, b1, W2, b2, … */
    public List<DMatrixRMaj> list() {
        return values;
    }

    /** The parameter names, aligned with {@link #list()}. */
    public List<String> names() {
        return names;
    }

    /** ∂L/∂θ for the parameter with this name ("W2", "b1", …). */
    public DMatrixRMaj get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("name: expected one of " + names + ", found \"" + name + "\"");
        }
        return values.get(i);
    }

    /** δ[l] = ∂L/∂Z[l] for l = 1 … L. */
    public DMatrixRMaj delta(int l) {
        if (l < 1 || l > deltas.size()) {
            throw new IllegalArgumentException("l: expected a layer in 1.." + deltas.size() + ", found " + l);
        }
        return deltas.get(l - 1);
    }

    /** The gradients as named pairs, like {@link Network#parameters()}. */
    public List<Parameter> asParameters() {
        List<Parameter> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new Parameter(names.get(i), values.get(i)));
        }
        return out;
    }
}
