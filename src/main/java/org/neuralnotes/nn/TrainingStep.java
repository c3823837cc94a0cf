package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * {@link Network#forward} and {@link Network#backward} for a training loop: the same calls,
 * written into matrices this object keeps and hands back at every step, so that a loop of many
 * steps allocates them once. A result is valid until the next call of the same method; the
 * network's own methods return new matrices every time.
 *
 * <pre>{@code
 * TrainingStep step = new TrainingStep(network);
 * ForwardPass pass = step.forward(X);          // as network.forward(X)
 * double loss = network.loss(pass, Y);
 * Gradients g = step.backward(pass, Y);        // as network.backward(pass, Y)
 * }</pre>
 *
 * <p>Not thread-safe: one loop, one step object.
 */
public final class TrainingStep {
    private final Network network;
    private final ForwardPass pass;
    private final Gradients gradients;

    public TrainingStep(Network network) {
        if (network == null) {
            throw new IllegalArgumentException("network: expected a network, found null");
        }
        this.network = network;
        this.pass = new ForwardPass(network.depth());
        this.gradients = new Gradients(network.parameterNames());
    }

    /** {@code network.forward(X)}, into this step's matrices. */
    public ForwardPass forward(DMatrixRMaj X) {
        return network.forward(X, pass);
    }

    /** {@code network.backward(pass, Y)}, into this step's matrices. */
    public Gradients backward(ForwardPass pass, DMatrixRMaj Y) {
        return network.backward(pass, Y, gradients);
    }
}
