package org.neuralnotes.train;

import java.util.Optional;
import org.neuralnotes.linalg.Checks;

/**
 * A rule checked after every step of training: it either gives a reason to stop now or lets
 * training go on. Rules compose with {@link #or} and {@link #and}; the maximum number of
 * iterations or epochs set on the {@link Trainer} always applies as well.
 *
 * <pre>{@code
 * StoppingRule.lossChangeBelow(1.0)                                  // note 000
 * StoppingRule.accuracyAtLeast(0.95)                                 // note 003
 * StoppingRule.validationAccuracyAtLeast(0.9).or(StoppingRule.maxEpochs(20))
 * }</pre>
 */
@FunctionalInterface
public interface StoppingRule {

    /** The reason to stop after the step described by {@code p}, or empty to go on. */
    Optional<String> check(Progress p);

    /** Whether the rule reads the validation set (then {@link Trainer} requires one). */
    default boolean needsValidation() {
        return false;
    }

    /** Stops when this rule or {@code other} says so (this one is asked first). */
    default StoppingRule or(StoppingRule other) {
        return new Rules.Or(this, Rules.nonNull("other", other));
    }

    /** Stops when this rule and {@code other} both say so at the same step. */
    default StoppingRule and(StoppingRule other) {
        return new Rules.And(this, Rules.nonNull("other", other));
    }

    /** Stops once {@code n} steps have been taken. */
    static StoppingRule maxIterations(int n) {
        Checks.positive("n", n);
        return new Rules.Named("maxIterations(n=" + n + ")", false,
                p -> p.step() >= n ? "maximum of " + n + " iterations reached" : null);
    }

    /** Stops once {@code n} epochs have been completed. */
    static StoppingRule maxEpochs(int n) {
        Checks.positive("n", n);
        return new Rules.Named("maxEpochs(n=" + n + ")", false,
                p -> p.epoch() >= n ? "maximum of " + n + " epochs reached" : null);
    }

    /**
     * Note 000's "until the cost fails to decrease": stops at the first step s ≥ 2 whose batch
     * loss differs from the previous step's by less than {@code threshold}, |C_s − C_{s−1}| &lt;
     * threshold. With {@link Batching#fullBatch()} C_s is the cost of all examples at the
     * parameters before step s, as in the notes; with smaller batches the two losses come from
     * different examples, so the rule measures batch-to-batch noise as well.
     */
    static StoppingRule lossChangeBelow(double threshold) {
        Checks.positive("threshold", threshold);
        return new Rules.Named("lossChangeBelow(threshold=" + threshold + ")", false, p -> {
            // ΔC = C_s − C_{s−1}
            double change = Math.abs(p.loss() - p.previousLoss());
            return change < threshold
                    ? "loss change |ΔC| = " + Rules.number(change) + " < " + threshold
                            + " at iteration " + p.step()
                    : null;
        });
    }

    /**
     * Note 003's "until the accuracy is good enough", on the training data: stops when the
     * share of training examples classified right (as {@code Network.accuracy} counts it)
     * is at least {@code target}, after a step. Costs one forward pass over the training set
     * per step.
     */
    static StoppingRule accuracyAtLeast(double target) {
        Rules.checkTarget(target);
        return new Rules.Named("accuracyAtLeast(target=" + target + ")", false, p -> {
            double accuracy = p.network().accuracy(p.X(), p.Y());
            return accuracy >= target
                    ? "training accuracy " + Rules.number(accuracy) + " >= " + target
                            + " at iteration " + p.step()
                    : null;
        });
    }

    /** As {@link #accuracyAtLeast(double)}, on the validation set (which must be given). */
    static StoppingRule validationAccuracyAtLeast(double target) {
        Rules.checkTarget(target);
        return new Rules.Named("validationAccuracyAtLeast(target=" + target + ")", true, p -> {
            double accuracy = p.network().accuracy(p.validationX(), p.validationY());
            return accuracy >= target
                    ? "validation accuracy " + Rules.number(accuracy) + " >= " + target
                            + " at iteration " + p.step()
                    : null;
        });
    }
}
