package org.neuralnotes.optim;

/**
 * Plain gradient descent, the rule of every note: θ ← θ − α∇θ (note 000 writes ρ for α).
 * It has no state beyond the step count.
 */
public final class GradientDescent extends AbstractOptimizer {

    /** @param learningRate α, finite and > 0 */
    public GradientDescent(double learningRate) {
        super(learningRate);
    }

    @Override
    protected void allocate(int[] sizes) {}

    @Override
    protected void release() {}

    @Override
    protected void update(int i, double[] theta, double[] g, int n) {
        double alpha = learningRate();
        for (int k = 0; k < n; k++) {
            // θ ← θ − α∇θ
            theta[k] -= alpha * g[k];
        }
    }

    @Override
    public GradientDescent fresh() {
        return new GradientDescent(learningRate());
    }

    @Override
    public String toString() {
        return "GradientDescent(learningRate=" + learningRate() + ")";
    }
}
