package org.neuralnotes.activation;

/** ReLU(z) = max(0, z); its derivative at z = 0 is taken as 0. */
public final class Relu extends ElementwiseActivation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : 0.0;
    }

    @Override
    protected void values(double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            // a = max(0, z)
            a[i] = z[i] > 0 ? z[i] : 0.0;
        }
    }

    @Override
    protected void gradients(double[] z, double[] a, double[] dA, double[] dZ, int n) {
        for (int i = 0; i < n; i++) {
            // dZ = [z > 0]·dA
            dZ[i] = (z[i] > 0 ? 1.0 : 0.0) * dA[i];
        }
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }
}
