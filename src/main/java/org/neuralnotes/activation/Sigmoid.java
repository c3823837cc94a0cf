package org.neuralnotes.activation;

/**
 * σ(z) = 1 / (1 + e^(−z)), computed without overflow for large |z|.
 *
 * <p>Both forms use one e^(−|z|) ({@link Exponential}) and one division, the numerator chosen
 * by the sign of z without a branch; the array loop runs the same arithmetic in vector
 * registers, so it gives the same numbers as {@link #value(double)}.
 */
public final class Sigmoid extends ElementwiseActivation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double z) {
        if (z < Exponential.LOW) {
            // e^z is subnormal or 0 here: σ(z) = e^z / (1 + e^z) with Math.exp
            double e = Math.exp(z);
            return e / (1.0 + e);
        }
        // below LOW, e^(−|z|) only matters as an addend to 1: σ(z) is 1 either way
        // e = e^(−|z|) = 2^k · e^r
        double e = Exponential.exp(Math.max(-Math.abs(z), Exponential.LOW));
        // σ(z) = 1 / (1 + e^(−z)) for z > 0, e^z / (1 + e^z) for z ≤ 0
        return Math.max(e, Step.positive(z)) / (1.0 + e);
    }

    @Override
    protected void values(double[] z, double[] a, int n) {
        // value(z) in three passes, a holding k, then 2^k, then σ; only the second is scalar
        for (int i = 0; i < n; i++) {
            a[i] = Exponential.exponent(Math.max(-Math.abs(z[i]), Exponential.LOW));
        }
        boolean low = false;
        for (int i = 0; i < n; i++) {
            a[i] = Exponential.twoTo(a[i]);
            low |= z[i] < Exponential.LOW;
        }
        for (int i = 0; i < n; i++) {
            double x = Math.max(-Math.abs(z[i]), Exponential.LOW);
            double e = a[i] * Exponential.remainder(x, Exponential.exponent(x));
            // σ(z) = 1 / (1 + e^(−z)) for z > 0, e^z / (1 + e^z) for z ≤ 0
            a[i] = Math.max(e, Step.positive(z[i])) / (1.0 + e);
        }
        if (low) {
            for (int i = 0; i < n; i++) {
                if (z[i] < Exponential.LOW) {
                    a[i] = value(z[i]);
                }
            }
        }
    }

    @Override
    protected void gradients(double[] z, double[] a, double[] dA, double[] dZ, int n) {
        for (int i = 0; i < n; i++) {
            // dZ = σ'(z)·dA = a(1 − a)·dA
            dZ[i] = a[i] * (1.0 - a[i]) * dA[i];
        }
    }

    @Override
    public double derivative(double z, double a) {
        // σ'(z) = a(1 − a)
        return a * (1.0 - a);
    }
}
