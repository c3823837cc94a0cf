package org.neuralnotes.activation;

/** σ(z) = 1 / (1 + e^(−z)), computed without overflow for large |z|. */
public final class Sigmoid extends ElementwiseActivation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double z) {
        if (z >= 0) {
            // σ(z) = 1 / (1 + e^(−z))
            return 1.0 / (1.0 + Math.exp(-z));
        }
        // σ(z) = e^z / (1 + e^z), the same number without e^(−z) overflowing
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    protected void values(double[] z, double[] a, int n) {
        // value(z) without its branch, which the signs of z make unpredictable: one e^(−|z|)
        // and one division, the numerator chosen by the sign, so the same numbers as value(z)
        for (int i = 0; i < n; i++) {
            double e = Math.exp(-Math.abs(z[i]));
            // σ(z) = 1 / (1 + e^(−z)) for z ≥ 0, e^z / (1 + e^z) for z < 0
            a[i] = (z[i] >= 0 ? 1.0 : e) / (1.0 + e);
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
