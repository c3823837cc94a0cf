package org.neuralnotes.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.nn.Parameter;
import org.neuralnotes.random.Rng;

/**
 * Compares analytic gradients with central differences in double precision:
 * ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h, entry by entry.
 *
 * <p>For each parameter matrix the report gives the relative error
 * ‖g_num − g_bp‖ / (‖g_num‖ + ‖g_bp‖) over the entries checked (0 when both are zero).
 */
public final class GradientCheck {
    /** The default step h: small enough for O(h²) truncation, large enough for rounding. */
    public static final double DEFAULT_STEP = 1e-5;

    private GradientCheck() {}

    /** Checks every entry of every parameter of the network on the batch (X, Y). */
    public static GradientCheckReport check(Network net, DMatrixRMaj X, DMatrixRMaj Y) {
        return check(net, X, Y, DEFAULT_STEP, Integer.MAX_VALUE, null);
    }

    /**
     * Checks at most {@code perMatrix} entries of each parameter matrix, drawn without
     * replacement from {@code rng}.
     */
    public static GradientCheckReport sample(Network net, DMatrixRMaj X, DMatrixRMaj Y, int perMatrix, Rng rng) {
        Checks.positive("perMatrix", perMatrix);
        if (rng == null) {
            throw new IllegalArgumentException("rng: expected a generator, found null");
        }
        return check(net, X, Y, DEFAULT_STEP, perMatrix, rng);
    }

    /** The full form: step h, at most {@code perMatrix} entries per matrix (all when rng is null). */
    public static GradientCheckReport check(Network net, DMatrixRMaj X, DMatrixRMaj Y, double h,
                                            int perMatrix, Rng rng) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected a network, found null");
        }
        Checks.positive("h", h);
        Gradients analytic = net.gradients(X, Y);
        if (net.objective().approximate()) {
            throw new IllegalArgumentException("net: its objective uses the approximation "
                    + net.objective().softmaxGradient() + ", which is not the gradient of its loss;"
                    + " check a copy built with the exact gradient");
        }
        List<GradientCheckReport.Row> rows = new ArrayList<>();
        List<Parameter> params = net.parameters();
        for (int p = 0; p < params.size(); p++) {
            Parameter param = params.get(p);
            DMatrixRMaj theta = param.value();
            DMatrixRMaj g = analytic.list().get(p);
            int[] entries = chooseEntries(theta.getNumElements(), perMatrix, rng);
            double[] numeric = new double[entries.length];
            double[] backprop = new double[entries.length];
            for (int e = 0; e < entries.length; e++) {
                int i = entries[e];
                double saved = theta.data[i];
                theta.data[i] = saved + h;
                double plus = net.loss(X, Y);
                theta.data[i] = saved - h;
                double minus = net.loss(X, Y);
                theta.data[i] = saved;
                // ∂L/∂θ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h
                numeric[e] = (plus - minus) / (2 * h);
                backprop[e] = g.data[i];
            }
            rows.add(GradientCheckReport.Row.of(param.name(), theta.numRows, theta.numCols, entries.length,
                    numeric, backprop));
        }
        return new GradientCheckReport(rows, h);
    }

    /**
     * Checks an analytic gradient of any scalar function f of a matrix x, e.g. a loss
     * as a function of Ŷ, or an activation summed against fixed weights.
     */
    public static GradientCheckReport.Row function(String name, ToDoubleFunction<DMatrixRMaj> f,
                                                   DMatrixRMaj x, DMatrixRMaj analytic) {
        if (f == null) {
            throw new IllegalArgumentException("f: expected a function, found null");
        }
        Checks.finite("x", x);
        Checks.sameShape("x", x, "analytic", analytic);
        DMatrixRMaj at = x.copy();
        int n = at.getNumElements();
        double[] numeric = new double[n];
        double[] given = new double[n];
        double h = DEFAULT_STEP;
        for (int i = 0; i < n; i++) {
            double saved = at.data[i];
            at.data[i] = saved + h;
            double plus = f.applyAsDouble(at);
            at.data[i] = saved - h;
            double minus = f.applyAsDouble(at);
            at.data[i] = saved;
            // ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h
            numeric[i] = (plus - minus) / (2 * h);
            given[i] = analytic.data[i];
        }
        return GradientCheckReport.Row.of(name, x.numRows, x.numCols, n, numeric, given);
    }

    private static int[] chooseEntries(int size, int perMatrix, Rng rng) {
        if (rng == null || perMatrix >= size) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] perm = rng.permutation(size);
        int[] chosen = new int[perMatrix];
        System.arraycopy(perm, 0, chosen, 0, perMatrix);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
