package org.neuralnotes.train;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.Descent;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.nn.Workspace;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.random.Rng;

/** One call of {@link Trainer#fit}: the loop, its records and its checks. Arguments already checked. */
final class TrainingRun {
    private final Trainer settings;
    private final Network network;
    private final DMatrixRMaj X;
    private final DMatrixRMaj Y;
    private final Optimizer optimizer;
    private final History history;
    private final Batching.Sampler sampler;
    private final int perEpoch;
    private final long epochCap;
    private final int cap;
    /** the rows of one batch, reused from step to step */
    private final DMatrixRMaj Xb;
    private final DMatrixRMaj Yb;
    /** an upper bound of |x| in X, found when fit checked it */
    private final double inputMax;
    /** the loss watch, and θ at the start, put back when the run diverges */
    private final DivergenceWatch watch;
    private boolean warned;

    TrainingRun(Trainer settings, Network network, DMatrixRMaj X, DMatrixRMaj Y, double inputMax,
                Rng rng) {
        this.settings = settings;
        this.inputMax = inputMax;
        this.network = network;
        this.X = X;
        this.Y = Y;
        this.optimizer = settings.optimizer();
        int n = X.numRows;
        Batching batching = settings.batching();
        this.perEpoch = batching.stepsPerEpoch(n);
        this.epochCap = settings.maxEpochs() > 0 ? (long) settings.maxEpochs() * perEpoch : Long.MAX_VALUE;
        long iterationCap = settings.maxIterations() > 0 ? settings.maxIterations() : Long.MAX_VALUE;
        this.cap = (int) Math.min(Integer.MAX_VALUE, Math.min(epochCap, iterationCap));
        this.history = HistoryBounds.of(network, settings);
        this.watch = new DivergenceWatch(network.parameterValues());
        this.sampler = batching.sampler(n, rng);
        // sized by the first shuffled batch (batches in order and full batch copy no rows)
        this.Xb = new DMatrixRMaj(1, 1);
        this.Yb = new DMatrixRMaj(1, 1);
    }

    History run() {
        List<DMatrixRMaj> theta = network.parameterValues();
        // the matrices of every step, reused (X and Y were checked once, in fit)
        Workspace ws = network.workspace();
        boolean keep = settings.keepsHistory();
        if (keep) {
            record(0);
        }
        // the batch loss, every step when something reads it or it could overflow; otherwise
        // (sigmoid + BCE, softmax + CE) it is finite whenever Z[L] is, which is all a step checks
        boolean lossEachStep = !settings.listeners().isEmpty() || !settings.stoppingRules().isEmpty()
                || !network.objective().finiteForFiniteZ();
        int L = network.depth();
        // plain gradient descent with a loss that is finite whenever Z[L] is: the network makes
        // each weight update inside its gradient product (Network.descend), and hands the
        // gradients back, θ untouched, when something is not finite
        boolean descends = optimizer instanceof GradientDescent
                && network.objective().finiteForFiniteZ();
        double previous = Double.NaN;
        String reason = null;
        int step = 0;
        Gradients g = null;
        Descent taken = null;
        while (reason == null) {
            step++;
            // the batch: rows of X and Y (all of them for full batch)
            int[] rows = sampler.next();
            if (rows == null && step == 1) {
                // every row in order (full batch): X is the input of every step
                ws.fixedInput(X);
            }
            int size = sampler.size();
            boolean made = false;
            if (!descends) {
                g = gradients(rows, size, ws);
            } else {
                taken = descend(rows, size, ws, optimizer.learningRate());
                made = taken.updated();
                g = made ? null : taken.gradients();
            }
            double loss;
            if (made) {
                // the batch loss (before the step), when something reads it
                loss = lossEachStep ? taken.loss() : Double.NaN;
            } else {
                boolean known = lossEachStep || !allFinite(ws.Z(L));
                loss = known ? g.loss() : Double.NaN;
                checkLoss(g, known, step, previous);
                // θ ← θ − update; the optimizer refuses non-finite gradients before changing anything
                try {
                    optimizer.step(theta, g.list());
                } catch (IllegalArgumentException refused) {
                    checkGradients(g, step, refused);
                    throw refused;
                }
            }
            if (keep && history.due(step)) {
                // the loss of the whole set after the update, watched in record
                record(step);
            } else if (Double.isFinite(loss)) {
                watchLoss(step, loss);
            }
            reason = stopReason(step, loss, previous);
            previous = loss;
        }
        // the workspace still holds the last batch: its loss, for the history
        history.lastBatchLoss(g != null ? g.loss() : taken.loss());
        if (keep && history.needsFinal(step)) {
            record(step);
        }
        history.finish(step, reason);
        return history;
    }

