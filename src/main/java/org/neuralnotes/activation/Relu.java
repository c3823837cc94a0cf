package org.neuralnotes.activation;

/**
 * ReLU(z) = max(0, z); its derivative at z = 0 is taken as 0. A NaN input gives NaN, as in
 * numpy and PyTorch, so that it is not hidden as a zero.
 */
public final class Relu extends ElementwiseActivation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double z) {
        // a = max(0, z)
        return Math.max(z, 0.0);
    }

    @Override
    protected void values(double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            // a = max(0, z)
            a[i] = Math.max(z[i], 0.0);
        }
    }

    @Override
    protected void gradients(double[] z, double[] a, double[] dA, double[] dZ, int n) {
        // no branch on the sign of z (unpredictable), so the loop runs in vector registers
        for (int i = 0; i < n; i++) {
            // dZ = [z > 0]·dA
            dZ[i] = Step.positive(z[i]) * dA[i];
        }
    }

    @Override
    public double derivative(double z, double a) {
        // ReLU'(z) = [z > 0]
        return Step.positive(z);
    }
}
