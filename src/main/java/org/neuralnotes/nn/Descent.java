package org.neuralnotes.nn;

/**
 * What {@link Network#descend} did with one batch: either it took the gradient-descent step
 * (θ changed, no gradient stored) or it left θ as it was and kept the batch's gradients for
 * the caller to look at. Either way the batch loss, from the forward pass before the step, is
 * computed when first asked for, from the workspace, which must not have been used again since.
 */
public final class Descent {
    private final boolean updated;
    /** the loss (both cases) and, when the step was not taken, ∂L/∂θ */
    private final Gradients batch;

    Descent(boolean updated, Gradients batch) {
        this.updated = updated;
        this.batch = batch;
    }

    /** Whether θ ← θ − α·∂L/∂θ was made. */
    public boolean updated() {
        return updated;
    }

    /** The loss of the batch before the step. */
    public double loss() {
        return batch.loss();
    }

    /** ∂L/∂θ of the batch, when the step was not taken (θ unchanged). */
    public Gradients gradients() {
        if (updated) {
            throw new IllegalStateException("the step was made inside the products, so no gradient"
                    + " was stored; Network.gradients computes them");
        }
        return batch;
    }

    @Override
    public String toString() {
        return updated ? "Descent(updated)" : "Descent(not updated: a value was not finite)";
    }
}
