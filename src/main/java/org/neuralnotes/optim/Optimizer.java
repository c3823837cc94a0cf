package org.neuralnotes.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * An update rule for the parameters, θ ← θ − (update), holding its own state.
 *
 * <p>The contract, in the order of calls:
 * <ol>
 *   <li>Construct it with its hyperparameters; {@link #toString()} shows them all.</li>
 *   <li>Call {@link #step(List, List)} once per iteration with the parameters (live
 *       references, changed in place) and their gradients ∇θ, in the same order as the
 *       parameters (for a network: W1, b1, W2, b2, …). The first call fixes the number of
 *       matrices and their shapes; the state (velocities, moment estimates, step count t)
 *       belongs to position i of the list. Later calls must pass the same layout.</li>
 *   <li>{@link #reset()} forgets the state and the layout, as if freshly constructed;
 *       {@link #fresh()} returns a new optimizer with the same hyperparameters and no state,
 *       leaving this one untouched.</li>
 * </ol>
 *
 * <p>Every argument is checked before any parameter changes, so a refused step leaves the
 * parameters and the state as they were.
 *
 * <p>Threads: not thread-safe. An optimizer holds the state of one run; {@code Trainer.fit} uses
 * its own {@link #fresh()} copy for every call, so one optimizer given to a trainer can serve
 * runs on several threads. Calling {@link #step} on the same optimizer from two threads mixes
 * their states.
 */
public interface Optimizer {

    /**
     * One update of every parameter in place: θ_i ← θ_i − (update computed from ∇θ_i and
     * the state of position i).
     *
     * @param params the parameters θ_0, θ_1, …, updated in place
     * @param grads  the gradients ∇θ_0, ∇θ_1, …, same count and shapes, all finite
     * @throws IllegalArgumentException naming the index and shapes if the lists differ in size,
     *                                  a shape differs (from its gradient, or from earlier steps),
     *                                  or a gradient holds NaN or ∞
     */
    void step(List<DMatrixRMaj> params, List<DMatrixRMaj> grads);

    /** Forgets every state (and the layout fixed by the first step). */
    void reset();

    /** A new optimizer with the same hyperparameters and no state. */
    Optimizer fresh();

    /** The learning rate α. */
    double learningRate();

    /** The rule and all its hyperparameters, e.g. {@code Adam(learningRate=0.001, …)}. */
    @Override
    String toString();
}
