package org.neuralnotes.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.init.Initializer;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.random.Rng;

/**
 * A stack of dense layers and the objective that scores its output.
 *
 * <p>Rows are examples: X is N × inputs, Y is N × outputs. One step of training is three calls,
 * in the order of the notes:
 * <pre>{@code
 * ForwardPass pass = network.forward(X);      // Z[l] = A[l−1]·W[l] + b[l], A[l] = g(Z[l]), l = 1 … L
 * double loss = network.loss(pass, Y);        // L(A[L], Y)
 * Gradients g = network.backward(pass, Y);    // δ[L] = ∂L/∂Z[L], then for l = L … 1:
 *                                             //   ∂L/∂W[l] = A[l−1]ᵀ·δ[l], ∂L/∂b[l] = Σ_rows δ[l],
 *                                             //   δ[l−1] = (δ[l]·W[l]ᵀ) ⊙ g′(Z[l−1])
 * optimizer.step(network.parameterValues(), g.list());   // θ ← θ − (update)
 * }</pre>
 * The parameters are the layers' own matrices, listed W1, b1, W2, b2, … by {@link #parameters()}.
 *
 * <p>{@link #forward} and {@link #backward} check shapes only: they compute what the numbers give,
 * NaN and ∞ included (a training loop checks the loss and the gradients). {@link #predict},
 * {@link #loss(DMatrixRMaj, DMatrixRMaj)} and {@link #accuracy} also check that X and Y are
 * finite and report an overflow with the layer where it happened.
 *
 * <p>Threads: a network is not thread-safe. Every call returns new matrices, so reading it from
 * several threads at once ({@link #forward}, {@link #predict}, {@link #loss}) is safe while
 * nothing changes its parameters. {@code Trainer.fit} refuses a second fit on a network that is
 * being trained, with an {@code IllegalStateException} naming it; reading a network while it
 * trains sees weights in the middle of an update. To train in parallel, train {@link #copy()}s.
 */
public final class Network {
    private final List<Dense> layers;
    private final Objective objective;
    /** "W1", "b1", …, made once: every gradient carries them. */
    private final List<String> names;

    /** A network of these layers scored by this objective. The layers are used, not copied. */
    public Network(List<Dense> layers, Objective objective) {
        NetworkChecks.architecture(layers, objective);
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.objective = objective;
        List<String> names = new ArrayList<>(2 * layers.size());
        for (int l = 1; l <= layers.size(); l++) {
            names.add("W" + l);
            names.add("b" + l);
        }
        this.names = Collections.unmodifiableList(names);
    }

    /** Starts a network whose input has this many features. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    public List<Dense> layers() {
        return layers;
    }

    /** The number of layers L. */
    public int depth() {
        return layers.size();
    }

