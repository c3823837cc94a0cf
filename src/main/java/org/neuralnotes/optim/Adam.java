package org.neuralnotes.optim;

import org.neuralnotes.linalg.Checks;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR,
 * Algorithm 1), with the paper's defaults α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8:
 * <pre>
 *   t ← t + 1
 *   m ← β1·m + (1 − β1)·∇θ          (first moment)
 *   v ← β2·v + (1 − β2)·∇θ²         (second moment)
 *   m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)     (bias correction)
 *   θ ← θ − α·m̂ / (√v̂ + ε)
 * </pre>
 * element by element, with m = v = 0 and t = 0 before the first step.
 */
public final class Adam extends AbstractOptimizer {
    /** The paper's default step size α = 0.001. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The paper's default β1 = 0.9. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The paper's default β2 = 0.999. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The paper's default ε = 1e-8. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[][] m;
    private double[][] v;
    /** 1 − β1^t and 1 − β2^t of the current step */
    private double correction1;
    private double correction2;

    /** Adam with all of the paper's defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adam with step size α and the paper's β1, β2, ε. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate α, finite and > 0
     * @param beta1        β1 in [0, 1)
     * @param beta2        β2 in [0, 1)
     * @param epsilon      ε, finite and > 0
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = Checks.inRange("beta1", beta1, 0.0, 1.0);
        this.beta2 = Checks.inRange("beta2", beta2, 0.0, 1.0);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    /** The decay β1 of the first-moment estimate. */
    public double beta1() {
        return beta1;
    }

    /** The decay β2 of the second-moment estimate. */
    public double beta2() {
        return beta2;
    }

    /** ε, added to √v̂. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected void allocate(int[] sizes) {
        m = new double[sizes.length][];
        v = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            m[i] = new double[sizes[i]];
            v[i] = new double[sizes[i]];
        }
    }

    @Override
    protected void release() {
        m = null;
        v = null;
    }

    @Override
    protected void beginStep(long t) {
        // 1 − β1^t,  1 − β2^t
        correction1 = 1.0 - Math.pow(beta1, t);
        correction2 = 1.0 - Math.pow(beta2, t);
    }

    @Override
    protected void update(int i, double[] theta, double[] g, int n) {
        double alpha = learningRate();
        double[] mi = m[i];
        double[] vi = v[i];
        for (int k = 0; k < n; k++) {
            // m ← β1·m + (1 − β1)·∇θ
            mi[k] = beta1 * mi[k] + (1.0 - beta1) * g[k];
            // v ← β2·v + (1 − β2)·∇θ²
            vi[k] = beta2 * vi[k] + (1.0 - beta2) * (g[k] * g[k]);
            // m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
            double mHat = mi[k] / correction1;
            double vHat = vi[k] / correction2;
            // θ ← θ − α·m̂ / (√v̂ + ε)
            theta[k] -= alpha * mHat / (Math.sqrt(vHat) + epsilon);
        }
    }

    @Override
    public Adam fresh() {
        return new Adam(learningRate(), beta1, beta2, epsilon);
    }

    @Override
    public String toString() {
        return "Adam(learningRate=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2
                + ", epsilon=" + epsilon + ")";
    }
}
