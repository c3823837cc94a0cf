package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.train.TrainData.refused;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

/**
 * Each rule fires at the step where it should, found independently from an unstopped run
 * with the same start, and says why.
 */
class StoppingRuleTest {
    private final Rng data = new Rng(31);
    private final DMatrixRMaj X = TrainData.inputs(80, 2, data);
    private final DMatrixRMaj Y = TrainData.labels(X, data);
    private final DMatrixRMaj Xv = TrainData.inputs(40, 2, data);
    private final DMatrixRMaj Yv = TrainData.labels(Xv, data);

    private Trainer.Builder base(int maxIterations) {
        return Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(maxIterations);
    }

    @Test
    void maxIterationsStopsAtTheCount() {
        History h = base(25).build().fit(TrainData.classifier(1), X, Y, null);
        assertEquals(25, h.iterations());
        assertEquals(25, h.steps()[h.size() - 1]);
        assertEquals("maximum of 25 iterations reached", h.stoppedBecause());
    }

    @Test
    void maxEpochsCountsBatchesPerEpoch() {
        // 80 examples in batches of 30: 30, 30, 20 → 3 steps per epoch
        History h = Trainer.builder().optimizer(new GradientDescent(0.5))
                .batching(Batching.miniBatch(30)).maxEpochs(4).build()
                .fit(TrainData.classifier(1), X, Y, new Rng(2));
        assertEquals(12, h.iterations());
        assertEquals("maximum of 4 epochs reached (12 iterations)", h.stoppedBecause());
        // the smaller cap wins when both are set
        History both = Trainer.builder().optimizer(new GradientDescent(0.5))
                .batching(Batching.miniBatch(30)).maxEpochs(4).maxIterations(5).build()
                .fit(TrainData.classifier(1), X, Y, new Rng(2));
        assertEquals(5, both.iterations());
        assertEquals("maximum of 5 iterations reached", both.stoppedBecause());
    }

    /** The batch losses of an unstopped run, by a listener. */
    private List<Double> lossesOfFullRun(int steps) {
        List<Double> losses = new ArrayList<>();
        base(steps).listener(TrainingListener.watch((s, loss, net) -> losses.add(loss))).build()
                .fit(TrainData.classifier(1), X, Y, null);
        return losses;
    }

    /**
     * Note 000's R loop, written as the note writes it: the cost before and after each step,
     * stop after the step whose own change is below the threshold; the number of steps taken.
     */
    private int stepsOfTheRLoop(double threshold, int maxSteps) {
        Network net = TrainData.classifier(1);
        GradientDescent gd = new GradientDescent(0.5);
        boolean doneDecreasing = false;
        int iter = 0;
        while (!doneDecreasing && iter < maxSteps) {
            double in = net.loss(X, Y);
            gd.step(net.parameterValues(), net.gradients(X, Y).list());
            double out = net.loss(X, Y);
            iter++;
            if (Math.abs(in - out) < threshold) {
                doneDecreasing = true;
            }
        }
        return iter;
    }

    @Test
    void lossChangeBelowStopsAfterTheStepWhoseOwnChangeIsSmall() {
        double threshold = 1e-4;
        int expected = stepsOfTheRLoop(threshold, 400);
        assertTrue(expected > 10 && expected < 400, "the threshold should bite mid-run: " + expected);
        History h = base(400).stopWhen(StoppingRule.lossChangeBelow(threshold)).build()
                .fit(TrainData.classifier(1), X, Y, null);
        assertEquals(expected, h.iterations());
        assertTrue(h.stoppedBecause().startsWith("loss change |ΔC| = "), h.stoppedBecause());
        assertTrue(h.stoppedBecause().endsWith("< 1.0E-4 at iteration " + expected), h.stoppedBecause());
        // the change of the last step is below the threshold, that of the step before is not
        double[] losses = lossesOfFullRun(expected).stream().mapToDouble(Double::doubleValue).toArray();
        double last = Math.abs(losses[expected - 1] - h.finalLoss());
        assertTrue(last < threshold, "last step's change " + last);
        assertTrue(Math.abs(losses[expected - 2] - losses[expected - 1]) >= threshold);
    }

    @Test
    void lossChangeBelowCanStopAfterTheFirstStep() {
        // a threshold above every change: the R loop stops after one step, and so does the rule
        assertEquals(1, stepsOfTheRLoop(1e9, 400));
        History h = base(400).stopWhen(StoppingRule.lossChangeBelow(1e9)).build()
                .fit(TrainData.classifier(1), X, Y, null);
        assertEquals(1, h.iterations());
    }

    /** The first step after which the accuracy on (A, B) reaches the target, or −1. */
    private int firstStepWithAccuracy(double target, DMatrixRMaj A, DMatrixRMaj B) {
        int[] first = {-1};
        base(300).listener(TrainingListener.watch((s, loss, net) -> {
            if (first[0] < 0 && net.accuracy(A, B) >= target) {
                first[0] = s;
            }
        })).build().fit(TrainData.classifier(1), X, Y, null);
        return first[0];
    }

