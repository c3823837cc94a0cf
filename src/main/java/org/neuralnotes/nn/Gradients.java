package org.neuralnotes.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * The result of one backward pass: ∂L/∂θ for every parameter in the order of
 * {@link Network#parameters()} (W1, b1, W2, b2, …), and the error δ[l] = ∂L/∂Z[l] of every
 * layer. The loss itself is {@link Network#loss(ForwardPass, DMatrixRMaj)}.
 */
public final class Gradients {
    private final List<String> names;
    private final List<DMatrixRMaj> values;
    private final List<DMatrixRMaj> deltas;

    /** Room for ∂L/∂θ of these parameters (W1, b1, W2, b2, …) and δ[1] … δ[L], filled by {@link Network}'s backward pass. */
    Gradients(List<String> names) {
        this.names = names;
        List<DMatrixRMaj> values = new ArrayList<>(names.size());
        List<DMatrixRMaj> deltas = new ArrayList<>(names.size() / 2);
        for (int i = 0; i < names.size(); i++) {
            values.add(new DMatrixRMaj(1, 1));
        }
        for (int l = 0; l < names.size() / 2; l++) {
            deltas.add(new DMatrixRMaj(1, 1));
        }
        this.values = Collections.unmodifiableList(values);
        this.deltas = Collections.unmodifiableList(deltas);
    }

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

    /** Whether every entry of every ∂L/∂θ is a finite number (no NaN, no ±∞). */
    public boolean allFinite() {
        return firstNonFinite() == null;
    }

    /**
     * The first parameter whose gradient holds NaN or ±∞, as "W1 holds -Infinity at row 0,
     * column 0"; null when every gradient is finite.
     */
    public String firstNonFinite() {
        for (int i = 0; i < values.size(); i++) {
            DMatrixRMaj d = values.get(i);
            int k = Checks.firstNonFinite(d.data, d.getNumElements());
            if (k >= 0) {
                return names.get(i) + " holds " + d.data[k] + " at row " + (k / d.numCols) + ", column "
                        + (k % d.numCols);
            }
        }
        return null;
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
