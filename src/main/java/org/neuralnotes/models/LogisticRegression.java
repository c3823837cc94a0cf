package org.neuralnotes.models;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.Sigmoid;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.loss.BinaryCrossEntropy;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Dense;
import org.neuralnotes.nn.Network;
import org.neuralnotes.train.DivergenceException;
import org.neuralnotes.train.DivergenceWatch;

/**
 * Logistic regression trained by gradient descent, as note 001 trains it.
 *
 * <p>Rows are examples: X is n × p, y is n × 1 with labels 0 or 1, w is p × 1 and b a
 * scalar. (Note 001 puts examples in columns, x of m × n; its x is this Xᵀ and its m is
 * this p.) The model and its cost:
 * <pre>
 *   a = σ(X·w + b)
 *   J(w, b) = −(1/n) Σ_i [y_i ln a_i + (1 − y_i) ln(1 − a_i)]
 *   ∂J/∂w = (1/n) Xᵀ(a − y),   ∂J/∂b = (1/n) Σ_i (a_i − y_i)
 * </pre>
 * {@link #fit} starts from the current (w, b) and takes {@code iterations} steps
 * w ← w − α ∂J/∂w, b ← b − α ∂J/∂b, recording J every k steps (k = 100 by default), the
 * cost being the one computed before the step, as the note's {@code grad_descent} does.
 * {@link #model} is the note's {@code model()}: zero start, fit, train and test accuracy.
 * Each iteration is one pass over the examples (package-private {@code LogisticPass}), in
 * note 001's layout x = Xᵀ copied once per {@code fit}: from z = wᵀx + b, one e^(−|z|) per
 * example gives both a − y and the log-loss, in buffers made once per {@code fit}.
 *
 * <p>The note's listing divides dw and db by the number of features m where the
 * derivation divides by the number of examples n. That slip is available, on request only,
 * as {@link GradientScale#FEATURES_SLIP}, so its effect can be shown with numbers.
 *
 * <p>The parameters live in a p × 1 matrix w and a 1 × 1 matrix b: {@link #toNetwork()}
 * wraps those very matrices in a one-layer {@link Network} (sigmoid output, binary
 * cross-entropy), and {@link #view(Network)} does the converse, so training either one
 * moves the other.
 */
public final class LogisticRegression {

    /** What the gradient is divided by. */
    public enum GradientScale {
        /** 1/n, n the number of examples: the gradient of J, as derived in the note. The default. */
        EXAMPLES,
        /**
         * 1/m, m the number of features: the slip in the note's listing ({@code dw = (x @ dz.T) / m},
         * {@code db = np.sum(dz) / m}). Not the gradient of J: it is the gradient times n/m,
         * i.e. the learning rate silently multiplied by n/m. For showing the slip only.
         */
        FEATURES_SLIP
    }

    /** The cost and its gradient at one (w, b): what the note's {@code cost_function} returns. */
    public record CostGradient(double J, DMatrixRMaj dw, double db) {}

    private final DMatrixRMaj w;
    private final DMatrixRMaj b;

    private LogisticRegression(DMatrixRMaj w, DMatrixRMaj b) {
        this.w = w;
        this.b = b;
    }

    /** w = 0 (p × 1) and b = 0: the note's starting point. */
    public static LogisticRegression zeros(int features) {
        Checks.positive("features", features);
        return new LogisticRegression(new DMatrixRMaj(features, 1), new DMatrixRMaj(1, 1));
    }

    /** A model starting at copies of these parameters. */
    public static LogisticRegression of(DMatrixRMaj w, double b) {
        Checks.nonEmpty("w", w);
        if (w.numCols != 1) {
            throw new IllegalArgumentException("w: expected a column of shape px1, found " + Checks.shape(w));
        }
        Checks.finite("w", w);
        LogisticChecks.checkFinite("b", b);
        DMatrixRMaj bb = new DMatrixRMaj(1, 1);
        bb.data[0] = b;
        return new LogisticRegression(w.copy(), bb);
    }

