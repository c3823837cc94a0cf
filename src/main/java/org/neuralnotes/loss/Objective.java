package org.neuralnotes.loss;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Sigmoid;
import org.neuralnotes.activation.Softmax;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.linalg.FastMath;

/**
 * The output activation and the loss taken together, giving the loss of a batch and the
 * output error dZ = ∂L/∂Z of the last layer.
 *
 * <p>Two pairs collapse to the output error (A − Y)/N: sigmoid with binary
 * cross-entropy, softmax with categorical cross-entropy. Their loss is computed from Z
 * directly, so it stays finite when A rounds to 0 or 1. Cross-entropy with any other
 * output is refused, since its predictions would not be probabilities. Softmax with a
 * squared loss takes the exact gradient through the softmax Jacobian by default, or one
 * of note 003's two approximations.
 */
public final class Objective {

    /** How softmax with a squared loss turns ∂L/∂A into ∂L/∂Z (note 003, eqs. 14–16). */
    public enum SoftmaxGradient {
        /** dZ_α = A_α(g_α − E), E = Σ_β A_β g_β, with g = ∂L/∂A (eq. 14) */
        EXACT,
        /** dZ_α ≈ A_α g_α: the averaged error E dropped (eq. 15) */
        DROP_AVERAGED_ERROR,
        /** dZ_α ≈ g_α, i.e. A − Y with the loss's scale: the factor A dropped too (eq. 16) */
        A_MINUS_Y
    }

    private enum Pair { SIGMOID_BCE, SOFTMAX_CCE, SOFTMAX_SQUARED, GENERAL }

    /**
     * e^(−|z|) per example for the sigmoid cross-entropy, one array per thread, grown as needed
     * and reused call after call: a new array at every step cost more than the loss itself
     * (W1: 30 µs with it reused, 32–190 µs allocated afresh, 10 000 examples).
     */
    private static final ThreadLocal<double[]> EXPS = ThreadLocal.withInitial(() -> new double[0]);

    private final Activation output;
    private final Loss loss;
    private final SoftmaxGradient softmaxGradient;
    private final Pair pair;

    private Objective(Activation output, Loss loss, SoftmaxGradient mode) {
        if (output == null) {
            throw new IllegalArgumentException("output: expected an activation, found null");
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss: expected a loss, found null");
        }
        if (mode == null) {
            throw new IllegalArgumentException("softmaxGradient: expected a SoftmaxGradient, found null");
        }
        this.output = output;
        this.loss = loss;
        this.softmaxGradient = mode;
        this.pair = pairOf(output, loss, mode);
    }

    /** The output activation and loss, with the exact gradient. */
    public static Objective of(Activation output, Loss loss) {
        return new Objective(output, loss, SoftmaxGradient.EXACT);
    }

    /** Softmax with a squared loss and the chosen gradient (exact or one of note 003's approximations). */
    public static Objective of(Activation output, Loss loss, SoftmaxGradient mode) {
        return new Objective(output, loss, mode);
    }

    private static Pair pairOf(Activation output, Loss loss, SoftmaxGradient mode) {
        boolean sigmoid = output instanceof Sigmoid;
        boolean softmax = output instanceof Softmax;
        if (loss instanceof BinaryCrossEntropy && !sigmoid) {
            throw new IllegalArgumentException("loss: binary cross-entropy needs a sigmoid output, so that"
                    + " predictions are probabilities in (0, 1); found output " + output.name());
        }
        if (loss instanceof CategoricalCrossEntropy && !softmax) {
            throw new IllegalArgumentException("loss: categorical cross-entropy needs a softmax output, so"
                    + " that each row is a distribution over the classes; found output " + output.name());
        }
        if (mode != SoftmaxGradient.EXACT && !(softmax && loss instanceof SquaredLoss)) {
            throw new IllegalArgumentException("softmaxGradient: the approximation " + mode + " belongs to"
                    + " a softmax output with a squared loss; found output " + output.name()
                    + " with loss " + loss.name());
        }
        if (loss instanceof BinaryCrossEntropy) {
            return Pair.SIGMOID_BCE;
        }
        if (loss instanceof CategoricalCrossEntropy) {
            return Pair.SOFTMAX_CCE;
        }
        if (softmax && loss instanceof SquaredLoss) {
            return Pair.SOFTMAX_SQUARED;
        }
        return Pair.GENERAL;
    }

    public Activation output() {
        return output;
    }

    public Loss loss() {
        return loss;
    }

    public SoftmaxGradient softmaxGradient() {
        return softmaxGradient;
    }

    /** True when the output error is not the exact gradient of the loss. */
    public boolean approximate() {
        return softmaxGradient != SoftmaxGradient.EXACT;
    }