    /** Listeners first (all of them), then the stopping rules, then the maximum; null to go on. */
    private String stopReason(int step, double loss, double previous) {
        String reason = null;
        List<TrainingListener> listeners = settings.listeners();
        for (int i = 0; i < listeners.size(); i++) {
            boolean stop = listeners.get(i).afterStep(step, loss, network);
            if (stop && reason == null) {
                reason = "stopped by listener " + (i + 1) + " at iteration " + step;
            }
        }
        if (reason != null) {
            return reason;
        }
        if (!settings.stoppingRules().isEmpty()) {
            Progress p = new Progress(step, step / perEpoch, loss, previous, network, X, Y,
                    settings.validationX(), settings.validationY());
            for (StoppingRule rule : settings.stoppingRules()) {
                Optional<String> why = rule.check(p);
                if (why.isPresent()) {
                    return why.get();
                }
            }
        }
        if (step >= cap) {
            return step == epochCap
                    ? "maximum of " + settings.maxEpochs() + " epochs reached (" + step + " iterations)"
                    : "maximum of " + settings.maxIterations() + " iterations reached";
        }
        return null;
    }

    /** ∂L/∂θ of the batch: of the whole data, of rows in order read in place, or of rows gathered. */
    private Gradients gradients(int[] rows, int size, Workspace ws) {
        if (rows == null) {
            return network.gradients(X, Y, ws);
        }
        if (consecutive(rows, size)) {
            return network.gradients(X, Y, rows[0], size, ws);
        }
        return network.gradients(gather(X, rows, size, Xb), gather(Y, rows, size, Yb), ws);
    }

    /** One gradient-descent step of {@link Network#descend} on the batch, chosen as in gradients. */
    private Descent descend(int[] rows, int size, Workspace ws, double rate) {
        if (rows == null) {
            return network.descend(X, Y, 0, X.numRows, ws, rate, inputMax);
        }
        if (consecutive(rows, size)) {
            return network.descend(X, Y, rows[0], size, ws, rate, inputMax);
        }
        return network.descend(gather(X, rows, size, Xb), gather(Y, rows, size, Yb), 0, size, ws,
                rate, inputMax);
    }

    /** Rows {@code rows[0..size)} of M copied into {@code out}, reshaped to size × cols. */
    private static DMatrixRMaj gather(DMatrixRMaj M, int[] rows, int size, DMatrixRMaj out) {
        int cols = M.numCols;
        out.reshape(size, cols);
        for (int i = 0; i < size; i++) {
            System.arraycopy(M.data, rows[i] * cols, out.data, i * cols, cols);
        }
        return out;
    }

