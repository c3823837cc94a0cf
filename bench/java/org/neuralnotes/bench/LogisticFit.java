package org.neuralnotes.bench;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.models.GradientDescentSettings;
import org.neuralnotes.models.LogisticRegression;
import org.neuralnotes.random.Rng;

/**
 * W1 as notebook 01 runs note 001's model: {@code LogisticRegression.zeros(m).fit(X, y,
 * settings)}, full-batch gradient descent that evaluates J at every iteration and records it
 * every 100 iterations (the note's {@code grad_descent}; {@link GradientDescentSettings}'
 * default spacing). The data are W1's ({@link Data#logistic}); w = 0, b = 0.
 */
final class LogisticFit implements Workload {
    private final long seed;
    private final int n;
    private final int m;
    private final GradientDescentSettings settings;

    private DMatrixRMaj X;
    private DMatrixRMaj y;
    private LogisticRegression model;

    LogisticFit(long seed, int n, int m, int iterations, double rate) {
        this.seed = seed;
        this.n = n;
        this.m = m;
        this.settings = GradientDescentSettings.of(rate, iterations);
    }

    @Override
    public long setup() {
        DMatrixRMaj[] drawn = Data.logistic(new Rng(seed), n, m);
        X = drawn[0];
        y = drawn[1];
        return Data.hash(drawn);
    }

    @Override
    public int iterations() {
        return settings.iterations();
    }

    @Override
    public double flopsPerIteration() {
        // z = X·w and ∂J/∂w = (1/n)·Xᵀ(a − y)
        return 4.0 * n * m;
    }

    @Override
    public void reset() {
        model = LogisticRegression.zeros(m);
    }

    @Override
    public void run() {
        model.fit(X, y, settings);
    }

    @Override
    public double result() {
        // J over the whole set at the final (w, b)
        return model.cost(X, y);
    }
}