    /** L for the last layer's Z, its output A = g(Z) (as the forward pass computed it) and targets Y. */
    public double value(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj Y) {
        Checks.sameShape("A", A, "Y", Y);
        switch (pair) {
            case SIGMOID_BCE:
                BinaryCrossEntropy.checkTargets(Y);
                return sigmoidCrossEntropy(Z, Y);
            case SOFTMAX_CCE:
                CategoricalCrossEntropy.checkTargets(Y);
                return softmaxCrossEntropy(Z, A, Y);
            default:
                return loss.value(A, Y);
        }
    }

    /** dZ = ∂L/∂Z of the last layer (or its approximation, when one was chosen). */
    public DMatrixRMaj outputError(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj Y) {
        DMatrixRMaj dZ = new DMatrixRMaj(1, 1);
        outputError(Z, A, Y, dZ);
        return dZ;
    }

    /**
     * dZ = ∂L/∂Z of the last layer written into {@code dZ}, reshaped to the shape of A; for
     * the paired objectives (sigmoid + binary cross-entropy, softmax + cross-entropy) with no
     * temporary. {@code dZ} must be another matrix than Z, A and Y.
     */
    public void outputError(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj Y, DMatrixRMaj dZ) {
        Checks.sameShape("A", A, "Y", Y);
        Checks.notSame("dZ", dZ, "A", A);
        Checks.notSame("dZ", dZ, "Y", Y);
        Checks.notSame("dZ", dZ, "Z", Z);
        switch (pair) {
            case SIGMOID_BCE:
                BinaryCrossEntropy.checkTargets(Y);
                scaledDifference(A, Y, 1.0 / Y.numRows, dZ);
                return;
            case SOFTMAX_CCE:
                CategoricalCrossEntropy.checkTargets(Y);
                scaledDifference(A, Y, 1.0 / Y.numRows, dZ);
                return;
            case SOFTMAX_SQUARED:
                copyInto(softmaxSquared(Z, A, Y), dZ);
                return;
            default:
                output.backward(Z, A, loss.gradient(A, Y), dZ);
        }
    }

    private static void copyInto(DMatrixRMaj from, DMatrixRMaj to) {
        to.reshape(from.numRows, from.numCols);
        System.arraycopy(from.data, 0, to.data, 0, from.getNumElements());
    }

    private DMatrixRMaj softmaxSquared(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj Y) {
        // g = ∂L/∂A
        DMatrixRMaj g = loss.gradient(A, Y);
        switch (softmaxGradient) {
            case EXACT:
                return output.backward(Z, A, g);
            case DROP_AVERAGED_ERROR:
                for (int i = 0; i < g.getNumElements(); i++) {
                    // dZ_α ≈ A_α g_α
                    g.data[i] *= A.data[i];
                }
                return g;
            case A_MINUS_Y:
                // dZ ≈ g, which is (A − Y) times the loss's scale
                return g;
            default:
                throw new AssertionError(softmaxGradient);
        }
    }

    /** dZ = (A − Y)·s */
    private static void scaledDifference(DMatrixRMaj A, DMatrixRMaj Y, double s, DMatrixRMaj dZ) {
        dZ.reshape(A.numRows, A.numCols);
        int n = A.getNumElements();
        for (int i = 0; i < n; i++) {
            // dZ = (A − Y)/N
            dZ.data[i] = s * (A.data[i] - Y.data[i]);
        }
    }

    private static double sigmoidCrossEntropy(DMatrixRMaj Z, DMatrixRMaj Y) {
        int n = Z.getNumElements();
        // e = e^(−|z|), then −[y ln σ(z) + (1 − y) ln(1 − σ(z))] per example, over e
        double[] e = EXPS.get();
        if (e.length < n) {
            e = new double[n];
            EXPS.set(e);
        }
        FastMath.ofMinusAbs(Z.data, e, n);
        BinaryCrossEntropy.lossesFromLogits(Z.data, Y.data, e, n);
        return FastMath.sum(e, n) / Z.numRows;
    }

    /**
     * −(1/N) Σ y ln A with ln A_j = Z_j − ln Σ e^Z, where ln Σ e^Z = max Z − ln A_top at the
     * row's largest entry (A_top = e⁰ / Σ e^(Z − max Z) ≥ 1/K): one logarithm per row, no second
     * exponential, and finite where A_j itself rounds to 0.
     */
    private static double softmaxCrossEntropy(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj Y) {
        int k = Z.numCols;
        double s = 0;
        for (int r = 0; r < Z.numRows; r++) {
            int o = r * k;
            int top = o;
            for (int j = o + 1; j < o + k; j++) {
                if (Z.data[j] > Z.data[top]) {
                    top = j;
                }
            }
            double logSum = Z.data[top] - Math.log(A.data[top]);
            for (int j = o; j < o + k; j++) {
                double y = Y.data[j];
                if (y != 0) {
                    // −y ln A = −y (Z − ln Σ e^Z)
                    s -= y * (Z.data[j] - logSum);
                }
            }
        }
        return s / Z.numRows;
    }

    @Override
    public String toString() {
        return output.toString() + " + " + loss.name()
                + (softmaxGradient == SoftmaxGradient.EXACT ? "" : " (" + softmaxGradient + ")");
    }
}
