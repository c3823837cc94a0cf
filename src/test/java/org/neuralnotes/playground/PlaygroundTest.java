package org.neuralnotes.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class PlaygroundTest {
    private static double[] weights(Run run) {
        return run.network().parameterValues().stream().flatMapToDouble(m -> java.util.Arrays.stream(m.data))
                .toArray();
    }

    private static Run trained(Setting s, int steps) {
        Run run = new Run(s);
        for (int i = 0; i < steps; i++) {
            run.step();
        }
        run.record();
        return run;
    }

    @Test
    void oneSettingRepeatsBitForBitAndAnotherLearningRateDoesNot() {
        Setting s = Setting.defaults().withDataset("xor");
        assertArrayEquals(weights(trained(s, 120)), weights(trained(s, 120)));
        assertFalse(java.util.Arrays.equals(weights(trained(s, 120)),
                weights(trained(s.withLearningRate(0.1), 120))));
    }

    @Test
    void trainingLowersTheLossOfEveryDataSet() {
        for (String data : List.of("two blobs", "circles", "xor")) {
            Run run = new Run(Setting.defaults().withDataset(data));
            double before = run.lastTrainLoss();
            for (int i = 0; i < 400; i++) {
                run.step();
            }
            run.record();
            assertTrue(run.lastTrainLoss() < 0.5 * before, data + ": " + before + " -> " + run.lastTrainLoss());
        }
    }

    @Test
    void zeroWeightsWithTanhStayZeroBecauseEveryHiddenUnitGetsTheSameZeroGradient() {
        // A = tanh(0) = 0 in every hidden layer, so ∂L/∂W[l] = A[l-1]ᵀ·δ[l] = 0 and δ[l-1] = δ[l]·W[l]ᵀ = 0
        Run run = trained(Setting.defaults().withInit("zeros").withHidden(4, 4), 200);
        for (int l = 0; l < 3; l++) {
            DMatrixRMaj w = run.network().parameterValues().get(2 * l);
            for (double v : w.data) {
                assertEquals(0.0, v, "W" + (l + 1));
            }
        }
    }

    @Test
    void gradientDescentPastTheStabilityLimitStopsWithAReason() {
        Run run = trained(Setting.defaults().withOptimizer("GD").withLearningRate(10).withActivation("relu")
                .withHidden(8, 8, 8).withBatchSize(140), 3000);
        double loss = run.lastTrainLoss();
        assertTrue(run.diverged() != null || !(loss < 0.6), "loss " + loss);
    }

    @Test
    void aNewRuleKeepsTheWeightsAndANewNetworkStartsOver() {
        Run run = trained(Setting.defaults(), 50);
        double[] w = weights(run);
        run.useRule(run.setting().withLearningRate(0.001).withOptimizer("RMSProp").withBatchSize(50));
        assertArrayEquals(w, weights(run));
        assertEquals(50, run.steps());
        assertThrows(IllegalArgumentException.class, () -> run.useRule(run.setting().withHidden(2)));
    }

    @Test
    void outsideAKernelOpenTrainsTheFixedNumberOfSteps() {
        Playground pg = Playground.open(Setting.defaults().withDataset("two blobs"));
        assertFalse(pg.live());
        assertEquals(Playground.HEADLESS_STEPS, pg.steps());
        assertTrue(pg.testLoss() < 0.3, pg.status());
        assertTrue(pg.status().startsWith("step 1000 · train loss "), pg.status());
        pg.reset();
        assertEquals(0, pg.steps());
        pg.step();
        assertEquals(1, pg.steps());
        pg.close();
    }

    @Test
    void theFiguresShowEveryWeightMatrix() {
        Run run = trained(Setting.defaults().withHidden(3, 5, 2), 10);
        String html = Figures.weights(run).html();
        for (String name : List.of("W1 (2×3)", "W2 (3×5)", "W3 (5×2)", "W4 (2×1)")) {
            assertTrue(html.contains(name), name);
        }
        assertEquals(2 * 3 + 3 * 5 + 5 * 2 + 2, html.split("<td ").length - 1);
        assertNotNull(Figures.plots(run));
        assertEquals(3, Figures.plots(run).size());
    }

    @Test
    void aFrameOfPlayIsThreeSvgImagesWithTheirTitlesAndTheWeights() {
        Run run = trained(Setting.defaults(), 30);
        String html = Sketches.frame(run, Figures.weights(run)).html();
        assertEquals(3, html.split("data:image/svg\\+xml;base64,").length - 1);
        assertTrue(html.contains("data-step=\"30\""));
        assertTrue(html.contains(">Training points, step 30<") && html.contains(">Test points, step 30<"), html);
        assertTrue(html.contains("nn-playground-weights"));
        String svg = new String(java.util.Base64.getDecoder().decode(html.split("base64,")[1].split("\"")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] png = java.util.Base64.getDecoder().decode(svg.split("data:image/png;base64,")[1].split("\"")[0]);
        assertEquals(Figures.RESOLUTION, java.nio.ByteBuffer.wrap(png, 16, 8).getInt());   // IHDR width
        assertEquals(run.xTrain().numRows, svg.split("<circle ").length - 1);
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Setting.defaults().withHidden(4, 4, 4, 4));
        assertTrue(e.getMessage().startsWith("hidden: expected 1 to 3 layers, found 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Setting.defaults().withOptimizer("SGD"));
        assertTrue(e.getMessage().startsWith("optimizer: expected one of [GD, Momentum, RMSProp, Adam]"));
        e = assertThrows(IllegalArgumentException.class, () -> Setting.defaults().withLearningRate(0));
        assertTrue(e.getMessage().startsWith("learningRate: "), e.getMessage());
    }
}
