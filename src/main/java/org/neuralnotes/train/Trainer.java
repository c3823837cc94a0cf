package org.neuralnotes.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.random.Rng;

/**
 * The training loop, with its settings fixed at construction. One step reads:
 * <ol>
 *   <li>the batch: the rows the {@link Batching} picks (all of them for full batch);</li>
 *   <li>{@code network.gradients(X, Y)}: the forward pass, the loss L of the batch and the
 *       backward pass ∂L/∂θ for W1, b1, W2, b2, …;</li>
 *   <li>{@code optimizer.step(θ, ∇θ)}: θ ← θ − (update), in place;</li>
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
 * give bitwise the same run. If the loss or a gradient stops being finite, {@code fit} throws a
 * {@link DivergenceException} naming the iteration.
 */
public final class Trainer {
    /** The default spacing of the records: every step. */
    public static final int DEFAULT_RECORD_EVERY = 1;
    /** The default memory bound of the history: 1000 records. */
    public static final int DEFAULT_MAX_RECORDS = 1000;

    private final Optimizer optimizer;
    private final Batching batching;
    private final int maxIterations;
    private final int maxEpochs;
    private final List<StoppingRule> rules;
    private final List<TrainingListener> listeners;
    private final int recordEvery;
    private final int maxRecords;
    private final boolean recordWeights;
    private final boolean keepHistory;
    private final DMatrixRMaj validationX;
    private final DMatrixRMaj validationY;

    private Trainer(Builder b) {
        this.optimizer = b.optimizer.fresh();
        this.batching = b.batching;
        this.maxIterations = b.maxIterations;
        this.maxEpochs = b.maxEpochs;
        this.rules = List.copyOf(b.rules);
        this.listeners = List.copyOf(b.listeners);
        this.recordEvery = b.recordEvery;
        this.maxRecords = b.maxRecords;
        this.recordWeights = b.recordWeights;
        this.keepHistory = b.keepHistory;
        this.validationX = b.validationX == null ? null : b.validationX.copy();
        this.validationY = b.validationY == null ? null : b.validationY.copy();
    }

    /** A builder with the defaults: full batch, records every step, at most 1000 records. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.optimizer = optimizer;
        b.batching = batching;
        b.maxIterations = maxIterations;
        b.maxEpochs = maxEpochs;
        b.rules.addAll(rules);
        b.listeners.addAll(listeners);
        b.recordEvery = recordEvery;
        b.maxRecords = maxRecords;
        b.recordWeights = recordWeights;
        b.keepHistory = keepHistory;
        b.validationX = validationX;
        b.validationY = validationY;
        return b;
    }

    /**
     * Trains {@code network} in place on X (N × inputs) and Y (N × outputs).
     *
     * @param rng the source of every random choice of the batching; may be null only for
     *            {@link Batching#fullBatch()}, which draws nothing
     * @return the history of the run
     * @throws IllegalArgumentException naming the argument, for missing or mis-shaped data
     * @throws DivergenceException      if the loss or a gradient becomes NaN or infinite
     */
    public History fit(Network network, DMatrixRMaj X, DMatrixRMaj Y, Rng rng) {
        double inputMax = checkData(network, X, Y, rng);
        return new TrainingRun(this, network, X, Y, inputMax, rng).run();
    }

    /** Every check of fit's arguments; returns an upper bound of |x| in X, found on the way. */
    private double checkData(Network network, DMatrixRMaj X, DMatrixRMaj Y, Rng rng) {
        if (network == null) {
            throw new IllegalArgumentException("network: expected a network, found null");
        }
        double inputMax = checkPair("X", X, "Y", Y, network);
        if (validationX != null) {
            checkPair("validationX", validationX, "validationY", validationY, network);
        }
        for (StoppingRule rule : rules) {
            if (rule.needsValidation() && validationX == null) {
                throw new IllegalArgumentException("stopWhen: " + rule + " needs a validation set,"
                        + " found none (call validation(X, Y) on the builder)");
            }
        }
        if (rng == null && batching.draws()) {
            throw new IllegalArgumentException("rng: expected a generator for " + batching
                    + " batching, found null");
        }
        return inputMax;
    }

    /** Shapes and finite entries of an X, Y pair; returns an upper bound of |x|. */
    private static double checkPair(String xName, DMatrixRMaj X, String yName, DMatrixRMaj Y,
                                  Network network) {
        Checks.nonEmpty(xName, X);
        if (X.numCols != network.inputs()) {
            throw new IllegalArgumentException(xName + ": expected " + network.inputs()
                    + " columns (the network's inputs), found " + Checks.shape(X));
        }
        double largest = Checks.finiteAbsBound(xName, X);
        Checks.shape(yName, Y, X.numRows, network.outputs());
        Checks.finite(yName, Y);
        return largest;
    }

    // ---- settings

