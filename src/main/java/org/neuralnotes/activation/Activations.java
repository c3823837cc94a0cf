package org.neuralnotes.activation;

/** The activations of the notes, by name. */
public final class Activations {
    private Activations() {}

    /** g(z) = z */
    public static Identity identity() {
        return new Identity();
    }

    /** σ(z) = 1 / (1 + e^(−z)) */
    public static Sigmoid sigmoid() {
        return new Sigmoid();
    }

    /** tanh(z) */
    public static Tanh tanh() {
        return new Tanh();
    }

    /** max(0, z) */
    public static Relu relu() {
        return new Relu();
    }

    /** z for z > 0, slope·z otherwise. */
    public static LeakyRelu leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    /** Row-wise e^(Z_α) / Σ_β e^(Z_β). */
    public static Softmax softmax() {
        return new Softmax();
    }

    /**
     * The activation with this name, as {@link Activation#name()} and summaries write it;
     * a leaky ReLU is written "leaky_relu(slope=0.01)".
     */
    public static Activation byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name: expected an activation name, found null");
        }
        switch (name) {
            case "identity": return identity();
            case "sigmoid": return sigmoid();
            case "tanh": return tanh();
            case "relu": return relu();
            case "softmax": return softmax();
            default:
                if (name.startsWith("leaky_relu(slope=") && name.endsWith(")")) {
                    String s = name.substring("leaky_relu(slope=".length(), name.length() - 1);
                    return leakyRelu(Double.parseDouble(s));
                }
                throw new IllegalArgumentException("name: expected one of identity, sigmoid, tanh,"
                        + " relu, leaky_relu(slope=…), softmax; found \"" + name + "\"");
        }
    }
}
