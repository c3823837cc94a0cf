package org.neuralnotes.activation;

/** g(z) = tanh(z). */
public final class Tanh extends ElementwiseActivation {
    @Override
    public String name() {
        return "tanh";
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
            dZ[i] = derivative(z[i], a[i]) * dA[i];
        }
    }

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
        // tanh'(z) = 1 − a²
        return 1.0 - a * a;
    }
}
