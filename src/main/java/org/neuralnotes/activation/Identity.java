package org.neuralnotes.activation;

/** g(z) = z, the linear output of a regression network. */
public final class Identity extends ElementwiseActivation {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public double value(double z) {
        return z;
    }

    @Override
    protected void values(double[] z, double[] a, int n) {
        System.arraycopy(z, 0, a, 0, n);
    }

    @Override
    protected void gradients(double[] z, double[] a, double[] dA, double[] dZ, int n) {
        // dZ = 1·dA
        if (dZ != dA) {
            System.arraycopy(dA, 0, dZ, 0, n);
        }
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0;
    }
}
