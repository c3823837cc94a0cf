package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.neuralnotes.train.DivergenceException;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.check.GradientCheck;
import org.neuralnotes.check.GradientCheckReport;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.models.LogisticRegression.CostGradient;
import org.neuralnotes.models.LogisticRegression.GradientScale;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

class LogisticRegressionTest {

    /** n examples, p features uniform on [−2, 2), labels drawn from σ(x·w* + b*): overlapping classes. */
    private static DMatrixRMaj[] data(int n, int p, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj X = Fixtures.uniform(n, p, -2, 2, rng);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double z = 0.3;
            for (int j = 0; j < p; j++) {
                z += (j % 2 == 0 ? 1.2 : -0.8) * X.get(i, j);
            }
            y.data[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new DMatrixRMaj[] {X, y};
    }

    @Test
    void gradientMatchesCentralDifferences() {
        DMatrixRMaj[] d = data(15, 3, 11);
        DMatrixRMaj X = d[0];
        DMatrixRMaj y = d[1];
        DMatrixRMaj w = Fixtures.uniform(3, 1, -1, 1, new Rng(5));
        double b = 0.4;
        CostGradient cg = LogisticRegression.of(w, b).costAndGradient(X, y);

        GradientCheckReport.Row dw = GradientCheck.function("w",
                W -> LogisticRegression.of(W, b).cost(X, y), w, cg.dw());
        DMatrixRMaj bm = new DMatrixRMaj(1, 1, true, b);
        DMatrixRMaj dbm = new DMatrixRMaj(1, 1, true, cg.db());
        GradientCheckReport.Row db = GradientCheck.function("b",
                B -> LogisticRegression.of(w, B.data[0]).cost(X, y), bm, dbm);

        assertTrue(dw.relativeError() < 1e-8, () -> "dw: " + dw);
        assertTrue(db.relativeError() < 1e-8, () -> "db: " + db);
        assertEquals(LogisticRegression.of(w, b).cost(X, y), cg.J(), 0.0);
    }

    @Test
    void theSlipScalesTheGradientByExamplesOverFeatures() {
        DMatrixRMaj[] d = data(20, 4, 12);
        DMatrixRMaj X = d[0];
        DMatrixRMaj y = d[1];
        LogisticRegression m = LogisticRegression.of(Fixtures.uniform(4, 1, -1, 1, new Rng(6)), -0.2);
        CostGradient right = m.costAndGradient(X, y, GradientScale.EXAMPLES);
        CostGradient slip = m.costAndGradient(X, y, GradientScale.FEATURES_SLIP);
        double ratio = 20.0 / 4.0;
        for (int j = 0; j < 4; j++) {
            // dw_slip = (n/m)·dw
            assertEquals(ratio * right.dw().data[j], slip.dw().data[j], 1e-15 * ratio * Math.abs(right.dw().data[j]));
        }
        assertEquals(ratio * right.db(), slip.db(), 1e-15 * ratio * Math.abs(right.db()));
        assertEquals(right.J(), slip.J(), 0.0);
        // the slip is not the gradient of J: central differences disagree with it
        GradientCheckReport.Row check = GradientCheck.function("w",
                W -> LogisticRegression.of(W, -0.2).cost(X, y), m.w(), slip.dw());
        assertTrue(check.relativeError() > 0.5, () -> check.toString());
    }

    @Test
    void zeroStartGivesCostLn2AtIterationZero() {
        DMatrixRMaj[] d = data(30, 2, 13);
        LogisticRegression m = LogisticRegression.zeros(2);
        assertEquals(0.0, m.b(), 0.0);
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(m.w()), 0.0);
        FitResult r = m.fit(d[0], d[1], GradientDescentSettings.of(0.1, 1));
        assertEquals(List.of(0), r.recordedAt());
        // J(0, 0) = −(1/n) Σ ln ½ = ln 2
        assertEquals(Math.log(2), r.costs().get(0), 1e-15);
    }

