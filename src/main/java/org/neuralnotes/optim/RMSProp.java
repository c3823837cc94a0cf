package org.neuralnotes.optim;

import org.neuralnotes.linalg.Checks;

/**
 * RMSProp (Tieleman &amp; Hinton 2012, Coursera "Neural Networks for Machine Learning",
 * lecture 6e): divide the gradient by a running root mean square of its recent values,
 * <pre>
 *   s ← ρ·s + (1 − ρ)·∇θ²
 *   θ ← θ − α·∇θ / (√s + ε)
 * </pre>
 * element by element, with s = 0 before the first step. ε is added after the square root
 * (as PyTorch's {@code RMSprop} does; Keras adds it the same way).
 */
public final class RMSProp extends AbstractOptimizer {
    /** The default decay ρ = 0.9 (the lecture's value). */
    public static final double DEFAULT_RHO = 0.9;
    /** The default ε = 1e-8. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double rho;
    private final double epsilon;
    /** s, the running mean of ∇θ² for each position */
    private double[][] s;

    /** RMSProp with ρ = {@value #DEFAULT_RHO} and ε = {@value #DEFAULT_EPSILON}. */
    public RMSProp(double learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate α, finite and > 0
     * @param rho          ρ in [0, 1)
     * @param epsilon      ε, finite and > 0
     */
    public RMSProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Checks.inRange("rho", rho, 0.0, 1.0);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    /** The decay ρ of the running mean of squares. */
    public double rho() {
        return rho;
    }

    /** ε, added to the root mean square. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected void allocate(int[] sizes) {
        s = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            s[i] = new double[sizes[i]];
        }
    }

    @Override
    protected void release() {
        s = null;
    }

    @Override
    protected void update(int i, double[] theta, double[] g, int n) {
        double alpha = learningRate();
        double[] si = s[i];
        for (int k = 0; k < n; k++) {
            // s ← ρ·s + (1 − ρ)·∇θ²
            si[k] = rho * si[k] + (1.0 - rho) * (g[k] * g[k]);
            // θ ← θ − α·∇θ / (√s + ε)
            theta[k] -= alpha * g[k] / (Math.sqrt(si[k]) + epsilon);
        }
    }

    @Override
    public RMSProp fresh() {
        return new RMSProp(learningRate(), rho, epsilon);
    }

    @Override
    public String toString() {
        return "RMSProp(learningRate=" + learningRate() + ", rho=" + rho + ", epsilon="
                + epsilon + ")";
    }
}
