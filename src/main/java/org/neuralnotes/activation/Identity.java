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
    public double derivative(double z, double a) {
        return 1.0;
    }
}