    /**
     * The closed-form case: on a non-separable data set the mean log-loss has a unique
     * minimum, found here by Newton's method (IRLS) with EJML's solver; gradient descent
     * reaches it.
     */
    @Test
    void gradientDescentReachesNewtonsOptimum() {
        DMatrixRMaj[] d = data(40, 2, 14);
        DMatrixRMaj X = d[0];
        DMatrixRMaj y = d[1];
        double[] theta = newton(X, y);
        LogisticRegression m = LogisticRegression.zeros(2);
        FitResult r = m.fit(X, y, GradientDescentSettings.of(4.0, 3000).withRecordEvery(500));
        assertEquals(theta[0], r.b(), 1e-6);
        assertEquals(theta[1], r.w().data[0], 1e-6);
        assertEquals(theta[2], r.w().data[1], 1e-6);
        // the optimum is a stationary point of J: Newton's gradient vanishes there
        CostGradient atOptimum = LogisticRegression.of(new DMatrixRMaj(2, 1, true, theta[1], theta[2]), theta[0])
                .costAndGradient(X, y);
        assertTrue(Math.abs(atOptimum.db()) < 1e-12 && CommonOps_DDRM.elementMaxAbs(atOptimum.dw()) < 1e-12);
        // and the recorded costs fall towards J at the optimum
        assertTrue(r.costs().get(1) < r.costs().get(0));
        for (int i = 1; i < r.costs().size(); i++) {
            // non-increasing, up to rounding once the optimum is reached
            assertTrue(r.costs().get(i) <= r.costs().get(i - 1) + 1e-14);
        }
        assertEquals(atOptimum.J(), r.finalCost(), 1e-12);
    }

    /** θ = (b, w) minimizing J by Newton's method: θ ← θ − H⁻¹∇J, H = (1/n) X̃ᵀ diag(a(1 − a)) X̃, X̃ = [1 X]. */
    private static double[] newton(DMatrixRMaj X, DMatrixRMaj y) {
        int n = X.numRows;
        int q = X.numCols + 1;
        DMatrixRMaj Xt = new DMatrixRMaj(n, q);
        for (int i = 0; i < n; i++) {
            Xt.set(i, 0, 1);
            for (int j = 1; j < q; j++) {
                Xt.set(i, j, X.get(i, j - 1));
            }
        }
        DMatrixRMaj theta = new DMatrixRMaj(q, 1);
        for (int it = 0; it < 100; it++) {
            DMatrixRMaj z = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(Xt, theta, z);
            DMatrixRMaj r = new DMatrixRMaj(n, 1);
            DMatrixRMaj SX = new DMatrixRMaj(n, q);
            for (int i = 0; i < n; i++) {
                double a = 1 / (1 + Math.exp(-z.data[i]));
                r.data[i] = a - y.data[i];
                for (int j = 0; j < q; j++) {
                    SX.set(i, j, a * (1 - a) * Xt.get(i, j));
                }
            }
            DMatrixRMaj g = new DMatrixRMaj(q, 1);
            CommonOps_DDRM.multTransA(Xt, r, g);
            DMatrixRMaj H = new DMatrixRMaj(q, q);
            CommonOps_DDRM.multTransA(Xt, SX, H);
            DMatrixRMaj step = new DMatrixRMaj(q, 1);
            assertTrue(CommonOps_DDRM.solve(H, g, step), "Newton: singular Hessian");
            CommonOps_DDRM.subtractEquals(theta, step);
            if (CommonOps_DDRM.elementMaxAbs(step) < 1e-15) {
                break;
            }
        }
        assertTrue(CommonOps_DDRM.elementMaxAbs(theta) < 20, "the data must not be separable");
        return theta.data.clone();
    }

