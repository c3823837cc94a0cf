package org.neuralnotes.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
    /** the whole training set, the batch of every step, and its transpose once made */
    private DMatrixRMaj whole;
    private DMatrixRMaj wholeTransposed;

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
        network.forward(X, pass);
        if (X == whole && network.layer(1).units() == 1) {
            // a single first unit: ∂L/∂W1 = Xᵀ·δ1 from a transposed copy of X, made once (see Dense)
            if (wholeTransposed == null) {
                wholeTransposed = CommonOps_DDRM.transpose(X, null);
            }
            pass.inputTransposed(wholeTransposed);
        }
        return pass;
    }

    /**
     * Declares X the batch of every step to come (full-batch training), left unchanged until the
     * last: for a network whose first layer has a single unit the gradient of W1 then comes from
     * a transposed copy of X made at the first step. {@code Trainer.fit} declares its X.
     */
    public void trainsOnAllOf(DMatrixRMaj X) {
        this.whole = X;
        this.wholeTransposed = null;
    }

    /** {@code network.backward(pass, Y)}, into this step's matrices. */
    public Gradients backward(ForwardPass pass, DMatrixRMaj Y) {
        return network.backward(pass, Y, gradients);
    }
}
