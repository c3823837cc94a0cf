package org.neuralnotes.optim;

import org.neuralnotes.linalg.Checks;

/**
 * Gradient descent with momentum (Polyak 1964, the "heavy ball"), in the form
 * <pre>
 *   v ← β·v + ∇θ
 *   θ ← θ − α·v
 * </pre>
 * with v = 0 before the first step. This is the form of Sutskever et al. (2013, eq. 1, with
 * their v written as −α times ours) and of PyTorch's {@code SGD(momentum=β)}. It is not the
 * exponential-moving-average form v ← β·v + (1 − β)·∇θ: with a constant gradient ours
 * approaches steps of α/(1 − β)·∇θ (ten times plain gradient descent for β = 0.9), the EMA
 * form steps of α·∇θ. β = 0 is plain gradient descent.
 */
public final class Momentum extends AbstractOptimizer {
    /** The default momentum β = 0.9. */
    public static final double DEFAULT_BETA = 0.9;

    private final double beta;
    /** v, the velocity of each position */
    private double[][] v;

    /** Momentum with β = {@value #DEFAULT_BETA}. */
    public Momentum(double learningRate) {
        this(learningRate, DEFAULT_BETA);
    }

    /**
     * @param learningRate α, finite and > 0
     * @param beta         β in [0, 1)
     */
    public Momentum(double learningRate, double beta) {
        super(learningRate);
        this.beta = Checks.inRange("beta", beta, 0.0, 1.0);
    }

    /** The momentum β. */
    public double beta() {
        return beta;
    }

    @Override
    protected void allocate(int[] sizes) {
        v = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            v[i] = new double[sizes[i]];
        }
    }

    @Override
    protected void release() {
        v = null;
    }

    @Override
    protected void update(int i, double[] theta, double[] g, int n) {
        double alpha = learningRate();
        double[] vi = v[i];
        for (int k = 0; k < n; k++) {
            // v ← β·v + ∇θ
            vi[k] = beta * vi[k] + g[k];
            // θ ← θ − α·v
            theta[k] -= alpha * vi[k];
        }
    }

    @Override
    public Momentum fresh() {
        return new Momentum(learningRate(), beta);
    }

    @Override
    public String toString() {
        return "Momentum(learningRate=" + learningRate() + ", beta=" + beta + ")";
    }
}
