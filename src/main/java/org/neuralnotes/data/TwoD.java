package org.neuralnotes.data;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.random.Rng;

/**
 * Four two-class data sets in the plane, drawn from an explicit {@link Rng}: two blobs, circles,
 * XOR and two spirals. Each has N points, classes alternating row by row (labels 0, 1, 0, 1, …),
 * and a {@code noise} in [0, 1] that adds N(0, (noise·3)²) to each coordinate (blobs: widens them).
 * Every point (before noise) lies in [−3, 3]².
 */
public final class TwoD {
    /** Radius of the plane the points fill. */
    public static final double R = 3.0;

    private TwoD() {}

    /** The names the playground uses, in order: "two blobs", "circles", "xor", "spirals". */
    public static final List<String> NAMES = List.of("two blobs", "circles", "xor", "spirals");

    /** The data set with one of {@link #NAMES}. */
    public static Dataset byName(String name, int n, double noise, Rng rng) {
        switch (name == null ? "" : name) {
            case "two blobs": return twoBlobs(n, noise, rng);
            case "circles": return circles(n, noise, rng);
            case "xor": return xor(n, noise, rng);
            case "spirals": return spirals(n, noise, rng);
            default:
                throw new IllegalArgumentException("name: expected one of " + NAMES + ", found "
                        + (name == null ? "null" : "\"" + name + "\""));
        }
    }

    /** Class 0 around (−1.5, −1.5), class 1 around (1.5, 1.5), each coordinate with sd 0.5 + 3·noise. */
    public static Dataset twoBlobs(int n, double noise, Rng rng) {
        check(n, noise, rng);
        DMatrixRMaj X = new DMatrixRMaj(n, 2);
        int[] y = labels(n);
        double sd = 0.5 + R * noise;
        for (int i = 0; i < n; i++) {
            double centre = y[i] == 1 ? 1.5 : -1.5;
            X.set(i, 0, rng.normal(centre, sd));
            X.set(i, 1, rng.normal(centre, sd));
        }
        return dataset("two blobs", X, y, "Two Gaussian blobs, sd " + sd);
    }

    /** Class 0 inside radius 0.5·R, class 1 in the ring from 0.7·R to R; angle and radius uniform. */
    public static Dataset circles(int n, double noise, Rng rng) {
        check(n, noise, rng);
        DMatrixRMaj X = new DMatrixRMaj(n, 2);
        int[] y = labels(n);
        for (int i = 0; i < n; i++) {
            double r = y[i] == 0 ? rng.uniform(0, 0.5 * R) : rng.uniform(0.7 * R, R);
            double angle = rng.uniform(0, 2 * Math.PI);
            X.set(i, 0, r * Math.sin(angle) + rng.normal(0, R * noise));
            X.set(i, 1, r * Math.cos(angle) + rng.normal(0, R * noise));
        }
        return dataset("circles", X, y, "A disc inside a ring");
    }

    /**
     * Points in the quadrants, at least 0.3 from both axes; class 1 where x₁·x₂ > 0 (before noise).
     * Each row draws the quadrant that its label needs, so the classes alternate like the others.
     */
    public static Dataset xor(int n, double noise, Rng rng) {
        check(n, noise, rng);
        DMatrixRMaj X = new DMatrixRMaj(n, 2);
        int[] y = labels(n);
        for (int i = 0; i < n; i++) {
            double a = rng.uniform(0.3, R);
            double b = rng.uniform(0.3, R);
            double s1 = rng.nextDouble() < 0.5 ? -1 : 1;
            // x₁·x₂ > 0 for class 1: the same sign; opposite signs for class 0
            double s2 = y[i] == 1 ? s1 : -s1;
            X.set(i, 0, s1 * a + rng.normal(0, R * noise));
            X.set(i, 1, s2 * b + rng.normal(0, R * noise));
        }
        return dataset("xor", X, y, "XOR: class 1 in the first and third quadrants");
    }

    /**
     * Two interleaved spirals: the k-th point of a class (k = 0 … N/2 − 1, t = k/(N/2)) sits at
     * radius R·t and angle 1.75·2π·t, class 1 turned by π.
     */
    public static Dataset spirals(int n, double noise, Rng rng) {
        check(n, noise, rng);
        DMatrixRMaj X = new DMatrixRMaj(n, 2);
        int[] y = labels(n);
        int half = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            double t = (double) (i / 2) / half;
            double angle = 1.75 * 2 * Math.PI * t + (y[i] == 1 ? Math.PI : 0);
            X.set(i, 0, R * t * Math.sin(angle) + rng.normal(0, R * noise));
            X.set(i, 1, R * t * Math.cos(angle) + rng.normal(0, R * noise));
        }
        return dataset("spirals", X, y, "Two spirals, one turned by half a turn");
    }

    private static int[] labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
        }
        return y;
    }

    private static void check(int n, double noise, Rng rng) {
        if (n < 4) {
            throw new IllegalArgumentException("n: expected at least 4 points, found " + n);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise: expected a number in [0, 1], found " + noise);
        }
        Args.rng("rng", rng);
    }

    private static Dataset dataset(String name, DMatrixRMaj X, int[] y, String description) {
        return new Dataset(name, X, y, List.of("x1", "x2"), List.of("0", "1"),
                description + " (org.neuralnotes.data.TwoD)", "generated", "generated: no licence needed");
    }
}
