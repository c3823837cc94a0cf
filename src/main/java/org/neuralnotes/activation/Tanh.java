package org.neuralnotes.activation;

/** g(z) = tanh(z). */
public final class Tanh extends ElementwiseActivation {
    @Override
    public String name() {
        return "tanh";
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
