package org.neuralnotes.train;

import java.util.Locale;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Optimizer;

/**
 * The checks a training run makes at every step: a loss or a gradient that is not finite, or
 * a loss far above its start ({@link DivergenceWatch}), ends the run with a
 * {@link DivergenceException} naming the iteration, after putting θ back as it was at the start.
 */
final class Divergence {
    private final History history;
    private final OnDivergence onDivergence;
    private final Optimizer optimizer;
    /** the loss watch, and θ at the start */
    private final DivergenceWatch watch;
    private boolean warned;

    Divergence(Network network, History history, OnDivergence onDivergence, Optimizer optimizer) {
        this.history = history;
        this.onDivergence = onDivergence;
        this.optimizer = optimizer;
        this.watch = new DivergenceWatch(network.parameterValues());
    }

    /** The batch loss of a step, before its update, must be finite. */
    void checkLoss(int step, double loss, double previous) {
        if (Double.isFinite(loss)) {
            return;
        }
        String last = Double.isNaN(previous) ? "" : String.format(Locale.ROOT,
                " (the loss of iteration %d was %.6g)", step - 1, previous);
        watch.diverged(step, loss);
        history.finish(step - 1, "diverged: loss " + loss + " at iteration " + step);
        throw diverged("the loss became " + loss + " at iteration " + step + last, step, loss);
    }

    /** Every gradient of a step, before its update, must be finite; the first that is not is named. */
    void checkGradients(int step, Gradients g, double loss) {
        String bad = g.firstNonFinite();
        if (bad == null) {
            return;
        }
        history.finish(step - 1, "diverged: gradient of " + bad.substring(0, bad.indexOf(' '))
                + " at iteration " + step);
        throw diverged("the gradient of " + bad + " at iteration " + step + " (loss "
                + String.format(Locale.ROOT, "%.6g", loss) + ")", step, loss);
    }

    /** The loss of the whole training set (and of the validation set) at a record must be finite. */
    void checkRecord(int step, double loss, double validation) {
        if (Double.isFinite(loss) && Double.isFinite(validation)) {
            return;
        }
        String which = Double.isFinite(loss) ? "validation" : "training";
        double bad = Double.isFinite(loss) ? validation : loss;
        String when = step == 0 ? "at the starting point" : "at iteration " + step + " (after its update)";
        history.finish(step, "diverged: " + which + " loss " + bad + " " + when);
        throw diverged("the " + which + " loss became " + bad + " " + when, step, bad);
    }

    /**
     * The finite rule of {@link DivergenceWatch}: a loss far above the start stops the run, θ put
     * back as it was, or, with {@link OnDivergence#WARN}, leaves one warning in the history.
     */
    void watch(int step, double loss) {
        if (!watch.diverged(step, loss) || warned) {
            return;
        }
        if (onDivergence == OnDivergence.WARN) {
            warned = true;
            history.warn("diverging at iteration " + step + ": " + watch.rise() + "; " + watch.path());
            return;
        }
        history.finish(step, "diverged: loss " + loss + " at iteration " + step);
        throw diverged("at iteration " + step + " " + watch.rise(), step, loss);
    }

    /** The exception of a diverged run, after putting θ back at its start. */
    private DivergenceException diverged(String what, int step, double loss) {
        String path = watch.path().isEmpty() ? "" : "; " + watch.path();
        String message = "training diverged: " + what + path + "; " + watch.restore()
                + "; try a lower learning rate than " + optimizer + ", or standardize the inputs";
        return new DivergenceException(message, step, loss, history);
    }
}