    @Test
    void accuracyAtLeastFiresWhenTheTrainingAccuracyArrives() {
        double target = 0.9;
        assertTrue(TrainData.classifier(1).accuracy(X, Y) < target);
        int expected = firstStepWithAccuracy(target, X, Y);
        assertTrue(expected > 1, "reached at step " + expected);
        Network net = TrainData.classifier(1);
        History h = base(300).stopWhen(StoppingRule.accuracyAtLeast(target)).build()
                .fit(net, X, Y, null);
        assertEquals(expected, h.iterations());
        assertTrue(net.accuracy(X, Y) >= target);
        assertTrue(h.stoppedBecause().startsWith("training accuracy "), h.stoppedBecause());
        assertTrue(h.stoppedBecause().endsWith(">= 0.9 at iteration " + expected), h.stoppedBecause());
    }

    @Test
    void validationAccuracyAtLeastReadsTheValidationSet() {
        double target = 0.9;
        int expected = firstStepWithAccuracy(target, Xv, Yv);
        assertTrue(expected > 1, "reached at step " + expected);
        History h = base(300).validation(Xv, Yv)
                .stopWhen(StoppingRule.validationAccuracyAtLeast(target)).build()
                .fit(TrainData.classifier(1), X, Y, null);
        assertEquals(expected, h.iterations());
        assertTrue(h.stoppedBecause().startsWith("validation accuracy "), h.stoppedBecause());

        refused(() -> base(10).stopWhen(StoppingRule.validationAccuracyAtLeast(0.5)).build()
                .fit(TrainData.classifier(1), X, Y, null), "stopWhen", "validation set", "found none");
    }

    @Test
    void listenerCanStopAndEveryListenerSeesTheLastStep() {
        int[] calls = new int[2];
        double[] lastLoss = {Double.NaN};
        History h = base(100)
                .listener((s, loss, net) -> {
                    calls[0]++;
                    return s == 7;
                })
                .listener(TrainingListener.watch((s, loss, net) -> {
                    calls[1]++;
                    lastLoss[0] = loss;
                }))
                .build().fit(TrainData.classifier(1), X, Y, null);
        assertEquals(7, h.iterations());
        assertEquals(7, calls[0]);
        assertEquals(7, calls[1]);
        assertEquals("stopped by listener 1 at iteration 7", h.stoppedBecause());
        // the listener's loss is the batch loss before the update: for full batch, the
        // recorded loss of the step before
        assertEquals(h.losses()[6], lastLoss[0], 1e-15);
    }

    @Test
    void rulesCompose() {
        // "and": the loss-change rule fires from step 1 on, the count only at 5
        StoppingRule anyChange = StoppingRule.lossChangeBelow(1e9);
        History and = base(100).stopWhen(anyChange.and(StoppingRule.maxIterations(5))).build()
                .fit(TrainData.classifier(1), X, Y, null);
        assertEquals(5, and.iterations());
        assertTrue(and.stoppedBecause().contains(" and maximum of 5 iterations reached"),
                and.stoppedBecause());
        // "or": perfect accuracy never comes on noisy labels, the count at 3 does
        History or = base(100).stopWhen(StoppingRule.accuracyAtLeast(1.0)
                .or(StoppingRule.maxIterations(3))).build().fit(TrainData.classifier(1), X, Y, null);
        assertEquals(3, or.iterations());
        assertEquals("maximum of 3 iterations reached", or.stoppedBecause());
        // several stopWhen calls: any of them
        History any = base(100).stopWhen(StoppingRule.maxIterations(9))
                .stopWhen(StoppingRule.maxEpochs(4)).build().fit(TrainData.classifier(1), X, Y, null);
        assertEquals(4, any.iterations());
        assertEquals("maximum of 4 epochs reached", any.stoppedBecause());
        assertEquals("(lossChangeBelow(threshold=1.0E9) and maxIterations(n=5))",
                anyChange.and(StoppingRule.maxIterations(5)).toString());
        assertTrue(StoppingRule.validationAccuracyAtLeast(0.5).or(anyChange).needsValidation());
        assertTrue(!anyChange.or(StoppingRule.maxEpochs(1)).needsValidation());
    }

    @Test
    void ruleArgumentsAreChecked() {
        refused(() -> StoppingRule.lossChangeBelow(0), "threshold", "found 0.0");
        refused(() -> StoppingRule.lossChangeBelow(Double.NaN), "threshold", "NaN");
        refused(() -> StoppingRule.accuracyAtLeast(0), "target", "(0, 1]", "found 0.0");
        refused(() -> StoppingRule.accuracyAtLeast(1.5), "target", "found 1.5");
        refused(() -> StoppingRule.validationAccuracyAtLeast(Double.NaN), "target", "NaN");
        refused(() -> StoppingRule.maxIterations(0), "n:", "found 0");
        refused(() -> StoppingRule.maxEpochs(-2), "n:", "found -2");
        refused(() -> StoppingRule.maxEpochs(2).or(null), "other", "null");
        refused(() -> StoppingRule.maxEpochs(2).and(null), "other", "null");
    }
}
