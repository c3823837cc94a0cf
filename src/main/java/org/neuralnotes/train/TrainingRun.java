package org.neuralnotes.train;

import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.nn.ForwardPass;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.nn.TrainingStep;
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
    /** network.forward and network.backward into matrices reused from step to step */
    private final TrainingStep oneStep;
    /** the rows of a batch that is not the whole data, copied here, reused from step to step */
    private final DMatrixRMaj Xb = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj Yb = new DMatrixRMaj(1, 1);
    /** the checks of every loss and gradient, and θ at the start, put back when the run diverges */
    private final Divergence divergence;

    TrainingRun(Trainer settings, Network network, DMatrixRMaj X, DMatrixRMaj Y, Rng rng) {
        this.settings = settings;
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
        this.divergence = new Divergence(network, history, settings.onDivergence(), optimizer);
        this.sampler = batching.sampler(n, rng);
        this.oneStep = new TrainingStep(network);
    }

    History run() {
        List<DMatrixRMaj> theta = network.parameterValues();
        boolean keep = settings.keepsHistory();
        if (keep) {
            record(0);
        }
        double previous = Double.NaN;
        String reason = null;
        int step = 0;
        while (reason == null) {
            step++;
            // the batch: which rows of X and Y this step sees (X and Y themselves for full batch)
            Batch batch = sampler.next();
            DMatrixRMaj Xb = batch.rows(X, this.Xb);
            DMatrixRMaj Yb = batch.rows(Y, this.Yb);
            // forward: Z[l] = A[l−1]·W[l] + b[l], A[l] = g(Z[l]) for l = 1 … L (network.forward,
            // into the step's matrices)
            ForwardPass pass = oneStep.forward(Xb);
            // the batch loss, before the update; not finite: the run has diverged
            double loss = network.loss(pass, Yb);
            divergence.checkLoss(step, loss, previous);
            // backward: δ[L] = ∂L/∂Z[L], …, δ[1] and ∂L/∂θ; not finite: the run has diverged
            Gradients gradients = oneStep.backward(pass, Yb);
            divergence.checkGradients(step, gradients, loss);
            // θ ← θ − (update), the optimizer's own rule and state
            optimizer.step(theta, gradients.list());
            if (keep && history.due(step)) {
                // the loss of the whole set after the update, watched in record
                record(step);
            } else {
                divergence.watch(step, loss);
            }
            reason = stopReason(step, loss, previous);
            previous = loss;
        }
        history.lastBatchLoss(previous);
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

    /** A record of the loss (and validation loss) of the whole set and the parameters. */
    private void record(int step) {
        DMatrixRMaj Xv = settings.validationX();
        double loss = lossOrNaN(X, Y);
        double validation = Xv == null ? Double.NaN : lossOrNaN(Xv, settings.validationY());
        divergence.checkRecord(step, loss, Xv == null ? 0.0 : validation);
        history.add(step, loss, validation, network.parameterValues());
        divergence.watch(step, loss);
    }

    /** The loss of a whole set; NaN where {@link Network#loss} reports an overflow, for record to stop on. */
    private double lossOrNaN(DMatrixRMaj X, DMatrixRMaj Y) {
        try {
            return network.loss(X, Y);
        } catch (ArithmeticException overflow) {
            return Double.NaN;
        }
    }
}
