package org.neuralnotes.bench;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Dense;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;
import org.neuralnotes.train.Batching;
import org.neuralnotes.train.Trainer;

/**
 * W1, W2 and W3 as a user of the library writes them: a {@link Network} trained by the
 * {@link Trainer} with plain gradient descent, batches in the data's order, no history (the
 * records would add passes over the whole set that the numpy loop does not make).
 */
final class Training implements Workload {
    private final long seed;
    private final Shape shape;
    private final int batch;
    private final int epochs;
    private final double rate;

    private DMatrixRMaj X;
    private DMatrixRMaj Y;
    private List<DMatrixRMaj> initial;
    private Network network;
    private Trainer trainer;

    /** What the data and the network look like. */
    interface Shape {
        /** X, Y and the initial weights, drawn from rng in the order numpy draws them. */
        DMatrixRMaj[] draw(Rng rng);

        /** The layers' activations, first to last, and the loss. */
        Network network(List<DMatrixRMaj> weights);

        double flopsPerExample();
    }

    private Training(long seed, Shape shape, int batch, int epochs, double rate) {
        this.seed = seed;
        this.shape = shape;
        this.batch = batch;
        this.epochs = epochs;
        this.rate = rate;
    }

    /**
     * W1: logistic regression, one sigmoid unit with binary cross-entropy, full batch.
     * Data: per row one draw u (y = 1 if u < ½) then m draws x = U(−1, 1) ± 0.05 (+ if y = 1);
     * w = 0, b = 0.
     */
    static Training logistic(long seed, int n, int m, int iterations, double rate) {
        Shape shape = new Shape() {
            @Override
            public DMatrixRMaj[] draw(Rng rng) {
                DMatrixRMaj X = new DMatrixRMaj(n, m);
                DMatrixRMaj y = new DMatrixRMaj(n, 1);
                for (int i = 0; i < n; i++) {
                    y.data[i] = rng.nextDouble() < 0.5 ? 1.0 : 0.0;
                    double shift = y.data[i] == 1.0 ? 0.05 : -0.05;
                    for (int j = 0; j < m; j++) {
                        X.data[i * m + j] = rng.uniform(-1, 1) + shift;
                    }
                }
                return new DMatrixRMaj[] {X, y, new DMatrixRMaj(m, 1)};
            }

            @Override
            public Network network(List<DMatrixRMaj> weights) {
                Activation sigmoid = Activations.sigmoid();
                Dense unit = new Dense(weights.get(0).copy(), new DMatrixRMaj(1, 1), sigmoid);
                return new Network(List.of(unit), Objective.of(sigmoid, Losses.binaryCrossEntropy()));
            }

            @Override
            public double flopsPerExample() {
                // z = X·w and dw = Xᵀ·dz
                return 4.0 * m;
            }
        };
        return new Training(seed, shape, n, iterations, rate);
    }

    /**
     * W2, W3: ReLU hidden layers, a softmax output and cross-entropy.
     * Data: X = U(0, 1) row by row (N×p), then N labels nextInt(K), then W1, W2, … Xavier
     * uniform; all b zero.
     */
    static Training mlp(long seed, int[] sizes, int examples, int batch, int epochs, double rate) {
        int layers = sizes.length - 1;
        Shape shape = new Shape() {
            @Override
            public DMatrixRMaj[] draw(Rng rng) {
                DMatrixRMaj[] out = new DMatrixRMaj[layers + 2];
                out[0] = Data.uniform(rng, examples, sizes[0], 0, 1);
                out[1] = Data.oneHot(Data.labels(rng, examples, sizes[layers]), sizes[layers]);
                for (int l = 1; l <= layers; l++) {
                    out[l + 1] = Data.xavier(rng, sizes[l - 1], sizes[l]);
                }
                return out;
            }

            @Override
            public Network network(List<DMatrixRMaj> weights) {
                List<Dense> dense = new ArrayList<>();
                for (int l = 1; l <= layers; l++) {
                    Activation g = l < layers ? Activations.relu() : Activations.softmax();
                    dense.add(new Dense(weights.get(l - 1).copy(), new DMatrixRMaj(1, sizes[l]), g));
                }
                return new Network(dense, Objective.of(Activations.softmax(),
                        Losses.categoricalCrossEntropy()));
            }

            @Override
            public double flopsPerExample() {
                double perExample = 0;
                for (int l = 1; l <= layers; l++) {
                    double product = 2.0 * sizes[l - 1] * sizes[l];
                    // forward Z = A·W, gradient dW = Aᵀ·dZ, and dA = dZ·Wᵀ below the first layer
                    perExample += product * (l > 1 ? 3 : 2);
                }
                return perExample;
            }
        };
        return new Training(seed, shape, batch, epochs, rate);
    }

    @Override
    public long setup() {
        DMatrixRMaj[] drawn = shape.draw(new Rng(seed));
        X = drawn[0];
        Y = drawn[1];
        initial = List.of(drawn).subList(2, drawn.length);
        // full batch: the number of steps is the number of iterations; otherwise epochs
        Trainer.Builder settings = Trainer.builder().optimizer(new GradientDescent(rate))
                .batching(batch >= X.numRows ? Batching.fullBatch() : Batching.inOrder(batch))
                .keepHistory(false);
        trainer = (batch >= X.numRows ? settings.maxIterations(epochs) : settings.maxEpochs(epochs))
                .build();
        return Data.hash(drawn);
    }

    @Override
    public int iterations() {
        return epochs;
    }

    @Override
    public double flopsPerIteration() {
        return shape.flopsPerExample() * X.numRows;
    }

    @Override
    public void reset() {
        network = shape.network(initial);
    }

    @Override
    public void run() {
        trainer.fit(network, X, Y, null);
    }

    @Override
    public double result() {
        // the loss over the whole set after training
        return network.loss(X, Y);
    }
}
