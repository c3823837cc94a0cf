package org.neuralnotes.train;

import org.neuralnotes.linalg.Checks;
import org.neuralnotes.random.Rng;

/**
 * Which examples each step of training sees: a training setting, not part of the optimizer.
 *
 * <ul>
 *   <li>{@link #fullBatch()}: every step uses all N examples (notes 000, 001, 003).</li>
 *   <li>{@link #sgdUniform()}: every step uses one example drawn uniformly at random, with
 *       replacement, as note 002 writes SGD.</li>
 *   <li>{@link #shuffledEpochs()}: one example per step, visiting all N in a fresh random
 *       order each epoch (SGD as most libraries run it).</li>
 *   <li>{@link #miniBatch(int)}: batches of {@code size} examples, reshuffled each epoch;
 *       when N is not a multiple of {@code size} the last, smaller batch is kept.</li>
 *   <li>{@link #inOrder(int)}: batches of {@code size} consecutive examples in the order of
 *       the data, the same every epoch (rows 0 … B − 1, then B … 2B − 1, …).</li>
 * </ul>
 * An epoch is ⌈N / batch size⌉ steps (N steps for {@code sgdUniform()}, which makes N draws
 * per "epoch" but need not visit every example). Every random choice comes from the
 * generator passed to {@link Trainer#fit}.
 */
public abstract class Batching {

    private Batching() {}

    /** All N examples in every step. Draws nothing. */
    public static Batching fullBatch() {
        return new Full();
    }

    /** One example per step, index drawn uniformly from {0, …, N − 1} (note 002). */
    public static Batching sgdUniform() {
        return new Uniform();
    }

    /** One example per step, a new permutation of the examples each epoch. */
    public static Batching shuffledEpochs() {
        return new Shuffled(1, "shuffledEpochs()");
    }

    /**
     * Batches of {@code size} examples from a new permutation each epoch; the last batch of
     * an epoch holds the N mod size examples left over, if any. A size of N or more gives one
     * (shuffled) batch of all examples per epoch.
     */
    public static Batching miniBatch(int size) {
        Checks.positive("size", size);
        return new Shuffled(size, "miniBatch(size=" + size + ")");
    }

    /**
     * Batches of {@code size} consecutive examples in the data's order, the same batches every
     * epoch; the last batch of an epoch holds the N mod size examples left over, if any. Draws
     * nothing: shuffle the data beforehand if the order carries a pattern.
     */
    public static Batching inOrder(int size) {
        Checks.positive("size", size);
        return new InOrder(size);
    }

    /** The number of steps in one epoch over n examples. */
    public abstract int stepsPerEpoch(int n);

    /** The largest batch this setting makes from n examples. */
    public abstract int maxBatchSize(int n);

    /** Whether {@link #sampler} needs a generator. */
    public abstract boolean draws();

    /**
     * A fresh sequence of batches over n examples, drawing from rng (which may be null when
     * {@link #draws()} is false). The trainer makes one per run; call it yourself to take a
     * step by hand.
     */
    public final Sampler sampler(int n, Rng rng) {
        Checks.positive("n", n);
        if (rng == null && draws()) {
            throw new IllegalArgumentException("rng: expected a generator for " + this
                    + " batching, found null");
        }
        return newSampler(n, rng);
    }

    abstract Sampler newSampler(int n, Rng rng);

    /** The batches of one training run, in order. */
    public interface Sampler {
        /** The next batch: which rows of X and Y the next step sees. */
        Batch next();
    }

    private static final class Full extends Batching {
        @Override
        public int stepsPerEpoch(int n) {
            return 1;
        }

        @Override
        public int maxBatchSize(int n) {
            return n;
        }

        @Override
        public boolean draws() {
            return false;
        }

        @Override
        Sampler newSampler(int n, Rng rng) {
            Batch all = Batch.all(n);
            return () -> all;
        }

        @Override
        public String toString() {
            return "fullBatch()";
        }
    }

    private static final class Uniform extends Batching {
        @Override
        public int stepsPerEpoch(int n) {
            return n;
        }

        @Override
        public int maxBatchSize(int n) {
            return 1;
        }

        @Override
        public boolean draws() {
            return true;
        }

        @Override
        Sampler newSampler(int n, Rng rng) {
            // i ~ U{0, …, N − 1}
            return () -> Batch.of(rng.nextInt(n));
        }

        @Override
        public String toString() {
            return "sgdUniform()";
        }
    }

    /** Batches of a fixed size; the last batch of an epoch holds what is left over. */
    private abstract static class Sized extends Batching {
        final int size;

        Sized(int size) {
            this.size = size;
        }

        @Override
        public final int stepsPerEpoch(int n) {
            return (n + size - 1) / size;
        }

        @Override
        public final int maxBatchSize(int n) {
            return Math.min(size, n);
        }
    }

    private static final class Shuffled extends Sized {
        private final String description;

        Shuffled(int size, String description) {
            super(size);
            this.description = description;
        }

        @Override
        public boolean draws() {
            return true;
        }

        @Override
        Sampler newSampler(int n, Rng rng) {
            return new Sampler() {
                private int[] order;
                private int at = n;

                @Override
                public Batch next() {
                    if (at >= n) {
                        // a new epoch: a new order of the examples
                        order = rng.permutation(n);
                        at = 0;
                    }
                    int take = Math.min(size, n - at);
                    Batch batch = Batch.of(java.util.Arrays.copyOfRange(order, at, at + take));
                    at += take;
                    return batch;
                }
            };
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static final class InOrder extends Sized {
        InOrder(int size) {
            super(size);
        }

        @Override
        public boolean draws() {
            return false;
        }

        @Override
        Sampler newSampler(int n, Rng rng) {
            if (size >= n) {
                // one batch of every row, in order: the data itself
                Batch all = Batch.all(n);
                return () -> all;
            }
            return new Sampler() {
                private int at = n;

                @Override
                public Batch next() {
                    if (at >= n) {
                        // a new epoch: back to the first row
                        at = 0;
                    }
                    Batch batch = Batch.range(at, Math.min(size, n - at));
                    at += batch.size();
                    return batch;
                }
            };
        }

        @Override
        public String toString() {
            return "inOrder(size=" + size + ")";
        }
    }
}
