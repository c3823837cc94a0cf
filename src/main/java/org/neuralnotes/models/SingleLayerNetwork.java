package org.neuralnotes.models;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.ElementwiseActivation;
import org.neuralnotes.activation.Identity;
import org.neuralnotes.activation.Softmax;
import org.neuralnotes.init.Initializer;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

/**
 * Note 000's single-layer network in the note's own parameters, as a view of a general
 * two-layer {@link Network}.
 *
 * <p>The model: p inputs, K hidden units with activation g, w outputs (w = 1 for a
 * quantitative response with identity output; w classes with softmax):
 * <pre>
 *   z_ik = w_k0 + Σ_j w_kj x_ij          A_ik = g(z_ik)
 *   f_m(x_i) = β_m0 + Σ_k β_mk A_ik       (then softmax over m for a categorical output)
 * </pre>
 * The note's matrices put the biases in the first row:
 * <pre>
 *   W  ((p+1) × K):  row 0 = (w_10 … w_K0), row j = (w_1j … w_Kj);   column k is neuron k
 *   B  ((K+1) × w):  row 0 = (β_10 … β_w0), row k = (β_1k … β_wk);   column m is output m
 * </pre>
 * and the network's are W1 (p × K), b1 (1 × K), W2 (K × w), b2 (1 × w), so
 * W = [b1; W1] and B = [b2; W2] stacked by rows.
 *
 * <p><b>θ order.</b> θ stacks W then B, each <em>row by row</em> (row-major), as the note's
 * θ and ∇C(θ) list them: θ = (w_10, w_20, …, w_K0, w_11, …, w_K1, …, w_Kp, β_0, β_1, …, β_K)
 * for one output, and for w outputs B's rows (β_10, …, β_w0, β_11, …). It has
 * (p+1)K + (K+1)w entries; w_kj sits at j·K + (k − 1), β_mk at (p+1)K + k·w + (m − 1).
 * (The note's R code flattens W with {@code matrix(W, nrow = 1)}, which is column by column
 * instead: its "Var i" are a different order of the same numbers; see {@link #thetaLabels()}.)
 *
 * <p><b>A view, not a copy.</b> The numbers live only in the network's W1, b1, W2, b2.
 * {@link #W()}, {@link #B()} and {@link #theta()} assemble fresh matrices from them at the
 * time of the call; {@link #setW}, {@link #setB}, {@link #setTheta} and the entry setters
 * write into them; a training step on the network shows in the next read here.
 */
public final class SingleLayerNetwork {
    private final Network net;
    private final ElementwiseActivation g;

    private SingleLayerNetwork(Network net) {
        this.net = net;
        this.g = (ElementwiseActivation) net.layer(1).activation();
    }

