package org.neuralnotes.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.random.Rng;

/**
 * The training loop, with its settings fixed at construction. One step is the public calls a
 * reader can make by hand in a notebook, in this order:
 * <ol>
 *   <li>{@code Batch batch = sampler.next()}: the rows the {@link Batching} picks (all of them
 *       for full batch), and their {@code Xb = batch.rows(X)}, {@code Yb = batch.rows(Y)};</li>
 *   <li>{@code ForwardPass pass = network.forward(Xb)}: Z[l] = A[l−1]·W[l] + b[l], A[l] = g(Z[l]);</li>
 *   <li>{@code double loss = network.loss(pass, Yb)}: the batch loss, which must be finite;</li>
 *   <li>{@code Gradients g = network.backward(pass, Yb)}: ∂L/∂θ for W1, b1, W2, b2, …, which
 *       must be finite ({@code g.allFinite()});</li>
 *   <li>{@code optimizer.step(network.parameterValues(), g.list())}: θ ← θ − (update), in place;</li>
 *   <li>a record in the {@link History} when the step falls on the grid of every k steps;</li>
 *   <li>the listeners, then the stopping rules, then the maximum number of iterations or epochs.</li>
 * </ol>
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()
 *         .optimizer(new GradientDescent(0.01))
 *         .maxIterations(100)
 *         .stopWhen(StoppingRule.lossChangeBelow(1.0))
 *         .build();
 * History history = trainer.fit(network, X, Y, new Rng(1));
 * }</pre>
 *
 * <p>A trainer can be reused: every {@link #fit} starts from {@link Optimizer#fresh()}, so the
 * optimizer given to the builder is never changed, and the same network start, data and seed
 * give bitwise the same run.
 *
 * <p>Divergence: if the loss or a gradient stops being finite, or the loss rises far above its
 * start (more than 10⁶ · max(L₀, 1), the rule of {@link DivergenceWatch}, checked at every record
 * and at every step), {@code fit} puts the network's parameters
 * back to their values at the start of the call and throws a {@link DivergenceException} naming
 * the iteration and the latest losses. With {@code onDivergence(OnDivergence.WARN)} a finite
 * rise only leaves a warning in {@link History#warnings()} and training goes on, to watch it
 * happen; a loss that stops being finite still stops the run.
 *
 * <p>Threads: a trainer holds only settings and can be shared; each {@code fit} works on its own
 * copy of the optimizer. A network is trained by one {@code fit} at a time: a second
 * {@code fit} on a network that is being trained (from another thread, or from a listener) is
 * refused with an {@code IllegalStateException}. Nothing else locks the network: reading it
 * (predict, loss) while it trains sees weights in the middle of an update.
 */
public final class Trainer {
    /** The default spacing of the records: every step. */
    public static final int DEFAULT_RECORD_EVERY = 1;
    /** The default bound of the history's number of records: 1000 records. */
    public static final int DEFAULT_MAX_RECORDS = 1000;
    /** The default bound of the history's memory: 64 MB, well inside a notebook kernel's 1 GB. */
    public static final long DEFAULT_MAX_HISTORY_BYTES = 64L << 20;
    /** Without {@code recordWeights(true)}, weights are recorded for networks this small only. */
    public static final int AUTO_WEIGHT_ENTRIES = 10_000;


