package org.neuralnotes.train;

/**
 * Training stopped because it diverged: the loss (or a gradient) stopped being a finite number,
 * or the loss rose far above where it started ({@link DivergenceWatch} gives the rule). The
 * message names the iteration, the latest losses and what to try, and says that the parameters
 * are back at their values from the start of {@code fit}; {@link #history()} holds what was
 * recorded before it happened, to plot.
 */
public final class DivergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int iteration;
    private final double loss;
    private final transient History history;

    /** For a fit without a {@link History} ({@code LogisticRegression.fit}): history() is null. */
    public DivergenceException(String message, int iteration, double loss) {
        this(message, iteration, loss, null);
    }

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

    /** The iteration (step, from 1) at which the divergence showed. */
    public int iteration() {
        return iteration;
    }

    /**
     * The loss at that point: NaN or ±∞, the finite loss far above the start, or the last
     * finite loss when a gradient overflowed.
     */
    public double loss() {
        return loss;
    }

    /**
     * The records taken before the divergence; its reason says where training stopped. Null
     * when the fit keeps no history ({@code LogisticRegression.fit}).
     */
    public History history() {
        return history;
    }
}
