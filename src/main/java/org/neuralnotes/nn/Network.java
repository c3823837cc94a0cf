package org.neuralnotes.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Softmax;
import org.neuralnotes.init.Initializer;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.linalg.Rows;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.random.Rng;

/**
 * A stack of dense layers and the objective that scores its output.
 *
 * <p>Rows are examples: X is N × inputs, Y is N × outputs. One step of training reads,
 * in order: {@link #forward} (Z[l] = A[l−1]·W[l] + b[l], A[l] = g(Z[l]) for l = 1 … L),
 * the objective's output error δ[L] = ∂L/∂Z[L], then {@link #backward}, which walks the
 * layers down: ∂L/∂W[l] = A[l−1]ᵀ·δ[l], ∂L/∂b[l] = Σ_rows δ[l], δ[l−1] = g'(Z[l−1]) ⊙ (δ[l]·W[l]ᵀ).
 * The parameters are the layers' own matrices, listed W1, b1, W2, b2, … by {@link #parameters()}.
 *
 * <p>Threads: a network is not thread-safe. Reading it from several threads at once
 * ({@link #predict}, {@link #loss}, {@link #gradients(DMatrixRMaj, DMatrixRMaj)}) is safe while
 * nothing changes its parameters; a {@link Workspace} belongs to one thread. {@code Trainer.fit}
 * refuses a second fit on a network that is being trained, with an {@code IllegalStateException}
 * naming it; reading a network while it trains sees weights in the middle of an update. To
 * train in parallel, train {@link #copy()}s.
 */
public final class Network {
    private final List<Dense> layers;
    private final Objective objective;
    /** "W1", "b1", …, made once: every gradient carries them. */
    private final List<String> names;

