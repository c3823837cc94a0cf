package org.neuralnotes.bench;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;
import org.neuralnotes.train.Batching;
import org.neuralnotes.train.Trainer;

/**
 * W1, W2 and W3 as a user of the library writes them, through its public API only: a
 * {@link Network} from {@code Network.builder} trained by the {@link Trainer} with plain
 * gradient descent, batches in the data's order. W1 records the loss every 100 iterations, as
 * notebook 01 and note 001's listing record the cost; W2 and W3 keep no history (the records
 * would add passes over the whole set that the numpy loops do not make).
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

        /** Record the loss every this many steps, or 0 for no history. */
        int recordEvery();
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
                return Data.logistic(rng, n, m);
            }

            @Override
            public Network network(List<DMatrixRMaj> weights) {
                return start(Network.builder(m).dense(1, Activations.sigmoid())
                        .loss(Losses.binaryCrossEntropy()), weights);
            }

            @Override
            public double flopsPerExample() {
                // z = X·w and dw = Xᵀ·dz
                return 4.0 * m;
            }

            @Override
            public int recordEvery() {
                // as notebook 01 records the cost (and without the weights)
                return 100;
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
                return Data.mlp(rng, sizes, examples);
            }

            @Override
            public Network network(List<DMatrixRMaj> weights) {
                Network.Builder builder = Network.builder(sizes[0]);
                for (int l = 1; l <= layers; l++) {
                    builder.dense(sizes[l], l < layers ? Activations.relu() : Activations.softmax());
                }
                return start(builder.loss(Losses.categoricalCrossEntropy()), weights);
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

            @Override
            public int recordEvery() {
                return 0;
            }
        };
        return new Training(seed, shape, batch, epochs, rate);
    }

    /** The network as notebooks build it, then its W1, W2, … set to the drawn start (b = 0). */
    private static Network start(Network.Builder builder, List<DMatrixRMaj> weights) {
        Network network = builder.build(Initializers.zeros(), new Rng(0));
        for (int l = 1; l <= weights.size(); l++) {
            network.parameter("W" + l).value().setTo(weights.get(l - 1));
        }
        return network;
    }

    @Override
    public long setup() {
        DMatrixRMaj[] drawn = shape.draw(new Rng(seed));
        X = drawn[0];
        Y = drawn[1];
        initial = List.of(drawn).subList(2, drawn.length);
        // full batch: the number of steps is the number of iterations; otherwise epochs
        Trainer.Builder settings = Trainer.builder().optimizer(new GradientDescent(rate))
                .batching(batch >= X.numRows ? Batching.fullBatch() : Batching.inOrder(batch));
        settings = shape.recordEvery() > 0
                ? settings.recordEvery(shape.recordEvery()).recordWeights(false)
                : settings.keepHistory(false);
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

    /** The data, the network as the last {@link #reset()} left it, and the trainer ({@link Phases}). */
    DMatrixRMaj X() {
        return X;
    }

    DMatrixRMaj Y() {
        return Y;
    }

    Network network() {
        return network;
    }

    Trainer trainer() {
        return trainer;
    }

    @Override
    public double result() {
        // the loss over the whole set after training
        return network.loss(X, Y);
    }
}
