package org.neuralnotes.models;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.Gradients;

/** The argument checks of {@link SingleLayerNetwork}: indices in range, θ and gradients of its shape. */
final class SingleLayerChecks {
    private SingleLayerChecks() {}

    static void checkVector(SingleLayerNetwork net, String name, DMatrixRMaj v) {
        Checks.nonEmpty(name, v);
        int n = net.parameterCount();
        boolean column = v.numRows == n && v.numCols == 1;
        boolean row = v.numRows == 1 && v.numCols == n;
        if (!column && !row) {
            throw new IllegalArgumentException(name + ": expected " + n + " numbers ((p+1)K + (K+1)w with p="
                    + net.p() + ", K=" + net.K() + ", w=" + net.outputs() + ") as shape " + n + "x1 or 1x" + n
                    + ", found " + Checks.shape(v));
        }
    }

    static void checkGradients(SingleLayerNetwork net, Gradients grads) {
        if (grads == null) {
            throw new IllegalArgumentException("grads: expected the network's gradients, found null");
        }
        if (!grads.names().equals(List.of("W1", "b1", "W2", "b2"))) {
            throw new IllegalArgumentException("grads: expected gradients of W1, b1, W2, b2, found "
                    + grads.names());
        }
        Checks.shape("grads W1", grads.get("W1"), net.p(), net.K());
        Checks.shape("grads W2", grads.get("W2"), net.K(), net.outputs());
    }

    static void checkK(SingleLayerNetwork net, int k) {
        if (k < 1 || k > net.K()) {
            throw new IllegalArgumentException("k: expected a hidden unit in 1.." + net.K() + ", found " + k);
        }
    }

    static void checkJ(SingleLayerNetwork net, int j) {
        if (j < 0 || j > net.p()) {
            throw new IllegalArgumentException("j: expected an input in 0.." + net.p() + " (0 is the bias), found " + j);
        }
    }

    static void checkM(SingleLayerNetwork net, int m) {
        if (m < 1 || m > net.outputs()) {
            throw new IllegalArgumentException("m: expected an output in 1.." + net.outputs() + ", found " + m);
        }
    }

    static void checkBetaK(SingleLayerNetwork net, int k) {
        if (k < 0 || k > net.K()) {
            throw new IllegalArgumentException("k: expected 0.." + net.K() + " (0 is the output bias), found " + k);
        }
    }

    static void checkSingleOutput(SingleLayerNetwork net) {
        if (net.outputs() != 1) {
            throw new IllegalArgumentException("m: this network has " + net.outputs() + " outputs; use beta(m, k)");
        }
    }

    static void checkFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value: expected a finite number, found " + value);
        }
    }
}