    @Test
    void recordsTheCostEveryKIterationsBeforeEachStep() {
        DMatrixRMaj[] d = data(25, 3, 15);
        FitResult r = LogisticRegression.zeros(3).fit(d[0], d[1], GradientDescentSettings.of(0.2, 250));
        assertEquals(List.of(0, 100, 200), r.recordedAt());
        // the cost recorded at iteration i is J after i steps: replay 100 steps, then check
        LogisticRegression m = LogisticRegression.zeros(3);
        m.fit(d[0], d[1], GradientDescentSettings.of(0.2, 100));
        assertEquals(m.cost(d[0], d[1]), r.costs().get(1), 0.0);
        assertEquals(250, r.iterations());
        assertEquals(3, r.costTable().rowCount());
        assertEquals(List.of("iteration", "cost"), r.costTable().columnNames());
        FitResult every = LogisticRegression.zeros(3).fit(d[0], d[1],
                GradientDescentSettings.of(0.2, 5).withRecordEvery(1));
        assertEquals(List.of(0, 1, 2, 3, 4), every.recordedAt());
        assertEquals(List.of(0), LogisticRegression.zeros(3).fit(d[0], d[1],
                GradientDescentSettings.of(0.2, 5).withRecordEvery(7)).recordedAt());
    }

    @Test
    void fitContinuesFromTheCurrentParametersBitForBit() {
        DMatrixRMaj[] d = data(25, 3, 16);
        LogisticRegression once = LogisticRegression.zeros(3);
        once.fit(d[0], d[1], GradientDescentSettings.of(0.3, 10));
        LogisticRegression twice = LogisticRegression.zeros(3);
        twice.fit(d[0], d[1], GradientDescentSettings.of(0.3, 4));
        FitResult r = twice.fit(d[0], d[1], GradientDescentSettings.of(0.3, 6));
        assertArrayEquals(once.w().data, twice.w().data, 0.0);
        assertEquals(once.b(), twice.b(), 0.0);
        assertArrayEquals(twice.w().data, r.w().data, 0.0);
        assertEquals(twice.cost(d[0], d[1]), r.finalCost(), 0.0);
    }

    @Test
    void theSlipChangesTheRunAsALargerLearningRateWould() {
        DMatrixRMaj[] d = data(24, 3, 17);
        FitResult slip = LogisticRegression.zeros(3).fit(d[0], d[1], GradientDescentSettings.of(0.05, 50)
                .withGradientScale(GradientScale.FEATURES_SLIP));
        // dividing by m = 3 instead of n = 24 is gradient descent with α·n/m
        FitResult scaled = LogisticRegression.zeros(3).fit(d[0], d[1], GradientDescentSettings.of(0.05 * 8, 50));
        FitResult right = LogisticRegression.zeros(3).fit(d[0], d[1], GradientDescentSettings.of(0.05, 50));
        for (int j = 0; j < 3; j++) {
            assertEquals(scaled.w().data[j], slip.w().data[j], 1e-12);
        }
        assertNotEquals(right.w().data[0], slip.w().data[0]);
    }

