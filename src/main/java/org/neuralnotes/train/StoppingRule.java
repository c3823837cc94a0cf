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
     * Note 000's "until the cost fails to decrease", as its R loop does it: after step s, with
     * C_before the loss before the step and C_after the loss of the whole training set after it,
     * stop when the step's own change |C_before − C_after| is below {@code threshold}. The step
     * that changed the loss by less than the threshold is the last one taken; the rule can fire
     * from the first step on. With {@link Batching#fullBatch()} C_before is the cost of all
     * examples, as in the notes; with smaller batches it is the loss of the step's batch, so the
     * change also measures how that batch differs from the whole set. Costs one forward pass
     * over the training set per step.
     */
    static StoppingRule lossChangeBelow(double threshold) {
        Checks.positive("threshold", threshold);
        return new Rules.Named("lossChangeBelow(threshold=" + threshold + ")", false, p -> {
            // C_after: the cost of the training set at the parameters this step left
            double after = p.network().loss(p.X(), p.Y());
            // ΔC = C_before − C_after, the change made by this step
            double change = Math.abs(p.loss() - after);
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