    /**
     * A network of these layers scored by this objective. The layers are used, not copied.
     */
    public Network(List<Dense> layers, Objective objective) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers: expected at least one layer, found "
                    + (layers == null ? "null" : "none"));
        }
        if (objective == null) {
            throw new IllegalArgumentException("objective: expected an objective, found null");
        }
        for (int l = 1; l < layers.size(); l++) {
            int out = layers.get(l - 1).units();
            int in = layers.get(l).inputs();
            if (out != in) {
                throw new IllegalArgumentException("layers: layer " + (l + 1) + " expects " + in
                        + " inputs but layer " + l + " has " + out + " units");
            }
        }
        for (int l = 0; l < layers.size() - 1; l++) {
            if (layers.get(l).activation() instanceof Softmax) {
                throw new IllegalArgumentException("layers: softmax belongs to the output layer only;"
                        + " found it in layer " + (l + 1) + " of " + layers.size());
            }
        }
        Dense last = layers.get(layers.size() - 1);
        if (!last.activation().toString().equals(objective.output().toString())) {
            throw new IllegalArgumentException("objective: expected the output activation of the last"
                    + " layer (" + last.activation() + "), found " + objective.output());
        }
        if (last.activation() instanceof Softmax && last.units() < 2) {
            throw new IllegalArgumentException("layers: a softmax output needs at least 2 units, found "
                    + last.units() + " (its only output would always be 1)");
        }
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

    /**
     * The forward pass of a batch X (N × inputs), keeping Z[l] and A[l] of every layer.
     *
     * @throws ArithmeticException naming the layer, when a Z[l] or A[l] overflows (finite but huge inputs)
     */
    public ForwardPass forward(DMatrixRMaj X) {
        checkInput(X);
        List<LayerOutput> outs = new ArrayList<>(layers.size());
        DMatrixRMaj A = X;
        for (Dense d : layers) {
            // Z[l] = A[l−1]·W[l] + b[l], A[l] = g(Z[l])
            LayerOutput o = d.forward(A);
            OutputChecks.finiteLayer(outs.size() + 1, o, A, d);
            outs.add(o);
            A = o.A();
        }
        return new ForwardPass(X, outs);
    }

    /** Ŷ = A[L] for a batch X. */
    public DMatrixRMaj predict(DMatrixRMaj X) {
        return forward(X).output();
    }

    /** The loss of a batch; an ArithmeticException says what overflowed if it is not finite. */
    public double loss(DMatrixRMaj X, DMatrixRMaj Y) {
        ForwardPass pass = forward(X);
        checkTargets(Y, X.numRows);
        int L = layers.size();
        return OutputChecks.finiteLoss(objective.value(pass.Z(L), pass.A(L), Y), pass.A(L), Y);
    }

    /** The loss and ∂L/∂θ of a batch: a forward pass then a backward pass. */
    public Gradients gradients(DMatrixRMaj X, DMatrixRMaj Y) {
        checkInput(X);
        checkTargets(Y, X.numRows);
        Workspace ws = new Workspace(this);
        forwardInto(X, 0, X.numRows, ws);
        Gradients g = backwardFrom(X, 0, X.numRows, ws.Z, ws.A, Y, ws);
        g.loss();
        return g;
    }

    /**
     * The same loss and ∂L/∂θ, bit for bit, computed in the matrices of a workspace made by
     * {@link #workspace()}: a training loop that calls this for every batch allocates nothing.
     * The result lives in the workspace until its next use, and so does the batch loss, which
     * is computed only when {@link Gradients#loss()} asks for it. Shapes are checked; the entries of
     * X and Y are not scanned for NaN or infinity on every call (the {@code Trainer} checks the
     * whole data set once before training; a non-finite input shows as a non-finite loss).
     */
    public Gradients gradients(DMatrixRMaj X, DMatrixRMaj Y, Workspace ws) {
        checkBatch(X, Y, ws);
        forwardInto(X, 0, X.numRows, ws);
        return backwardFrom(X, 0, X.numRows, ws.Z, ws.A, Y, ws);
    }

    /**
     * The same as {@link #gradients(DMatrixRMaj, DMatrixRMaj, Workspace)} for the batch of
     * rows {@code first} … {@code first + rows − 1} of X and Y (examples taken in order),
     * without copying X's rows: the first layer's products read them in place. Equal to the
     * call on a copy of those rows to rounding (a native BLAS may add in another order).
     */
    public Gradients gradients(DMatrixRMaj X, DMatrixRMaj Y, int first, int rows, Workspace ws) {
        checkBatch(X, Y, ws);
        Checks.rows("X", X, first, rows);
        DMatrixRMaj Yb = targetsOf(Y, first, rows, ws);
        forwardInto(X, first, rows, ws);
        return backwardFrom(X, first, rows, ws.Z, ws.A, Yb, ws);
    }

    /** The batch's targets, rows first … first + rows − 1 of Y: a few columns per row, copied. */
    private static DMatrixRMaj targetsOf(DMatrixRMaj Y, int first, int rows, Workspace ws) {
        DMatrixRMaj Yb = ws.targets;
        Yb.reshape(rows, Y.numCols);
        System.arraycopy(Y.data, first * Y.numCols, Yb.data, 0, rows * Y.numCols);
        return Yb;
    }

    /**
     * One step of plain gradient descent, θ ← θ − α·∂L/∂θ, on the batch of rows {@code first}
     * … {@code first + rows − 1} of X and Y (X read in place), with every weight update made
     * inside its gradient product: W[l] ← W[l] − α·A[l−1]ᵀ·δ[l] adds into W[l], so ∂L/∂W[l] is
     * never written out and read back. θ ends as {@code GradientDescent(α).step} would leave it
     * on the gradients of {@link #gradients(DMatrixRMaj, DMatrixRMaj, int, int, Workspace)}, to
     * rounding.
     *
     * <p>The step is made only when it cannot go wrong unseen: Z[L], every hidden A[l] and every
     * δ[l] finite, and no product able to overflow (every entry of A[l−1]ᵀ·δ[l] is at most
     * N·max|A[l−1]|·max|δ[l]| for N rows, which must stay below 1e300, with max|A[0]| ≤
     * {@code inputMax}).
     * Otherwise θ is left as it was and the result holds the batch's gradients, computed as
     * {@code gradients} does, for the caller to check (a loss or gradient that is not finite).
     *
     * @param alpha    the learning rate α, finite and &gt; 0
     * @param inputMax an upper bound of |x| over the rows of X used, e.g. from
     *                 {@code Checks.finiteAbsBound}; X itself is not scanned (see {@code gradients})
     */
    public Descent descend(DMatrixRMaj X, DMatrixRMaj Y, int first, int rows, Workspace ws,
                           double alpha, double inputMax) {
        checkBatch(X, Y, ws);
        Checks.rows("X", X, first, rows);
        Checks.positive("alpha", alpha);
        Checks.nonNegative("inputMax", inputMax);
        boolean whole = first == 0 && rows == X.numRows;
        DMatrixRMaj Yb = whole ? Y : targetsOf(Y, first, rows, ws);
        forwardInto(X, first, rows, ws);
        // δ[L] … δ[1], with the weights before the step
        errors(ws.Z, ws.A, Yb, ws);
        if (!safeToDescend(ws, inputMax)) {
            // θ stays; the batch's gradients, as gradients() computes them, for the caller
            return new Descent(false, weightGradients(X, first, rows, ws.Z, ws.A, Yb, ws));
        }
        int L = layers.size();
        for (int l = L; l >= 1; l--) {
            Dense layer = layers.get(l - 1);
            if (l > 1) {
                // W[l] ← W[l] − α·A[l−1]ᵀ·δ[l], b[l] ← b[l] − α·Σᵢ δ[l]ᵢ
                DMatrixRMaj below = ws.A[l - 2];
                layer.descendRows(below, 0, below.numRows, ws.delta[l - 1], alpha, ws.db[l - 1]);
            } else if (ws.inputTOf == X && whole) {
                // W[1] ← W[1] − α·Xᵀ·δ[1] from the kept Xᵀ
                layer.descendFromTranspose(ws.inputT, ws.delta[0], alpha, ws.db[0]);
            } else {
                // W[1] ← W[1] − α·Xᵀ·δ[1], X the batch's rows in place
                layer.descendRows(X, first, rows, ws.delta[0], alpha, ws.db[0]);
            }
        }
        return new Descent(true, inWorkspace(ws.Z, ws.A, Yb, ws));
    }

    /** Z[L], the hidden A[l] and the δ[l] finite, and no A[l−1]ᵀ·δ[l] near overflow. */
    private boolean safeToDescend(Workspace ws, double inputMax) {
        int L = layers.size();
        DMatrixRMaj ZL = ws.Z[L - 1];
        if (Checks.firstNonFinite(ZL.data, ZL.getNumElements()) >= 0) {
            return false;
        }
        double below = inputMax;
        for (int l = 1; l <= L; l++) {
            if (l > 1) {
                DMatrixRMaj A = ws.A[l - 2];
                below = Checks.absBound(A.data, A.getNumElements());
            }
            DMatrixRMaj d = ws.delta[l - 1];
            // |(A[l−1]ᵀ·δ[l])ᵢⱼ| ≤ N·max|A[l−1]|·max|δ[l]|, N rows; NaN fails the test as well
            double bound = d.numRows * below * Checks.absBound(d.data, d.getNumElements());
            if (!(bound <= 1e300)) {
                return false;
            }
        }
        return true;
    }

    /** X and Y of matching shapes for this network, and a workspace made by it. */
    private void checkBatch(DMatrixRMaj X, DMatrixRMaj Y, Workspace ws) {
        Checks.nonEmpty("X", X);
        if (X.numCols != inputs()) {
            throw new IllegalArgumentException("X: expected " + inputs() + " columns (one per input"
                    + " feature), found " + Checks.shape(X));
        }
        Checks.nonEmpty("Y", Y);
        if (Y.numRows != X.numRows || Y.numCols != outputs()) {
            throw new IllegalArgumentException("Y: expected shape " + X.numRows + "x" + outputs()
                    + " (one row per example of X, one column per output), found " + Checks.shape(Y));
        }
        if (ws == null || ws.network != this) {
            throw new IllegalArgumentException("ws: expected a workspace made by this network's"
                    + " workspace(), found " + (ws == null ? "null" : ws));
        }
    }

    /** The matrices for {@link #gradients(DMatrixRMaj, DMatrixRMaj, Workspace)}, for this network only. */
    public Workspace workspace() {
        return new Workspace(this);
    }

    /** The backward pass from a forward pass already made on the same batch. */
    public Gradients backward(ForwardPass pass, DMatrixRMaj Y) {
        if (pass == null) {
            throw new IllegalArgumentException("pass: expected a forward pass, found null");
        }
        if (pass.depth() != layers.size()) {
            throw new IllegalArgumentException("pass: expected a forward pass through " + layers.size()
                    + " layers, found " + pass.depth());
        }
        checkTargets(Y, pass.input().numRows);
        int L = layers.size();
        DMatrixRMaj[] Z = new DMatrixRMaj[L];
        DMatrixRMaj[] A = new DMatrixRMaj[L];
        for (int l = 1; l <= L; l++) {
            Z[l - 1] = pass.Z(l);
            A[l - 1] = pass.A(l);
        }
        DMatrixRMaj X = pass.input();
        Gradients g = backwardFrom(X, 0, X.numRows, Z, A, Y, new Workspace(this));
        g.loss();
        return g;
    }

    /** Z[l] = A[l−1]·W[l] + b[l] and A[l] = g(Z[l]) into the workspace, A[0] = rows of X. */
    private void forwardInto(DMatrixRMaj X, int first, int rows, Workspace ws) {
        ws.uses++;
        layers.get(0).forwardRows(X, first, rows, ws.Z[0], ws.A[0]);
        for (int l = 1; l < layers.size(); l++) {
            layers.get(l).forward(ws.A[l - 1], ws.Z[l], ws.A[l]);
        }
    }

    /** The loss, then δ[L], …, δ[1] and ∂L/∂θ into the workspace; Z[l − 1] and A[l − 1] hold layer l. */
    private Gradients backwardFrom(DMatrixRMaj X, int first, int rows, DMatrixRMaj[] Z,
                                   DMatrixRMaj[] A, DMatrixRMaj Y, Workspace ws) {
        errors(Z, A, Y, ws);
        return weightGradients(X, first, rows, Z, A, Y, ws);
    }

    /** δ[L] = ∂L/∂Z[L], then δ[l−1] for l = L … 2, into the workspace; Z[l − 1], A[l − 1] hold layer l. */
    private void errors(DMatrixRMaj[] Z, DMatrixRMaj[] A, DMatrixRMaj Y, Workspace ws) {
        int L = layers.size();
        // δ[L] = ∂L/∂Z[L]
        objective.outputError(Z[L - 1], A[L - 1], Y, ws.delta[L - 1]);
        for (int l = L; l > 1; l--) {
            // ∂L/∂A[l−1] = δ[l]·W[l]ᵀ
            Products.multTransB(ws.delta[l - 1], layers.get(l - 1).W(), ws.dA[l - 2]);
            // δ[l−1] = g'(Z[l−1]) ⊙ ∂L/∂A[l−1]
            layers.get(l - 2).activation().backward(Z[l - 2], A[l - 2], ws.dA[l - 2],
                    ws.delta[l - 2]);
        }
    }

    /** ∂L/∂W[l] = A[l−1]ᵀ·δ[l] and ∂L/∂b[l] = Σᵢ δ[l]ᵢ from the errors in the workspace. */
    private Gradients weightGradients(DMatrixRMaj X, int first, int rows, DMatrixRMaj[] Z,
                                      DMatrixRMaj[] A, DMatrixRMaj Y, Workspace ws) {
        for (int l = layers.size(); l >= 1; l--) {
            Dense layer = layers.get(l - 1);
            if (l > 1) {
                layer.backward(A[l - 2], ws.delta[l - 1], ws.dW[l - 1], ws.db[l - 1], null);
            } else if (ws.inputTOf == X && rows == X.numRows) {
                // ∂L/∂W[1] = Xᵀ·δ[1] from the kept Xᵀ (one unit: a matrix-vector product)
                layer.weightGradientFromTranspose(ws.inputT, ws.delta[0], ws.dW[0]);
                Rows.sumRows(1.0, ws.delta[0], ws.db[0]);
            } else {
                // A[0] is X, or the block of its rows read in place
                layer.backwardRows(X, first, rows, ws.delta[0], ws.dW[0], ws.db[0], null);
            }
        }
        return inWorkspace(Z, A, Y, ws);
    }

    /** The gradients and errors held by the workspace, with the batch loss computed on request. */
    private Gradients inWorkspace(DMatrixRMaj[] Z, DMatrixRMaj[] A, DMatrixRMaj Y, Workspace ws) {
        DMatrixRMaj ZL = Z[layers.size() - 1];
        DMatrixRMaj AL = A[layers.size() - 1];
        return new Gradients(() -> objective.value(ZL, AL, Y), parameterNames(), ws.gradients(),
                List.of(ws.delta), ws);
    }

    /**
     * The share of examples classified right. With one output, ŷ ≥ 0.5 predicts class 1 and
     * Y holds 0/1 labels; with several, the largest output is the prediction and Y is one-hot
     * (each checked).
     */
    public double accuracy(DMatrixRMaj X, DMatrixRMaj Y) {
        DMatrixRMaj P = predict(X);
        checkTargets(Y, X.numRows);
        int k = P.numCols;
        int right = 0;
        for (int i = 0; i < P.numRows; i++) {
            if (k == 1) {
                double y = Y.data[i];
                if (y != 0 && y != 1) {
                    throw new IllegalArgumentException("Y: expected labels 0 or 1, found " + y + " at row " + i);
                }
                int predicted = P.data[i] >= 0.5 ? 1 : 0;
                right += predicted == (int) y ? 1 : 0;
            } else {
                OutputChecks.oneHotRow(Y, i);
                right += argmax(P, i) == argmax(Y, i) ? 1 : 0;
            }
        }
        return right / (double) P.numRows;
    }

    private static int argmax(DMatrixRMaj M, int row) {
        int k = M.numCols;
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (M.data[row * k + j] > M.data[row * k + best]) {
                best = j;
            }
        }
        return best;
    }

    private void checkInput(DMatrixRMaj X) {
        Checks.nonEmpty("X", X);
        if (X.numCols != inputs()) {
            throw new IllegalArgumentException("X: expected " + inputs() + " columns (one per input"
                    + " feature), found " + Checks.shape(X));
        }
        Checks.finite("X", X);
    }

    private void checkTargets(DMatrixRMaj Y, int rows) {
        Checks.nonEmpty("Y", Y);
        if (Y.numRows != rows || Y.numCols != outputs()) {
            throw new IllegalArgumentException("Y: expected shape " + rows + "x" + outputs()
                    + " (one row per example of X, one column per output), found " + Checks.shape(Y));
        }
        Checks.finite("Y", Y);
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
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-7s %-12s %-10s %-8s %-12s%n", "layer", "activation", "W", "b", "parameters"));
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            s.append(String.format("%-7d %-12s %-10s %-8s %-12d%n", l + 1, d.activation(),
                    d.inputs() + "x" + d.units(), "1x" + d.units(), d.inputs() * d.units() + d.units()));
        }
        s.append("objective: ").append(objective).append('\n');
        s.append("total parameters: ").append(parameterCount());
        return s.toString();
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