    @Test
    void predictsWithAThreshold() {
        LogisticRegression m = LogisticRegression.of(new DMatrixRMaj(1, 1, true, 1.0), 0.0);
        DMatrixRMaj X = new DMatrixRMaj(4, 1, true, -1.0, 0.0, 0.5, 2.0);
        // a = σ(x) = 0.269, 0.5, 0.622, 0.881
        assertArrayEquals(new double[] {0, 1, 1, 1}, m.predict(X).data, 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 1}, m.predict(X, 0.7).data, 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 1}, m.predict(X, 0.0).data, 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, m.predict(X, 1.0).data, 0.0);
        DMatrixRMaj y = new DMatrixRMaj(4, 1, true, 0, 0, 1, 0);
        assertEquals(0.5, m.accuracy(X, y), 0.0);
        assertEquals(1 / (1 + Math.exp(-0.5)), m.probabilities(X).data[2], 1e-16);
    }

    @Test
    void modelReportsTrainAndTestAccuracyAsTheNote() {
        DMatrixRMaj[] train = data(60, 2, 18);
        DMatrixRMaj[] test = data(30, 2, 19);
        GradientDescentSettings s = GradientDescentSettings.of(0.5, 400);
        ModelReport rep = LogisticRegression.model(train[0], train[1], test[0], test[1], s);
        // the note: 100 − mean|ŷ − y|·100
        assertEquals(100 - meanAbsDiff(rep.trainPredictions(), train[1]) * 100, rep.trainAccuracyPercent(), 1e-12);
        assertEquals(100 - meanAbsDiff(rep.testPredictions(), test[1]) * 100, rep.testAccuracyPercent(), 1e-12);
        assertEquals(rep.model().accuracy(test[0], test[1]), rep.testAccuracy(), 0.0);
        assertTrue(rep.trainAccuracy() > 0.6, "better than chance on overlapping classes");
        FitResult direct = LogisticRegression.zeros(2).fit(train[0], train[1], s);
        assertArrayEquals(direct.w().data, rep.model().w().data, 0.0);
        assertTrue(rep.toString().contains("Training accuracy") && rep.toString().contains("%"));
    }

    private static double meanAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) {
            s += Math.abs(a.data[i] - b.data[i]);
        }
        return s / a.numRows;
    }

    @Test
    void isAOneLayerNetworkSharingItsMatrices() {
        DMatrixRMaj[] d = data(20, 3, 20);
        LogisticRegression m = LogisticRegression.of(Fixtures.uniform(3, 1, -1, 1, new Rng(7)), 0.3);
        Network net = m.toNetwork();
        assertSame(m.w(), net.layer(1).W());
        Gradients g = net.gradients(d[0], d[1]);
        CostGradient cg = m.costAndGradient(d[0], d[1]);
        assertEquals(cg.J(), net.loss(d[0], d[1]), 1e-15);
        assertArrayEquals(cg.dw().data, g.get("W1").data, 1e-15);
        assertEquals(cg.db(), g.get("b1").data[0], 1e-15);
        // a step on the network moves the model
        net.layer(1).b().data[0] = -1.25;
        assertEquals(-1.25, m.b(), 0.0);
        m.fit(d[0], d[1], GradientDescentSettings.of(0.1, 3));
        assertArrayEquals(m.w().data, net.layer(1).W().data, 0.0);
        assertEquals(m.cost(d[0], d[1]), net.loss(d[0], d[1]), 1e-15);
    }

    @Test
    void viewsAOneLayerNetwork() {
        Network net = Network.builder(2).dense(1, Activations.sigmoid()).loss(Losses.binaryCrossEntropy())
                .build(Fixtures.uniformInit(1), new Rng(8));
        LogisticRegression m = LogisticRegression.view(net);
        assertSame(net.layer(1).W(), m.w());
        m.setB(0.75);
        assertEquals(0.75, net.layer(1).b().data[0], 0.0);
        Network deep = Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy()).build(Fixtures.uniformInit(1), new Rng(9));
        refuses(() -> LogisticRegression.view(deep), "net:", "one layer of 1 sigmoid unit");
        Network squared = Network.builder(2).dense(1, Activations.sigmoid()).loss(Losses.meanSquaredError())
                .build(Fixtures.uniformInit(1), new Rng(10));
        refuses(() -> LogisticRegression.view(squared), "net:", "binary cross-entropy");
        refuses(() -> LogisticRegression.view(null), "net:");
    }

    @Test
    void settingsDefaultsAreTheNotes() {
        GradientDescentSettings s = GradientDescentSettings.defaults();
        assertEquals(0.001, s.learningRate(), 0.0);
        assertEquals(2000, s.iterations());
        assertEquals(100, s.recordEvery());
        assertEquals(GradientScale.EXAMPLES, s.gradientScale());
        GradientDescentSettings o = GradientDescentSettings.of(0.3, 7);
        assertEquals(100, o.recordEvery());
        assertEquals(GradientScale.EXAMPLES, o.gradientScale());
        assertEquals(0.3, o.learningRate(), 0.0);
        assertEquals(7, o.iterations());
        GradientDescentSettings w = o.withLearningRate(0.2).withIterations(9).withRecordEvery(3)
                .withGradientScale(GradientScale.FEATURES_SLIP);
        assertEquals(0.2, w.learningRate(), 0.0);
        assertEquals(9, w.iterations());
        assertEquals(3, w.recordEvery());
        assertEquals(GradientScale.FEATURES_SLIP, w.gradientScale());
        assertTrue(w.toString().contains("learningRate=0.2") && w.toString().contains("slip"));
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        DMatrixRMaj[] d = data(5, 3, 21);
        DMatrixRMaj X = d[0];
        DMatrixRMaj y = d[1];
        LogisticRegression m = LogisticRegression.zeros(3);
        GradientDescentSettings s = GradientDescentSettings.of(0.1, 10);
        refuses(() -> m.fit(new DMatrixRMaj(5, 2), y, s), "X:", "3 columns", "5x2");
        refuses(() -> m.fit(X, new DMatrixRMaj(5, 2), s), "y:", "5x1", "5x2");
        refuses(() -> m.fit(X, new DMatrixRMaj(4, 1), s), "y:", "5x1", "4x1");
        DMatrixRMaj Xnan = X.copy();
        Xnan.set(2, 1, Double.NaN);
        refuses(() -> m.fit(Xnan, y, s), "X:", "NaN", "row 2");
        DMatrixRMaj ynan = y.copy();
        ynan.data[3] = Double.NaN;
        refuses(() -> m.fit(X, ynan, s), "y:", "0 or 1", "NaN");
        DMatrixRMaj y2 = y.copy();
        y2.data[1] = 2;
        refuses(() -> m.fit(X, y2, s), "y:", "0 or 1", "2.0", "row 1");
        refuses(() -> m.fit(X, y, null), "settings:");
        refuses(() -> GradientDescentSettings.of(0, 10), "learningRate:", "> 0", "0.0");
        refuses(() -> GradientDescentSettings.of(-0.1, 10), "learningRate:", "-0.1");
        refuses(() -> GradientDescentSettings.of(Double.NaN, 10), "learningRate:", "NaN");
        refuses(() -> GradientDescentSettings.of(0.1, 0), "iterations:", ">= 1", "0");
        refuses(() -> s.withRecordEvery(0), "recordEvery:");
        refuses(() -> s.withGradientScale(null), "gradientScale:");
        refuses(() -> LogisticRegression.zeros(0), "features:");
        refuses(() -> LogisticRegression.of(new DMatrixRMaj(3, 2), 0), "w:", "px1", "3x2");
        refuses(() -> LogisticRegression.of(new DMatrixRMaj(3, 1), Double.POSITIVE_INFINITY), "b:", "Infinity");
        refuses(() -> m.setB(Double.NaN), "value:");
        refuses(() -> m.predict(X, 1.5), "threshold:", "[0, 1]", "1.5");
        refuses(() -> m.predict(X, Double.NaN), "threshold:");
        refuses(() -> m.costAndGradient(X, y, null), "scale:");
        refuses(() -> m.accuracy(X, new DMatrixRMaj(5, 1, true, 0, 1, 0, 1, 3)), "y:", "3.0");
        refuses(() -> LogisticRegression.model(X, y, new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 1), s),
                "Xtest:", "3 columns", "2x4");
        refuses(() -> LogisticRegression.model(X, y, X, new DMatrixRMaj(2, 1), s), "ytest:", "5x1");
        refuses(() -> LogisticRegression.model(X, new DMatrixRMaj(3, 1), X, y, s), "ytrain:");
    }

    @Test
    void stopsWhenTheCostStopsBeingFinite() {
        DMatrixRMaj X = new DMatrixRMaj(3, 1, true, 1e3, -1e3, 1e3);
        DMatrixRMaj y = new DMatrixRMaj(3, 1, true, 0, 1, 1);
        LogisticRegression m = LogisticRegression.zeros(1);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> m.fit(X, y, GradientDescentSettings.of(1e308, 10)));
        assertTrue(e.getMessage().contains("iteration 1") && e.getMessage().contains("learningRate"),
                e.getMessage());
        assertEquals(1, e.iteration());
        // w and b are back where the fit started
        assertEquals(0.0, m.w().get(0, 0), 0.0);
        assertEquals(0.0, m.b(), 0.0);
    }
}
