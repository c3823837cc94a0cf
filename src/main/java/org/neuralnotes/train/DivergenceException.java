package org.neuralnotes.train;

/**
 * Training stopped because the loss (or a gradient) stopped being a finite number: the steps
 * have grown instead of shrinking. The message names the iteration and suggests what to try;
 * {@link #history()} holds what was recorded before it happened, to plot.
 */
public final class DivergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int iteration;
    private final double loss;
    private final transient History history;

    DivergenceException(String message, int iteration, double loss, History history) {
        super(message);
        this.iteration = iteration;
        this.loss = loss;
        this.history = history;
    }

    DivergenceException(String message, int iteration, double loss, History history, Throwable cause) {
        this(message, iteration, loss, history);
        initCause(cause);
    }

    /** The iteration (step, from 1) at which the non-finite value appeared. */
    public int iteration() {
        return iteration;
    }

    /** The loss at that point: NaN or ±∞ (or the last finite loss when a gradient overflowed). */
    public double loss() {
        return loss;
    }

    /** The records taken before the divergence; its reason says where training stopped. */
    public History history() {
        return history;
    }
}