    /** the settings, fixed: copied from the builder, the optimizer a fresh copy */
    private final TrainerSettings s;
    /** the settings' rules and listeners, fixed: read at every step of a run */
    private final List<StoppingRule> rules;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        this.s = b.s.copy(true);
        this.s.optimizer = b.s.optimizer.fresh();
        this.rules = List.copyOf(s.rules);
        this.listeners = List.copyOf(s.listeners);
    }

    /** A builder with the defaults: full batch, records every step, at most 1000 records. */
    public static Builder builder() {
        return new Builder(new TrainerSettings());
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(s.copy(false));
    }

    /**
     * Trains {@code network} in place on X (N × inputs) and Y (N × outputs).
     *
     * @param rng the source of every random choice of the batching; may be null only for
     *            {@link Batching#fullBatch()}, which draws nothing
     * @return the history of the run
     * @throws IllegalArgumentException naming the argument, for missing or mis-shaped data
     * @throws DivergenceException      if the loss or a gradient becomes NaN or infinite, or the
     *                                  loss rises far above its start; the network is then back
     *                                  at its parameters from the start of the call
     * @throws IllegalStateException    if another fit is training this network
     */
    public History fit(Network network, DMatrixRMaj X, DMatrixRMaj Y, Rng rng) {
        FitArguments.check(this, network, X, Y, rng);
        FitLock.acquire(network);
        try {
            return new TrainingRun(this, network, X, Y, rng).run();
        } finally {
            FitLock.release(network);
        }
    }

    // ---- settings

    /** The optimizer whose fresh copy each run uses. */
    public Optimizer optimizer() {
        return s.optimizer.fresh();
    }

    /** Which examples each step sees. */
    public Batching batching() {
        return s.batching;
    }

    /** The maximum number of iterations, 0 when only epochs are bounded. */
    public int maxIterations() {
        return s.maxIterations;
    }

    /** The maximum number of epochs, 0 when only iterations are bounded. */
    public int maxEpochs() {
        return s.maxEpochs;
    }

    /** The stopping rules added with {@code stopWhen}; any of them stops training. */
    public List<StoppingRule> stoppingRules() {
        return rules;
    }

    /** The listeners, in the order they are called. */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** The spacing k of the records asked for. */
    public int recordEvery() {
        return s.recordEvery;
    }

    /** The bound of the history's number of records. */
    public int maxRecords() {
        return s.maxRecords;
    }

    /** The bound of the history's memory, in bytes. */
    public long maxHistoryBytes() {
        return s.maxHistoryBytes;
    }

    /**
     * Whether weight paths may be recorded: false after {@code recordWeights(false)}; true after
     * {@code recordWeights(true)} and by default, when they are recorded for networks of at most
     * {@link #AUTO_WEIGHT_ENTRIES} parameter entries.
     */
    public boolean recordWeights() {
        return !Boolean.FALSE.equals(s.recordWeights);
    }

    /** Whether a run on this network records its weight paths. */
    boolean recordsWeightsOf(Network network) {
        return s.recordWeights == null ? network.parameterCount() <= AUTO_WEIGHT_ENTRIES : s.recordWeights;
    }

    /** What a finite rise of the loss far above its start does. */
    public OnDivergence onDivergence() {
        return s.onDivergence;
    }

    /** Whether records are kept at all ({@link Builder#keepHistory(boolean)}). */
    public boolean keepsHistory() {
        return s.keepHistory;
    }

    /** Whether a validation set was given. */
    public boolean hasValidation() {
        return s.validationX != null;
    }

    DMatrixRMaj validationX() {
        return s.validationX;
    }

    DMatrixRMaj validationY() {
        return s.validationY;
    }

    @Override
    public String toString() {
        return s.toString();
    }

    /** The settings of a {@link Trainer}; an optimizer and a maximum are required. */
    public static final class Builder {
        private final TrainerSettings s;

        private Builder(TrainerSettings s) {
            this.s = s;
        }

        /** The update rule (required). Each run uses its {@link Optimizer#fresh()} copy. */
        public Builder optimizer(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer: expected an optimizer, found null");
            }
            s.optimizer = optimizer;
            return this;
        }

        /** Which examples each step sees; {@link Batching#fullBatch()} by default. */
        public Builder batching(Batching batching) {
            if (batching == null) {
                throw new IllegalArgumentException("batching: expected a batching, found null");
            }
            s.batching = batching;
            return this;
        }

        /** Stop after at most n steps. */
        public Builder maxIterations(int n) {
            s.maxIterations = Checks.positive("maxIterations", n);
            return this;
        }

        /** Stop after at most n epochs (n · stepsPerEpoch steps). */
        public Builder maxEpochs(int n) {
            s.maxEpochs = Checks.positive("maxEpochs", n);
            return this;
        }

        /** Adds a stopping rule; training stops when any of the added rules fires. */
        public Builder stopWhen(StoppingRule rule) {
            s.rules.add(Rules.nonNull("rule", rule));
            return this;
        }

        /** Adds a listener, called after every step in the order added. */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener: expected a listener, found null");
            }
            s.listeners.add(listener);
            return this;
        }

        /**
         * Record the losses and weights every k steps (k = 1 by default). Each record costs a
         * forward pass over the training set (and the validation set): with one-example or small
         * batches, record every few hundred steps, or every epoch
         * ({@code batching.stepsPerEpoch(N)} steps).
         */
        public Builder recordEvery(int k) {
            s.recordEvery = Checks.positive("recordEvery", k);
            return this;
        }

        /**
         * The memory bound: at most this many records (1000 by default, at least 2: the start
         * and the end). Beyond it the history keeps every second record and doubles k.
         */
        public Builder maxRecords(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("maxRecords: expected an integer >= 2 (the start"
                        + " and the final step), found " + max);
            }
            s.maxRecords = max;
            return this;
        }

        /**
         * The memory bound of the history in bytes (64 MB by default): fewer records are kept
         * when they would take more (see {@link History}).
         */
        public Builder maxHistoryBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxHistoryBytes: expected a number of bytes >= 1, found " + bytes);
            }
            s.maxHistoryBytes = bytes;
            return this;
        }

        /**
         * Whether to record the weight paths. They take 8 bytes per parameter entry per record;
         * by default they are recorded for networks of at most {@link #AUTO_WEIGHT_ENTRIES}
         * entries only, and always after {@code recordWeights(true)}.
         */
        public Builder recordWeights(boolean record) {
            s.recordWeights = record;
            return this;
        }

        /**
         * What a finite rise of the loss far above its start does: {@link OnDivergence#THROW}
         * (the default) or {@link OnDivergence#WARN}, to watch a run blow up.
         */
        public Builder onDivergence(OnDivergence what) {
            if (what == null) {
                throw new IllegalArgumentException("onDivergence: expected THROW or WARN, found null");
            }
            s.onDivergence = what;
            return this;
        }

        /**
         * Whether to keep records at all (true by default). With false, fit makes no pass over
         * the whole training set: no loss or weight is recorded, not even at the start and the
         * end, and the history holds only the number of steps, the reason for stopping and
         * {@link History#lastBatchLoss()}. Divergence is still detected at every step. For
         * timing and for long runs whose curve is not wanted.
         */
        public Builder keepHistory(boolean keep) {
            s.keepHistory = keep;
            return this;
        }

        /** A validation set, scored at every record; copied. */
        public Builder validation(DMatrixRMaj X, DMatrixRMaj Y) {
            Checks.nonEmpty("validationX", X);
            Checks.nonEmpty("validationY", Y);
            if (Y.numRows != X.numRows) {
                throw new IllegalArgumentException("validationY: expected " + X.numRows
                        + " rows (one per row of validationX), found " + Checks.shape(Y));
            }
            s.validationX = X;
            s.validationY = Y;
            return this;
        }

        /** The trainer; refuses settings without an optimizer or without a maximum. */
        public Trainer build() {
            if (s.optimizer == null) {
                throw new IllegalArgumentException("optimizer: expected an optimizer, found none"
                        + " (call optimizer(...))");
            }
            if (s.maxIterations == 0 && s.maxEpochs == 0) {
                throw new IllegalArgumentException("maxIterations: expected a maximum number of"
                        + " iterations or epochs, found none (call maxIterations(n) or maxEpochs(n))");
            }
            return new Trainer(this);
        }
    }
}