    /**
     * Logistic regression over a one-layer network's own matrices: W1 is w and b1 is b.
     * The network must have one layer of one sigmoid unit scored by binary cross-entropy.
     */
    public static LogisticRegression view(Network net) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected a network, found null");
        }
        if (net.depth() != 1 || net.outputs() != 1 || !(net.layer(1).activation() instanceof Sigmoid)
                || !(net.objective().loss() instanceof BinaryCrossEntropy)) {
            throw new IllegalArgumentException("net: expected one layer of 1 sigmoid unit with binary"
                    + " cross-entropy, found " + net);
        }
        Dense d = net.layer(1);
        return new LogisticRegression(d.W(), d.b());
    }

    /**
     * A one-layer network (p inputs, one sigmoid unit, binary cross-entropy) whose W1 and b1
     * are this model's w and b themselves, not copies.
     */
    public Network toNetwork() {
        Activation sigma = Activations.sigmoid();
        Dense layer = new Dense(w, b, sigma);
        return new Network(List.of(layer), Objective.of(sigma, Losses.binaryCrossEntropy()));
    }

    /** The number of features p. */
    public int features() {
        return w.numRows;
    }

    /** The weights w (p × 1), live: changing it changes the model. */
    public DMatrixRMaj w() {
        return w;
    }

    /** The bias b. */
    public double b() {
        return b.data[0];
    }

    /** Sets the bias b. */
    public void setB(double value) {
        LogisticChecks.checkFinite("value", value);
        b.data[0] = value;
    }

    /** a = σ(X·w + b), the probability that y = 1, one row per example. */
    public DMatrixRMaj probabilities(DMatrixRMaj X) {
        checkX(X);
        // a = σ(z)
        return Activations.sigmoid().forward(z(X));
    }

    /** J(w, b), the mean log-loss over the examples. */
    public double cost(DMatrixRMaj X, DMatrixRMaj y) {
        checkX(X);
        checkY(y, X.numRows);
        return new LogisticPass(X).cost(w, b.data[0], y);
    }

    /** J and its gradient (the note's {@code cost_function}), divided by n. */
    public CostGradient costAndGradient(DMatrixRMaj X, DMatrixRMaj y) {
        return costAndGradient(X, y, GradientScale.EXAMPLES);
    }

    /** J and dw, db divided as {@code scale} says (the slip divides by the number of features). */
    public CostGradient costAndGradient(DMatrixRMaj X, DMatrixRMaj y, GradientScale scale) {
        checkX(X);
        checkY(y, X.numRows);
        if (scale == null) {
            throw new IllegalArgumentException("scale: expected a GradientScale, found null");
        }
        return evaluate(X, y, scale);
    }

    /**
     * Gradient descent from the current (w, b), in place, as the note's {@code grad_descent}.
     * At every iteration i = 0 … iterations − 1 it computes J, dw, db at the current
     * parameters, steps w ← w − α dw, b ← b − α db, and records J when i is a multiple of
     * k. Stops as {@code Trainer.fit} does when it diverges (J not finite, or above 10⁶ ·
     * max(J₀, 1), the rule of {@link DivergenceWatch}): w and b are put back to their values at
     * the start of the call and a {@link DivergenceException} names the iteration and the
     * latest costs.
     *
     * @param X        n × p inputs, finite
     * @param y        n × 1 labels, each 0 or 1
     * @param settings learning rate α, number of iterations, k, gradient scale
     */
    public FitResult fit(DMatrixRMaj X, DMatrixRMaj y, GradientDescentSettings settings) {
        checkX(X);
        checkY(y, X.numRows);
        if (settings == null) {
            throw new IllegalArgumentException("settings: expected GradientDescentSettings, found null");
        }
        double alpha = settings.learningRate();
        double divisor = divisor(X, settings.gradientScale());
        List<Integer> recordedAt = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        DivergenceWatch watch = new DivergenceWatch(List.of(w, b));
        // one pass per iteration over buffers made once: x = Xᵀ, z, e^(−|z|), a − y, and dw
        LogisticPass pass = new LogisticPass(X);
        DMatrixRMaj dw = new DMatrixRMaj(w.numRows, 1);
        double J = Double.NaN;
        for (int i = 0; i < settings.iterations(); i++) {
            // J, ∂J/∂w and ∂J/∂b at the current (w, b)
            J = pass.costAndGradient(w, b.data[0], y, divisor, dw);
            if (watch.diverged(i, J)) {
                String what = Double.isFinite(J) ? watch.rise() : "the cost became " + J;
                throw new DivergenceException("training diverged at iteration " + i + ": " + what + "; "
                        + watch.path() + "; " + watch.restore() + "; try a smaller learningRate than "
                        + alpha + " or standardized features (" + settings + ")", i, J);
            }
            // w ← w − α ∂J/∂w
            for (int j = 0; j < w.numRows; j++) {
                w.data[j] -= alpha * dw.data[j];
            }
            // b ← b − α ∂J/∂b
            b.data[0] -= alpha * pass.db();
            if (i % settings.recordEvery() == 0) {
                recordedAt.add(i);
                costs.add(J);
            }
        }
        double lastDb = pass.db();
        double finalCost = pass.cost(w, b.data[0], y);
        return new FitResult(settings, recordedAt, costs, w.copy(), b.data[0], dw, lastDb, finalCost);
    }

    /** ŷ = 1 where a ≥ 0.5, else 0 (the note's {@code predict}). */
    public DMatrixRMaj predict(DMatrixRMaj X) {
        return predict(X, 0.5);
    }

    /**
     * ŷ = 1 where a = σ(X·w + b) ≥ threshold, else 0.
     *
     * @param threshold a number in [0, 1]
     */
    public DMatrixRMaj predict(DMatrixRMaj X, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: expected a number in [0, 1], found " + threshold);
        }
        DMatrixRMaj a = probabilities(X);
        DMatrixRMaj yhat = new DMatrixRMaj(a.numRows, 1);
        for (int i = 0; i < a.numRows; i++) {
            // ŷ = [a ≥ threshold]
            yhat.data[i] = a.data[i] >= threshold ? 1.0 : 0.0;
        }
        return yhat;
    }

    /**
     * The share of examples predicted right with threshold 0.5, in [0, 1]. The note prints
     * 100 − mean|ŷ − y|·100, the same number in percent.
     */
    public double accuracy(DMatrixRMaj X, DMatrixRMaj y) {
        checkX(X);
        checkY(y, X.numRows);
        return accuracyOf(predict(X), y);
    }

    /**
     * The note's {@code model()}: start at w = 0, b = 0, fit on the training set, then
     * predict on both sets and report their accuracies.
     */
    public static ModelReport model(DMatrixRMaj Xtrain, DMatrixRMaj ytrain, DMatrixRMaj Xtest,
                                    DMatrixRMaj ytest, GradientDescentSettings settings) {
        Checks.nonEmpty("Xtrain", Xtrain);
        LogisticChecks.checkX("Xtrain", Xtrain, Xtrain.numCols);
        LogisticChecks.checkY("ytrain", ytrain, Xtrain.numRows);
        LogisticChecks.checkX("Xtest", Xtest, Xtrain.numCols);
        LogisticChecks.checkY("ytest", ytest, Xtest.numRows);
        LogisticRegression model = zeros(Xtrain.numCols);
        FitResult fit = model.fit(Xtrain, ytrain, settings);
        DMatrixRMaj trainPredictions = model.predict(Xtrain);
        DMatrixRMaj testPredictions = model.predict(Xtest);
        return new ModelReport(model, fit, trainPredictions, testPredictions,
                accuracyOf(trainPredictions, ytrain), accuracyOf(testPredictions, ytest));
    }

    /** J and the gradient at the current (w, b), in a pass of its own (fresh buffers). */
    private CostGradient evaluate(DMatrixRMaj X, DMatrixRMaj y, GradientScale scale) {
        LogisticPass pass = new LogisticPass(X);
        DMatrixRMaj dw = new DMatrixRMaj(w.numRows, 1);
        double J = pass.costAndGradient(w, b.data[0], y, divisor(X, scale), dw);
        return new CostGradient(J, dw, pass.db());
    }

    /** n (the derivation) or, for the slip, m = the number of features. */
    private static double divisor(DMatrixRMaj X, GradientScale scale) {
        return scale == GradientScale.EXAMPLES ? X.numRows : X.numCols;
    }

    /** z = X·w + b */
    private DMatrixRMaj z(DMatrixRMaj X) {
        DMatrixRMaj z = Products.mult(X, w, new DMatrixRMaj(1, 1));
        for (int i = 0; i < z.numRows; i++) {
            z.data[i] += b.data[0];
        }
        return z;
    }

    private static double accuracyOf(DMatrixRMaj yhat, DMatrixRMaj y) {
        int right = 0;
        for (int i = 0; i < y.numRows; i++) {
            right += yhat.data[i] == y.data[i] ? 1 : 0;
        }
        return right / (double) y.numRows;
    }

    private void checkX(DMatrixRMaj X) {
        LogisticChecks.checkX("X", X, features());
    }

    private static void checkY(DMatrixRMaj y, int n) {
        LogisticChecks.checkY("y", y, n);
    }

    @Override
    public String toString() {
        return "LogisticRegression(p=" + features() + ", b=" + b() + ")";
    }
}
