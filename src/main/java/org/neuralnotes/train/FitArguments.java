package org.neuralnotes.train;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

/** The checks of {@link Trainer#fit}'s arguments, made before any work. */
final class FitArguments {
    private FitArguments() {}

    /** Every check of fit's arguments. */
    static void check(Trainer t, Network network, DMatrixRMaj X, DMatrixRMaj Y, Rng rng) {
        if (network == null) {
            throw new IllegalArgumentException("network: expected a network, found null");
        }
        checkPair("X", X, "Y", Y, network);
        if (t.validationX() != null) {
            checkPair("validationX", t.validationX(), "validationY", t.validationY(), network);
        }
        for (StoppingRule rule : t.stoppingRules()) {
            if (rule.needsValidation() && t.validationX() == null) {
                throw new IllegalArgumentException("stopWhen: " + rule + " needs a validation set,"
                        + " found none (call validation(X, Y) on the builder)");
            }
        }
        if (rng == null && t.batching().draws()) {
            throw new IllegalArgumentException("rng: expected a generator for " + t.batching()
                    + " batching, found null");
        }
    }

    /** Shapes and finite entries of an X, Y pair. */
    private static void checkPair(String xName, DMatrixRMaj X, String yName, DMatrixRMaj Y,
                                  Network network) {
        Checks.nonEmpty(xName, X);
        if (X.numCols != network.inputs()) {
            throw new IllegalArgumentException(xName + ": expected " + network.inputs()
                    + " columns (the network's inputs), found " + Checks.shape(X));
        }
        Checks.finite(xName, X);
        Checks.shape(yName, Y, X.numRows, network.outputs());
        Checks.finite(yName, Y);
    }
}
