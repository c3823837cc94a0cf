package org.neuralnotes.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.nn.ForwardPass;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.nn.TrainingStep;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.train.Batch;
import org.neuralnotes.train.Batching;
import org.neuralnotes.train.Trainer;

/**
 * Where a fit's time goes: the calls that {@code Trainer.fit} makes, in its order, each timed
 * alone and summed over one fit of a suite workload (the same data, network and settings as
 * {@link Worker}). Then {@code Trainer.fit} itself, timed whole, so the phases can be checked
 * to add up. Prints "phase TAB milliseconds" lines, medians over the fits, for
 * {@code tools/bench/phases.py}.
 *
 * <pre>
 * java … org.neuralnotes.bench.Phases fits=7 kind=mlp seed=3 sizes=784,128,64,10 examples=60000 batch=128 iterations=1 rate=0.1
 * </pre>
 */
public final class Phases {
    private Phases() {}

    public static void main(String[] args) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments: expected key=value, found \"" + a + "\"");
            }
            p.put(a.substring(0, eq), a.substring(eq + 1));
        }
        int fits = Integer.parseInt(p.getOrDefault("fits", "7"));
        if (fits < 1) {
            throw new IllegalArgumentException("fits: expected at least 1, found " + fits);
        }
        p.remove("fits");
        Training w = (Training) Worker.make(p);
        w.setup();
        Map<String, double[]> ms = new LinkedHashMap<>();
        double[] whole = new double[fits];
        // one untimed fit of each kind first, for the JIT
        for (int f = -1; f < fits; f++) {
            w.reset();
            Map<String, Long> nanos = byHand(w.network(), w.X(), w.Y(), w.trainer());
            if (f >= 0) {
                for (Map.Entry<String, Long> e : nanos.entrySet()) {
                    ms.computeIfAbsent(e.getKey(), k -> new double[fits])[f] = e.getValue() / 1e6;
                }
            }
            w.reset();
            long start = System.nanoTime();
            w.run();
            if (f >= 0) {
                whole[f] = (System.nanoTime() - start) / 1e6;
            }
        }
        double sum = 0;
        for (Map.Entry<String, double[]> e : ms.entrySet()) {
            double m = median(e.getValue());
            sum += m;
            System.out.printf("%s\t%.3f%n", e.getKey(), m);
        }
        System.out.printf("sum of the phases\t%.3f%n", sum);
        System.out.printf("Trainer.fit, whole\t%.3f%n", median(whole));
    }

    /** One fit made by hand from the public calls, in the trainer's order; nanoseconds per phase. */
    private static Map<String, Long> byHand(Network network, DMatrixRMaj X, DMatrixRMaj Y,
                                            Trainer trainer) {
        Map<String, Long> t = new LinkedHashMap<>();
        long s = System.nanoTime();
        Checks.finite("X", X);
        Checks.finite("Y", Y);
        s = lap(t, "X and Y checked finite", s);
        Optimizer optimizer = trainer.optimizer().fresh();
        Batching batching = trainer.batching();
        Batching.Sampler sampler = batching.sampler(X.numRows, null);
        int steps = trainer.maxIterations() > 0 ? trainer.maxIterations()
                : trainer.maxEpochs() * batching.stepsPerEpoch(X.numRows);
        int every = trainer.keepsHistory() ? trainer.recordEvery() : 0;
        TrainingStep step = new TrainingStep(network);
        List<DMatrixRMaj> theta = network.parameterValues();
        DMatrixRMaj Xb = new DMatrixRMaj(1, 1);
        DMatrixRMaj Yb = new DMatrixRMaj(1, 1);
        List<Double> records = new ArrayList<>();
        if (every > 0) {
            // the record of the start, as the trainer makes it
            records.add(network.loss(X, Y));
        }
        s = lap(t, "setting up (and the first record)", s);
        for (int k = 1; k <= steps; k++) {
            Batch batch = sampler.next();
            DMatrixRMaj xb = batch.rows(X, Xb);
            DMatrixRMaj yb = batch.rows(Y, Yb);
            s = lap(t, "the batch's rows", s);
            ForwardPass pass = step.forward(xb);
            s = lap(t, "forward", s);
            double loss = network.loss(pass, yb);
            s = lap(t, "loss", s);
            Gradients g = step.backward(pass, yb);
            s = lap(t, "backward", s);
            String bad = g.firstNonFinite();
            s = lap(t, "gradients checked finite", s);
            optimizer.step(theta, g.list());
            s = lap(t, "optimizer step (with its own checks)", s);
            if (every > 0 && k % every == 0) {
                records.add(network.loss(X, Y));
                s = lap(t, "records (loss of the whole set)", s);
            }
            if (bad != null || !Double.isFinite(loss)) {
                throw new IllegalStateException("diverged at step " + k + ": " + bad);
            }
        }
        return t;
    }

    private static long lap(Map<String, Long> t, String phase, long since) {
        long now = System.nanoTime();
        t.merge(phase, now - since, Long::sum);
        return System.nanoTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
