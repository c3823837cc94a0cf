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
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
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
