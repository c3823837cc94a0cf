package org.neuralnotes.activation;

import org.neuralnotes.linalg.FastMath;

/**
 * σ(z) = 1 / (1 + e^(−z)), computed without overflow for large |z|.
 *
 * <p>Both forms of σ go through one e = e^(−|z|), which never overflows:
 * σ(z) = 1 / (1 + e) for z > 0 and e / (1 + e) otherwise. The loop over a whole matrix takes
 * all the exponentials first ({@link FastMath#ofMinusAbs(double[], double[], int)}, in
 * vector registers), then the same formula per entry.
 */
public final class Sigmoid extends ElementwiseActivation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double z) {
        return fromExp(z, FastMath.ofMinusAbs(z));
    }

    @Override
    protected void values(double[] z, double[] a, int n) {
        // a holds e = e^(−|z|), then σ
        FastMath.ofMinusAbs(z, a, n);
        for (int i = 0; i < n; i++) {
            a[i] = fromExp(z[i], a[i]);
        }
    }

    @Override
    protected void gradients(double[] z, double[] a, double[] dA, double[] dZ, int n) {
        for (int i = 0; i < n; i++) {
            dZ[i] = derivative(z[i], a[i]) * dA[i];
        }
    }

    /** σ(z) from e = e^(−|z|): 1 / (1 + e^(−z)) for z > 0, e^z / (1 + e^z) otherwise. */
    public static double fromExp(double z, double e) {
        return (z > 0 ? 1.0 : e) / (1.0 + e);
    }

    @Override
    public double derivative(double z, double a) {
        // σ'(z) = a(1 − a)
        return a * (1.0 - a);
    }
}