    /** Layer l, counted from 1. */
    public Dense layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IllegalArgumentException("l: expected a layer in 1.." + layers.size() + ", found " + l);
        }
        return layers.get(l - 1);
    }

    public Objective objective() {
        return objective;
    }

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** W1, b1, W2, b2, …: the network's own matrices. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>(2 * layers.size());
        for (int l = 0; l < layers.size(); l++) {
            out.add(new Parameter(names.get(2 * l), layers.get(l).W()));
            out.add(new Parameter(names.get(2 * l + 1), layers.get(l).b()));
        }
        return out;
    }

    /** The parameter matrices alone, in the order of {@link #parameters()}: what an optimizer steps. */
    public List<DMatrixRMaj> parameterValues() {
        List<DMatrixRMaj> out = new ArrayList<>(2 * layers.size());
        for (Dense d : layers) {
            out.add(d.W());
            out.add(d.b());
        }
        return out;
    }

    /** The parameter with this name. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("name: expected one of " + parameterNames() + ", found \""
                + name + "\"");
    }

    /** "W1", "b1", … */
    public List<String> parameterNames() {
        return names;
    }

    /** The number of trainable numbers: Σ_l (inputs·units + units). */
    public int parameterCount() {
        int n = 0;
        for (Dense d : layers) {
            n += d.inputs() * d.units() + d.units();
        }
        return n;
    }

    // ---- one step: forward, loss, backward

    /** The forward pass of a batch X (N × inputs): every Z[l] and A[l], in new matrices. */
    public ForwardPass forward(DMatrixRMaj X) {
        return forward(X, new ForwardPass(layers.size()));
    }

    /** The forward pass written into the matrices of {@code pass} (a {@link TrainingStep}'s, reused). */
    ForwardPass forward(DMatrixRMaj X, ForwardPass pass) {
        NetworkChecks.input(X, inputs());
        // A[0] = X
        pass.input(X);
        for (int l = 1; l <= layers.size(); l++) {
            // Z[l] = A[l−1]·W[l] + b[l], A[l] = g(Z[l])
            layer(l).forward(pass.A(l - 1), pass.Z(l), pass.A(l));
        }
        return pass;
    }

    /** The loss L of the batch of a forward pass, with targets Y (N × outputs). */
    public double loss(ForwardPass pass, DMatrixRMaj Y) {
        checkPass(pass, Y);
        int L = layers.size();
        // L(A[L], Y), from Z[L] for the paired cross-entropies
        return objective.value(pass.Z(L), pass.A(L), Y);
    }

    /**
     * The backward pass of the batch of a forward pass, with targets Y: ∂L/∂θ for W1, b1, W2,
     * b2, … and every error δ[l] = ∂L/∂Z[l], in new matrices.
     */
    public Gradients backward(ForwardPass pass, DMatrixRMaj Y) {
        return backward(pass, Y, new Gradients(names));
    }

    /** The backward pass written into the matrices of {@code g} (a {@link TrainingStep}'s, reused). */
    Gradients backward(ForwardPass pass, DMatrixRMaj Y, Gradients g) {
        checkPass(pass, Y);
        int L = layers.size();
        // δ[L] = ∂L/∂Z[L] (for the paired objectives (A[L] − Y)/N)
        objective.outputError(pass.Z(L), pass.A(L), Y, g.delta(L));
        for (int l = L; l >= 1; l--) {
            // ∂L/∂W[l] = A[l−1]ᵀ·δ[l], ∂L/∂b[l] = Σ_rows δ[l], and ∂L/∂A[l−1] = δ[l]·W[l]ᵀ into δ[l−1]
            DMatrixRMaj dA = l > 1 ? g.delta(l - 1) : null;
            layer(l).backward(pass.A(l - 1), g.delta(l), g.list().get(2 * l - 2), g.list().get(2 * l - 1), dA);
            if (l > 1) {
                // δ[l−1] = ∂L/∂A[l−1] ⊙ g′(Z[l−1]), written over ∂L/∂A[l−1]
                layer(l - 1).activation().backward(pass.Z(l - 1), pass.A(l - 1), dA, dA);
            }
        }
        return g;
    }

    /** ∂L/∂θ of a batch: {@code backward(forward(X), Y)}, with X and Y checked to be finite. */
    public Gradients gradients(DMatrixRMaj X, DMatrixRMaj Y) {
        NetworkChecks.finiteInput(X, inputs());
        NetworkChecks.targets(Y, X.numRows, outputs());
        return backward(forward(X), Y);
    }

    private void checkPass(ForwardPass pass, DMatrixRMaj Y) {
        if (pass == null) {
            throw new IllegalArgumentException("pass: expected a forward pass, found null");
        }
        if (pass.depth() != layers.size() || pass.Z(1).numCols != layers.get(0).units()) {
            throw new IllegalArgumentException("pass: expected a forward pass through this network's "
                    + layers.size() + " layers, found one through " + pass.depth());
        }
        NetworkChecks.targetShape(Y, pass.input().numRows, outputs());
    }

    // ---- using a trained network

    /**
     * Ŷ = A[L] for a batch X.
     *
     * @throws ArithmeticException naming the layer, when a Z[l] or A[l] overflows (finite but huge inputs)
     */
    public DMatrixRMaj predict(DMatrixRMaj X) {
        return checkedForward(X).output();
    }

    /** The loss of a batch; an ArithmeticException says what overflowed if it is not finite. */
    public double loss(DMatrixRMaj X, DMatrixRMaj Y) {
        ForwardPass pass = checkedForward(X);
        NetworkChecks.targets(Y, X.numRows, outputs());
        return OutputChecks.finiteLoss(loss(pass, Y), pass.output(), Y);
    }

    /**
     * The share of examples classified right. With one output, ŷ ≥ 0.5 predicts class 1 and
     * Y holds 0/1 labels; with several, the largest output is the prediction and Y is one-hot
     * (each checked).
     */
    public double accuracy(DMatrixRMaj X, DMatrixRMaj Y) {
        DMatrixRMaj P = predict(X);
        NetworkChecks.targets(Y, X.numRows, outputs());
        return NetworkReport.accuracy(P, Y);
    }

    /** The forward pass of finite inputs, every Z[l] and A[l] checked to be finite. */
    private ForwardPass checkedForward(DMatrixRMaj X) {
        NetworkChecks.finiteInput(X, inputs());
        ForwardPass pass = forward(X);
        for (int l = 1; l <= layers.size(); l++) {
            OutputChecks.finiteLayer(l, pass, layer(l));
        }
        return pass;
    }

    /** A deep copy: new matrices with the same values, the same activations and objective. */
    public Network copy() {
        List<Dense> copies = new ArrayList<>();
        for (Dense d : layers) {
            copies.add(d.copy());
        }
        return new Network(copies, objective);
    }

    /** A table of layers, shapes and parameter counts. */
    public String summary() {
        return NetworkReport.summary(this);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Network(").append(inputs());
        for (Dense d : layers) {
            s.append(" -> ").append(d.units()).append(' ').append(d.activation());
        }
        return s.append(", ").append(objective).append(", ").append(parameterCount())
                .append(" parameters)").toString();
    }

    /** Builds a network layer by layer; reading the calls is reading the architecture. */
    public static final class Builder {
        private final int inputs;
        private final List<Integer> units = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private Loss loss;
        private Objective.SoftmaxGradient softmaxGradient = Objective.SoftmaxGradient.EXACT;

        private Builder(int inputs) {
            this.inputs = Checks.positive("inputs", inputs);
        }

        /** Adds a dense layer of this many units and this activation. */
        public Builder dense(int units, Activation g) {
            Checks.positive("units", units);
            if (g == null) {
                throw new IllegalArgumentException("g: expected an activation, found null");
            }
            this.units.add(units);
            this.activations.add(g);
            return this;
        }

        /** The loss that scores the last layer's output. */
        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        /** For softmax with a squared loss: the exact gradient or one of note 003's approximations. */
        public Builder softmaxGradient(Objective.SoftmaxGradient mode) {
            this.softmaxGradient = mode;
            return this;
        }

        /** Weights from {@code weights}, biases zero. */
        public Network build(Initializer weights, Rng rng) {
            return build(weights, (M, fanIn, fanOut, r) -> M.zero(), rng);
        }

        /**
         * Every W[l] from {@code weights} then b[l] from {@code biases}, layer by layer, all
         * drawn from {@code rng} in that order.
         */
        public Network build(Initializer weights, Initializer biases, Rng rng) {
            if (weights == null) {
                throw new IllegalArgumentException("weights: expected an initializer, found null");
            }
            if (biases == null) {
                throw new IllegalArgumentException("biases: expected an initializer, found null");
            }
            if (rng == null) {
                throw new IllegalArgumentException("rng: expected a generator, found null");
            }
            if (units.isEmpty()) {
                throw new IllegalArgumentException("layers: expected at least one dense layer, found none");
            }
            if (loss == null) {
                throw new IllegalArgumentException("loss: expected a loss, found none (call loss(...))");
            }
            List<Dense> layers = new ArrayList<>();
            int in = inputs;
            for (int l = 0; l < units.size(); l++) {
                int out = units.get(l);
                DMatrixRMaj W = new DMatrixRMaj(in, out);
                DMatrixRMaj b = new DMatrixRMaj(1, out);
                weights.fill(W, in, out, rng);
                biases.fill(b, in, out, rng);
                layers.add(new Dense(W, b, activations.get(l)));
                in = out;
            }
            Activation output = activations.get(activations.size() - 1);
            return new Network(layers, Objective.of(output, loss, softmaxGradient));
        }
    }
}