    /**
     * The note's parameters over this network, which must have two layers: a hidden layer
     * with an element-wise activation and an identity or softmax output layer.
     */
    public static SingleLayerNetwork view(Network net) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected a network, found null");
        }
        if (net.depth() != 2) {
            throw new IllegalArgumentException("net: expected 2 layers (hidden and output), found "
                    + net.depth() + " in " + net);
        }
        Activation hidden = net.layer(1).activation();
        if (!(hidden instanceof ElementwiseActivation)) {
            throw new IllegalArgumentException("net: expected an element-wise hidden activation g (the"
                    + " note's formulas use g and g'), found " + hidden);
        }
        Activation out = net.layer(2).activation();
        if (!(out instanceof Identity) && !(out instanceof Softmax)) {
            throw new IllegalArgumentException("net: expected an identity or softmax output (note 000's"
                    + " f(X) = β0 + Σ βk A_k, or its softmax), found " + out);
        }
        return new SingleLayerNetwork(net);
    }

    /**
     * A new network of p inputs, K hidden units with activation g and w outputs, with W1, b1,
     * W2, b2 all drawn from {@code init} (note 000 draws W and B from U(−1, 1)), in that order.
     *
     * @param output identity (quantitative response) or softmax (categorical)
     * @param loss   the loss the network scores its output with (note 000: ½Σ(y − f)², i.e.
     *               {@code Losses.halfSumOfSquares()})
     */
    public static SingleLayerNetwork create(int p, int K, ElementwiseActivation g, int w, Activation output,
                                            Loss loss, Initializer init, Rng rng) {
        Checks.positive("p", p);
        Checks.positive("K", K);
        Checks.positive("w", w);
        if (output != null && !(output instanceof Identity) && !(output instanceof Softmax)) {
            throw new IllegalArgumentException("output: expected identity or softmax, found " + output);
        }
        Network net = Network.builder(p).dense(K, g).dense(w, output).loss(loss).build(init, init, rng);
        return new SingleLayerNetwork(net);
    }

    /** The network this is a view of. */
    public Network network() {
        return net;
    }

    /** p, the number of inputs. */
    public int p() {
        return net.inputs();
    }

    /** K, the number of hidden units. */
    public int K() {
        return net.layer(1).units();
    }

    /** w, the number of outputs. */
    public int outputs() {
        return net.outputs();
    }

    /** The hidden activation g. */
    public ElementwiseActivation g() {
        return g;
    }

    /** (p+1)K + (K+1)w, the length of θ. */
    public int parameterCount() {
        return (p() + 1) * K() + (K() + 1) * outputs();
    }

    // ---- W and B, read from and written to the network ----

    /** W, (p+1) × K, assembled now from b1 (row 0) and W1 (rows 1 … p). */
    public DMatrixRMaj W() {
        return stack(b1(), W1());
    }

    /** B, (K+1) × w, assembled now from b2 (row 0) and W2 (rows 1 … K). */
    public DMatrixRMaj B() {
        return stack(b2(), W2());
    }

    /** Writes W ((p+1) × K) into the network: row 0 into b1, rows 1 … p into W1. */
    public void setW(DMatrixRMaj W) {
        Checks.shape("W", W, p() + 1, K());
        Checks.finite("W", W);
        unstack(W, b1(), W1());
    }

    /** Writes B ((K+1) × w) into the network: row 0 into b2, rows 1 … K into W2. */
    public void setB(DMatrixRMaj B) {
        Checks.shape("B", B, K() + 1, outputs());
        Checks.finite("B", B);
        unstack(B, b2(), W2());
    }

    /** w_kj, k = 1 … K, j = 0 … p (j = 0 is the bias of neuron k). */
    public double w(int k, int j) {
        SingleLayerChecks.checkK(this, k);
        SingleLayerChecks.checkJ(this, j);
        return j == 0 ? b1().data[k - 1] : W1().get(j - 1, k - 1);
    }

    /** Sets w_kj in the network. */
    public void setW(int k, int j, double value) {
        SingleLayerChecks.checkK(this, k);
        SingleLayerChecks.checkJ(this, j);
        SingleLayerChecks.checkFinite(value);
        if (j == 0) {
            b1().data[k - 1] = value;
        } else {
            W1().set(j - 1, k - 1, value);
        }
    }

    /** β_k of a one-output network, k = 0 … K (β_0 is the output bias). */
    public double beta(int k) {
        SingleLayerChecks.checkSingleOutput(this);
        return beta(1, k);
    }

    /** β_mk, m = 1 … w, k = 0 … K. */
    public double beta(int m, int k) {
        SingleLayerChecks.checkM(this, m);
        SingleLayerChecks.checkBetaK(this, k);
        return k == 0 ? b2().data[m - 1] : W2().get(k - 1, m - 1);
    }

    /** Sets β_mk in the network. */
    public void setBeta(int m, int k, double value) {
        SingleLayerChecks.checkM(this, m);
        SingleLayerChecks.checkBetaK(this, k);
        SingleLayerChecks.checkFinite(value);
        if (k == 0) {
            b2().data[m - 1] = value;
        } else {
            W2().set(k - 1, m - 1, value);
        }
    }

    // ---- θ ----

    /** θ as a column of (p+1)K + (K+1)w numbers: W row by row, then B row by row. */
    public DMatrixRMaj theta() {
        return concat(W(), B());
    }

    /** Writes θ (a column or row of (p+1)K + (K+1)w numbers) into W1, b1, W2, b2. */
    public void setTheta(DMatrixRMaj theta) {
        SingleLayerChecks.checkVector(this, "theta", theta);
        Checks.finite("theta", theta);
        int nW = (p() + 1) * K();
        DMatrixRMaj W = new DMatrixRMaj(p() + 1, K());
        DMatrixRMaj B = new DMatrixRMaj(K() + 1, outputs());
        System.arraycopy(theta.data, 0, W.data, 0, nW);
        System.arraycopy(theta.data, nW, B.data, 0, B.data.length);
        unstack(W, b1(), W1());
        unstack(B, b2(), W2());
    }

    /** The position of w_kj in θ: j·K + (k − 1). */
    public int thetaIndexOfW(int k, int j) {
        SingleLayerChecks.checkK(this, k);
        SingleLayerChecks.checkJ(this, j);
        return j * K() + (k - 1);
    }

    /** The position of β_mk in θ: (p+1)K + k·w + (m − 1). */
    public int thetaIndexOfBeta(int m, int k) {
        SingleLayerChecks.checkM(this, m);
        SingleLayerChecks.checkBetaK(this, k);
        return (p() + 1) * K() + k * outputs() + (m - 1);
    }

    /** A name for every entry of θ, in θ's order: "w[k,j]", then "beta[k]" (one output) or "beta[m,k]". */
    public List<String> thetaLabels() {
        List<String> out = new ArrayList<>(parameterCount());
        for (int j = 0; j <= p(); j++) {
            for (int k = 1; k <= K(); k++) {
                out.add("w[" + k + "," + j + "]");
            }
        }
        for (int k = 0; k <= K(); k++) {
            for (int m = 1; m <= outputs(); m++) {
                out.add(outputs() == 1 ? "beta[" + k + "]" : "beta[" + m + "," + k + "]");
            }
        }
        return out;
    }

    // ---- gradients in the note's layout ----

    /** ∂L/∂W in W's layout, (p+1) × K, from the network's gradients (db1 in row 0). */
    public DMatrixRMaj gradW(Gradients grads) {
        SingleLayerChecks.checkGradients(this, grads);
        return stack(grads.get("b1"), grads.get("W1"));
    }

    /** ∂L/∂B in B's layout, (K+1) × w (db2 in row 0). */
    public DMatrixRMaj gradB(Gradients grads) {
        SingleLayerChecks.checkGradients(this, grads);
        return stack(grads.get("b2"), grads.get("W2"));
    }

    /** ∇L(θ) in θ's order, a column of (p+1)K + (K+1)w numbers. */
    public DMatrixRMaj gradTheta(Gradients grads) {
        return concat(gradW(grads), gradB(grads));
    }

    /**
     * Note 000's gradient, entry by entry from its scalar formulas, in θ's order. With
     * ε_im = f_m(x_i) − y_im:
     * <pre>
     *   ∂C/∂β_m0 = Σ_i ε_im
     *   ∂C/∂β_mk = Σ_i ε_im g(z_ik)
     *   ∂C/∂w_k0 = Σ_i Σ_m ε_im β_mk g'(z_ik)
     *   ∂C/∂w_kj = Σ_i Σ_m ε_im β_mk g'(z_ik) x_ij
     * </pre>
     * This is the gradient of the note's summed objective: C = Σ_i ½‖f(x_i) − y_i‖² for an
     * identity output, and C = −Σ_i Σ_m y_im ln f_m(x_i) for a softmax output (whose ε is
     * the same f − y). It ignores the network's loss: when that loss is a mean over the N
     * examples (½MSE, cross-entropy), the network's gradient is this divided by N; the note's
     * R code averages over the observations likewise.
     *
     * @param X N × p inputs
     * @param Y N × w targets (one-hot rows for softmax)
     */
    public DMatrixRMaj noteGradient(DMatrixRMaj X, DMatrixRMaj Y) {
        return NoteFormulas.gradient(this, X, Y);
    }

    /**
     * f(X) computed the note's way from W and B, as its R function {@code NN_output}:
     * [1, g([1, X]·W)]·B, followed by softmax over each row for a softmax output.
     */
    public DMatrixRMaj noteOutput(DMatrixRMaj X) {
        return NoteFormulas.output(this, X);
    }

    // ---- plumbing ----

    private DMatrixRMaj W1() {
        return net.layer(1).W();
    }

    private DMatrixRMaj b1() {
        return net.layer(1).b();
    }

    private DMatrixRMaj W2() {
        return net.layer(2).W();
    }

    private DMatrixRMaj b2() {
        return net.layer(2).b();
    }

    /** [row; M]: the bias row on top of the weight matrix. */
    private static DMatrixRMaj stack(DMatrixRMaj row, DMatrixRMaj M) {
        DMatrixRMaj out = new DMatrixRMaj(M.numRows + 1, M.numCols);
        System.arraycopy(row.data, 0, out.data, 0, M.numCols);
        System.arraycopy(M.data, 0, out.data, M.numCols, M.getNumElements());
        return out;
    }

    /** Splits [row; M] back into the network's own matrices. */
    private static void unstack(DMatrixRMaj stacked, DMatrixRMaj row, DMatrixRMaj M) {
        System.arraycopy(stacked.data, 0, row.data, 0, M.numCols);
        System.arraycopy(stacked.data, M.numCols, M.data, 0, M.getNumElements());
    }

    /** The entries of a then b, row by row, as one column. */
    static DMatrixRMaj concat(DMatrixRMaj a, DMatrixRMaj b) {
        int na = a.getNumElements();
        DMatrixRMaj out = new DMatrixRMaj(na + b.getNumElements(), 1);
        System.arraycopy(a.data, 0, out.data, 0, na);
        System.arraycopy(b.data, 0, out.data, na, b.getNumElements());
        return out;
    }

    @Override
    public String toString() {
        return "SingleLayerNetwork(p=" + p() + ", K=" + K() + ", w=" + outputs() + ", g=" + g + ", output="
                + net.layer(2).activation() + ", W " + (p() + 1) + "x" + K() + ", B " + (K() + 1) + "x"
                + outputs() + ", " + parameterCount() + " parameters; view of " + net + ")";
    }
}