    /** Whether rows[0..size) are one block of consecutive rows, in order. */
    private static boolean consecutive(int[] rows, int size) {
        if (rows[size - 1] - rows[0] != size - 1) {
            return false;
        }
        for (int i = 1; i < size; i++) {
            if (rows[i] != rows[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    /** A record of the loss (and validation loss) of the whole set and the parameters. */
    private void record(int step) {
        DMatrixRMaj Xv = settings.validationX();
        double loss = lossOrNaN(X, Y);
        double validation = Xv == null ? Double.NaN : lossOrNaN(Xv, settings.validationY());
        if (!Double.isFinite(loss) || (Xv != null && !Double.isFinite(validation))) {
            String which = Double.isFinite(loss) ? "validation" : "training";
            double bad = Double.isFinite(loss) ? validation : loss;
            String when = step == 0 ? "at the starting point" : "at iteration " + step + " (after its update)";
            history.finish(step, "diverged: " + which + " loss " + bad + " " + when);
            throw diverged("the " + which + " loss became " + bad + " " + when, step, bad, null);
        }
        history.add(step, loss, validation, network.parameterValues());
        watchLoss(step, loss);
    }

    /**
     * The finite rule of {@link DivergenceWatch}: a loss far above the start stops the run, θ put
     * back as it was, or, with {@link OnDivergence#WARN}, leaves one warning in the history.
     */
    private void watchLoss(int step, double loss) {
        if (!watch.diverged(step, loss) || warned) {
            return;
        }
        if (settings.onDivergence() == OnDivergence.WARN) {
            warned = true;
            history.warn("diverging at iteration " + step + ": " + watch.rise() + "; " + watch.path());
            return;
        }
        history.finish(step, "diverged: loss " + loss + " at iteration " + step);
        throw diverged("at iteration " + step + " " + watch.rise(), step, loss, null);
    }

    /** The exception of a diverged run, after putting θ back at its start. */
    private DivergenceException diverged(String what, int step, double loss, Throwable cause) {
        String path = watch.path().isEmpty() ? "" : "; " + watch.path();
        String message = "training diverged: " + what + path + "; " + watch.restore() + "; " + hint();
        return cause == null ? new DivergenceException(message, step, loss, history)
                : new DivergenceException(message, step, loss, history, cause);
    }

    /** The loss of a whole set; NaN where {@link Network#loss} reports an overflow, for record to stop on. */
    private double lossOrNaN(DMatrixRMaj X, DMatrixRMaj Y) {
        try {
            return network.loss(X, Y);
        } catch (ArithmeticException overflow) {
            return Double.NaN;
        }
    }

    private static boolean allFinite(DMatrixRMaj M) {
        return Checks.firstNonFinite(M.data, M.getNumElements()) < 0;
    }

    /** The batch loss, when it was computed, must be finite before the update. */
    private void checkLoss(Gradients g, boolean lossKnown, int step, double previous) {
        if (lossKnown && !Double.isFinite(g.loss())) {
            double loss = g.loss();
            String last = Double.isNaN(previous) ? "" : String.format(Locale.ROOT,
                    " (the loss of iteration %d was %.6g)", step - 1, previous);
            watch.diverged(step, loss);
            history.finish(step - 1, "diverged: loss " + loss + " at iteration " + step);
            throw diverged("the loss became " + loss + " at iteration " + step + last, step, loss, null);
        }
    }

    /** After a refused step: a non-finite gradient is divergence, named with its parameter. */
    private void checkGradients(Gradients g, int step, IllegalArgumentException refused) {
        List<DMatrixRMaj> grads = g.list();
        for (int i = 0; i < grads.size(); i++) {
            DMatrixRMaj d = grads.get(i);
            int k = Checks.firstNonFinite(d.data, d.getNumElements());
            if (k >= 0) {
                String name = g.names().get(i);
                double loss = g.loss();
                history.finish(step - 1, "diverged: gradient of " + name + " at iteration " + step);
                throw diverged("the gradient of " + name + " holds " + d.data[k] + " at row "
                        + (k / d.numCols) + ", column " + (k % d.numCols) + " at iteration " + step
                        + " (loss " + String.format(Locale.ROOT, "%.6g", loss) + ")", step, loss, refused);
            }
        }
    }

    private String hint() {
        return "try a lower learning rate than " + optimizer + ", or standardize the inputs";
    }
}
