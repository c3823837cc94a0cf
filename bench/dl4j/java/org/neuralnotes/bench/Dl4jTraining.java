package org.neuralnotes.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ejml.data.DMatrixRMaj;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.neuralnotes.random.Rng;

/**
 * W1, W2 and W3 in Deeplearning4j, as its users write them: a {@link MultiLayerNetwork}
 * (W1: one sigmoid output unit with binary cross-entropy, XENT; W2, W3: ReLU dense layers and
 * a softmax output with cross-entropy, MCXENT), plain SGD at the suite's rate, one
 * {@code fit(DataSet)} per step on the whole set (W1, W2) or on batches of 128 rows in order
 * (W3). Deeplearning4j averages the loss over the batch, so its step is the other workers'
 * θ ← θ − α·(1/B)·Σ ∂L/∂θ. Same draws as the other workers ({@link Data}); the weights are set
 * to them (Deeplearning4j's W is inputs×units, as the library's), the biases are zero.
 */
final class Dl4jTraining implements Workload {
    private final long seed;
    private final int[] sizes;
    private final boolean logistic;
    private final int examples;
    private final int batch;
    private final int epochs;
    private final double rate;

    private DataSet all;
    private List<DataSet> batches;
    private List<DMatrixRMaj> initial;
    private MultiLayerNetwork network;

    private Dl4jTraining(long seed, int[] sizes, boolean logistic, int examples, int batch,
                         int epochs, double rate) {
        this.seed = seed;
        this.sizes = sizes;
        this.logistic = logistic;
        this.examples = examples;
        this.batch = batch;
        this.epochs = epochs;
        this.rate = rate;
    }

    /** W1: m inputs, one sigmoid unit, binary cross-entropy, full batch; w = 0. */
    static Dl4jTraining logistic(long seed, int n, int m, int iterations, double rate) {
        return new Dl4jTraining(seed, new int[] {m, 1}, true, n, n, iterations, rate);
    }

    /** W2, W3: ReLU hidden layers, softmax output, cross-entropy; Xavier-uniform start. */
    static Dl4jTraining mlp(long seed, int[] sizes, int examples, int batch, int epochs,
                            double rate) {
        return new Dl4jTraining(seed, sizes, false, examples, batch, epochs, rate);
    }

    @Override
    public long setup() {
        Rng rng = new Rng(seed);
        DMatrixRMaj[] drawn = logistic ? Data.logistic(rng, examples, sizes[0])
                : Data.mlp(rng, sizes, examples);
        long hash = Data.hash(drawn);
        all = new DataSet(matrix(drawn[0]), matrix(drawn[1]));
        initial = List.of(drawn).subList(2, drawn.length);
        batches = new ArrayList<>();
        if (batch >= examples) {
            batches.add(all);
        } else {
            for (int i = 0; i < examples; i += batch) {
                // rows i … i + B − 1, in the data's order
                int end = Math.min(i + batch, examples);
                INDArray x = all.getFeatures().get(NDArrayIndex.interval(i, end), NDArrayIndex.all());
                INDArray y = all.getLabels().get(NDArrayIndex.interval(i, end), NDArrayIndex.all());
                batches.add(new DataSet(x.dup(), y.dup()));
            }
        }
        return hash;
    }

    /** An ND4J matrix (row-major, double) holding the same numbers. */
    private static INDArray matrix(DMatrixRMaj M) {
        return Nd4j.createFromArray(M.data.clone()).reshape('c', M.numRows, M.numCols);
    }

    @Override
    public int iterations() {
        return epochs;
    }

    @Override
    public double flopsPerIteration() {
        double perExample = 0;
        for (int l = 1; l < sizes.length; l++) {
            // forward Z = A·W, gradient dW = Aᵀ·dZ, and dA = dZ·Wᵀ below the first layer
            perExample += 2.0 * sizes[l - 1] * sizes[l] * (l > 1 ? 3 : 2);
        }
        return perExample * examples;
    }

    @Override
    public void reset() {
        int layers = sizes.length - 1;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(rate))
                .list();
        for (int l = 1; l < layers; l++) {
            list.layer(new DenseLayer.Builder().nIn(sizes[l - 1]).nOut(sizes[l])
                    .activation(Activation.RELU).build());
        }
        list.layer(new OutputLayer.Builder(logistic ? LossFunction.XENT : LossFunction.MCXENT)
                .nIn(sizes[layers - 1]).nOut(sizes[layers])
                .activation(logistic ? Activation.SIGMOID : Activation.SOFTMAX).build());
        network = new MultiLayerNetwork(list.build());
        network.init();
        for (int l = 0; l < layers; l++) {
            // the drawn start: W as drawn, b = 0
            network.setParam(l + "_W", matrix(initial.get(l)));
            network.setParam(l + "_b", Nd4j.zeros(DataType.DOUBLE, 1, sizes[l + 1]));
        }
    }

    @Override
    public void run() {
        for (int e = 0; e < epochs; e++) {
            for (DataSet b : batches) {
                network.fit(b);
            }
        }
    }

    @Override
    public double result() {
        // the loss over the whole set after training, from the output layer's z (W1) or the
        // softmax probabilities (W2, W3), written out so no clipping of the loss enters it
        int n = examples;
        double sum = 0;
        if (logistic) {
            INDArray z = all.getFeatures().mmul(network.getParam("0_W"))
                    .addRowVector(network.getParam("0_b"));
            for (int i = 0; i < n; i++) {
                double zi = z.getDouble(i, 0);
                double yi = all.getLabels().getDouble(i, 0);
                // L = max(z, 0) − y·z + ln(1 + e^−|z|)
                sum += Math.max(zi, 0) - yi * zi + Math.log1p(Math.exp(-Math.abs(zi)));
            }
        } else {
            double[][] p = network.output(all.getFeatures()).toDoubleMatrix();
            double[][] y = all.getLabels().toDoubleMatrix();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p[i].length; k++) {
                    // L = −Σ_k y_k ln p_k
                    sum -= y[i][k] == 0 ? 0 : y[i][k] * Math.log(p[i][k]);
                }
            }
        }
        return sum / n;
    }
}
