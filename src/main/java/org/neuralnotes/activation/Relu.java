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
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }
}
