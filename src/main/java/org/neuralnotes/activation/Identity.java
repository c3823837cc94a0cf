package org.neuralnotes.activation;

/** g(z) = z, the linear output of a regression network. */
public final class Identity extends ElementwiseActivation {
    @Override
    public String name() {
        return "identity";
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
        return z;
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0;
    }
}
