package org.neuralnotes.activation;

/** g(z) = z for z > 0, slope·z otherwise; the derivative at 0 is taken as the slope. */
public final class LeakyRelu extends ElementwiseActivation {
    private final double slope;

    /**
     * @param slope the gradient for z ≤ 0, finite and in [0, 1)
     */
    public LeakyRelu(double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("slope: expected a number in [0, 1), found " + slope);
        }
        this.slope = slope;
    }

    /** The gradient for z ≤ 0. */
    public double slope() {
        return slope;
    }

    @Override
    public String name() {
        return "leaky_relu";
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
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : slope;
    }

    @Override
    public String toString() {
        return "leaky_relu(slope=" + slope + ")";
    }
}
