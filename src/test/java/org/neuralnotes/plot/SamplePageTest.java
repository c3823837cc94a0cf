package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

import tech.tablesaw.api.Table;

/**
 * Writes target/plot/sample-figures.html: every kind of figure, including names with quotes,
 * backslashes and newlines, for the browser check (tests/plot/check_report.mjs) to draw.
 */
class SamplePageTest {
    static final Path PAGE = Path.of("target", "plot", "sample-figures.html");

    @Test
    void writesAPageWithEveryKindOfFigure() throws IOException {
        Rng rng = new Rng(4);
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("SGD, α = 0.1", LossCurvesTest.table(decay(rng, 40, 0.9), decay(rng, 40, 1.0)));
        runs.put("momentum \"β = 0.9\"", LossCurvesTest.table(decay(rng, 40, 0.6), decay(rng, 40, 0.8)));
        runs.put("Adam\\lr=1e-3\nsecond line", LossCurvesTest.table(decay(rng, 40, 0.4), decay(rng, 40, 0.5)));
        int n = 80;
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        DMatrixRMaj y3 = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, rng.normal(0, 1.5));
            x.set(i, 1, rng.normal(0, 1.5));
            y.set(i, 0, x.get(i, 0) * x.get(i, 1) > 0 ? 1 : 0);
            y3.set(i, Math.floorMod((int) Math.floor(Math.atan2(x.get(i, 1), x.get(i, 0)) / 2.1), 3), 1);
        }
        Function<DMatrixRMaj, DMatrixRMaj> xor = G -> {
            DMatrixRMaj P = new DMatrixRMaj(G.numRows, 1);
            for (int i = 0; i < G.numRows; i++) {
                P.set(i, 0, 1 / (1 + Math.exp(-2 * G.get(i, 0) * G.get(i, 1))));
            }
            return P;
        };
        Function<DMatrixRMaj, DMatrixRMaj> sectors = G -> {
            DMatrixRMaj P = new DMatrixRMaj(G.numRows, 3);
            for (int i = 0; i < G.numRows; i++) {
                int k = Math.floorMod((int) Math.floor(Math.atan2(G.get(i, 1), G.get(i, 0)) / 2.1), 3);
                P.set(i, k, 1);
            }
            return P;
        };
        DMatrixRMaj yHat = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            yHat.set(i, 0, x.get(i, 0) + rng.normal(0, 0.3));
        }
        DMatrixRMaj target = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            target.set(i, 0, x.get(i, 0));
        }
        Table weights = WeightPathsTest.table("W1", 3, 4, 30, 1).append(WeightPathsTest.table("b1", 1, 4, 30, 2))
                .append(WeightPathsTest.table("W2", 20, 20, 5, 3));
        List<Object> items = new ArrayList<>();
        items.add(LossCurves.of(runs).title("Three optimizers: it's \"log\" scale\\n").logScale().build());
        items.add(Plots.loss(runs.get("SGD, α = 0.1")));
        items.add(Plots.weightPaths(weights, "W1"));
        items.add(Plots.weightPaths(weights, "b1"));
        items.add(WeightPaths.of(weights, "W2").rows(WeightPaths.spread(20, 4)).cols(0, 19).build());
        items.add(Plots.decisionBoundary(xor, x, y));
        items.add(DecisionBoundary.of(sectors, x, y3).title("Three classes").resolution(61).build());
        items.add(Plots.predictedVsActual(yHat, target));
        items.add(Plots.confusionMatrix(sectors.apply(x), y3, "a", "b \"quoted\"", "c\\d"));
        items.add(Plots.activation("σ (sigmoid)", SamplePageTest::sigmoid, SamplePageTest::sigmoidPrime));
        Plots.savePage(PAGE, "Neuralnotes figures", items.toArray());

        String html = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertEquals(items.size(), HtmlOutputTest.ids(html).size());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
    }

    static double[] decay(Rng rng, int n, double start) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start * Math.exp(-i / 12.0) + 0.02 + 0.01 * rng.nextDouble();
        }
        return v;
    }

    static DMatrixRMaj sigmoid(DMatrixRMaj z) {
        DMatrixRMaj a = z.copy();
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = 1 / (1 + Math.exp(-a.data[i]));
        }
        return a;
    }

    static DMatrixRMaj sigmoidPrime(DMatrixRMaj z) {
        DMatrixRMaj a = sigmoid(z);
        for (int i = 0; i < a.data.length; i++) {
            // σ'(z) = σ(z)(1 − σ(z))
            a.data[i] = a.data[i] * (1 - a.data[i]);
        }
        return a;
    }
}