    /** The optimizer whose fresh copy each run uses. */
    public Optimizer optimizer() {
        return optimizer.fresh();
    }

    /** Which examples each step sees. */
    public Batching batching() {
        return batching;
    }

    /** The maximum number of iterations, 0 when only epochs are bounded. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The maximum number of epochs, 0 when only iterations are bounded. */
    public int maxEpochs() {
        return maxEpochs;
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
        return recordEvery;
    }

    /** The memory bound of the history. */
    public int maxRecords() {
        return maxRecords;
    }

    /** Whether the weight paths are recorded. */
    public boolean recordWeights() {
        return recordWeights;
    }

    /** Whether records are kept at all ({@link Builder#keepHistory(boolean)}). */
    public boolean keepsHistory() {
        return keepHistory;
    }

    /** Whether a validation set was given. */
    public boolean hasValidation() {
        return validationX != null;
    }

    DMatrixRMaj validationX() {
        return validationX;
    }

    DMatrixRMaj validationY() {
        return validationY;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Trainer(optimizer=").append(optimizer)
                .append(", batching=").append(batching);
        if (maxIterations > 0) {
            s.append(", maxIterations=").append(maxIterations);
        }
        if (maxEpochs > 0) {
            s.append(", maxEpochs=").append(maxEpochs);
        }
        if (!rules.isEmpty()) {
            s.append(", stopWhen=").append(rules);
        }
        if (!listeners.isEmpty()) {
            s.append(", listeners=").append(listeners.size());
        }
        s.append(", recordEvery=").append(recordEvery).append(", maxRecords=").append(maxRecords)
                .append(", recordWeights=").append(recordWeights)
                .append(keepHistory ? "" : ", keepHistory=false").append(", validation=")
                .append(validationX == null ? "none" : Checks.shape(validationX));
        return s.append(')').toString();
    }

    /** The settings of a {@link Trainer}; an optimizer and a maximum are required. */
    public static final class Builder {
        private Optimizer optimizer;
        private Batching batching = Batching.fullBatch();
        private int maxIterations;
        private int maxEpochs;
        private final List<StoppingRule> rules = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private int recordEvery = DEFAULT_RECORD_EVERY;
        private int maxRecords = DEFAULT_MAX_RECORDS;
        private boolean recordWeights = true;
        private boolean keepHistory = true;
        private DMatrixRMaj validationX;
        private DMatrixRMaj validationY;

        private Builder() {}

        /** The update rule (required). Each run uses its {@link Optimizer#fresh()} copy. */
        public Builder optimizer(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer: expected an optimizer, found null");
            }
            this.optimizer = optimizer;
            return this;
        }

        /** Which examples each step sees; {@link Batching#fullBatch()} by default. */
        public Builder batching(Batching batching) {
            if (batching == null) {
                throw new IllegalArgumentException("batching: expected a batching, found null");
            }
            this.batching = batching;
            return this;
        }

        /** Stop after at most n steps. */
        public Builder maxIterations(int n) {
            this.maxIterations = Checks.positive("maxIterations", n);
            return this;
        }

        /** Stop after at most n epochs (n · stepsPerEpoch steps). */
        public Builder maxEpochs(int n) {
            this.maxEpochs = Checks.positive("maxEpochs", n);
            return this;
        }

        /** Adds a stopping rule; training stops when any of the added rules fires. */
        public Builder stopWhen(StoppingRule rule) {
            rules.add(Rules.nonNull("rule", rule));
            return this;
        }

        /** Adds a listener, called after every step in the order added. */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener: expected a listener, found null");
            }
            listeners.add(listener);
            return this;
        }

        /**
         * Record the losses and weights every k steps (k = 1 by default). Each record costs a
         * forward pass over the training set (and the validation set): with one-example or small
         * batches, record every few hundred steps, or every epoch
         * ({@code batching.stepsPerEpoch(N)} steps).
         */
        public Builder recordEvery(int k) {
            this.recordEvery = Checks.positive("recordEvery", k);
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
            this.maxRecords = max;
            return this;
        }

        /**
         * Whether to record the weight paths (true by default). They take 8 bytes per
         * parameter entry per record; turn them off for large networks.
         */
        public Builder recordWeights(boolean record) {
            this.recordWeights = record;
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
            this.keepHistory = keep;
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
            this.validationX = X;
            this.validationY = Y;
            return this;
        }

        /** The trainer; refuses settings without an optimizer or without a maximum. */
        public Trainer build() {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer: expected an optimizer, found none"
                        + " (call optimizer(...))");
            }
            if (maxIterations == 0 && maxEpochs == 0) {
                throw new IllegalArgumentException("maxIterations: expected a maximum number of"
                        + " iterations or epochs, found none (call maxIterations(n) or maxEpochs(n))");
            }
            return new Trainer(this);
        }
    }
}
