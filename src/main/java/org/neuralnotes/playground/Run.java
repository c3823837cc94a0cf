package org.neuralnotes.playground;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.data.Dataset;
import org.neuralnotes.data.Split;
import org.neuralnotes.data.TwoD;
import org.neuralnotes.init.Initializer;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.ForwardPass;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Adam;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.optim.Momentum;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.optim.RMSProp;
import org.neuralnotes.random.Rng;
import org.neuralnotes.train.Batch;
import org.neuralnotes.train.Batching;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One training run of the playground: the data and the network a {@link Setting} describes, trained
 * one mini-batch at a time. Not thread-safe: {@link Playground} calls it under its lock.
 *
 * <p>From the setting's seed, in this order: the points, the train/test split, the initial
 * weights, the batches. So a setting and a number of steps decide the network bit for bit.
 */
final class Run {
    private Setting setting;
    private final DMatrixRMaj xTrain;
    private final DMatrixRMaj yTrain;
    private final DMatrixRMaj xTest;
    private final DMatrixRMaj yTest;
    private final Network network;
    private final Rng batchRng;
    private Optimizer optimizer;
    private Batching.Sampler sampler;
    private int step;
    private String diverged;
    private final IntColumn steps = IntColumn.create("step");
    private final DoubleColumn trainLoss = DoubleColumn.create("loss");
    private final DoubleColumn testLoss = DoubleColumn.create("loss");

    Run(Setting s) {
        this.setting = s;
        Rng rng = new Rng(s.seed());
        Dataset data = TwoD.byName(s.dataset(), Setting.POINTS, s.noise(), rng.split());
        // Y is N×1: the label itself, the target of one sigmoid output unit
        DMatrixRMaj y = new DMatrixRMaj(data.n(), 1);
        for (int i = 0; i < data.n(); i++) {
            y.set(i, 0, data.y()[i]);
        }
        Split.TrainTest split = Split.trainTest(data.X(), y, s.testFraction(), rng.split());
        xTrain = split.Xtrain();
        yTrain = split.Ytrain();
        xTest = split.Xtest();
        yTest = split.Ytest();
        Network.Builder b = Network.builder(2);
        for (int units : s.hidden()) {
            b.dense(units, activation(s.activation()));
        }
        network = b.dense(1, Activations.sigmoid()).loss(Losses.binaryCrossEntropy()).build(init(s.init()), rng.split());
        batchRng = rng.split();
        useRule(s);
        record();
    }

    /** Takes a new learning rate, optimizer or batch size: a fresh optimizer, the weights kept. */
    void useRule(Setting s) {
        if (setting.needsReset(s)) {
            throw new IllegalArgumentException("s: expected the same data and network as " + setting + ", found " + s);
        }
        optimizer = optimizer(s.optimizer(), s.learningRate());
        if (sampler == null || s.batchSize() != setting.batchSize()) {
            sampler = Batching.miniBatch(Math.min(s.batchSize(), xTrain.numRows)).sampler(xTrain.numRows, batchRng);
        }
        setting = s;
    }

    /** One mini-batch step; false (and nothing changed) once the training has diverged. */
    boolean step() {
        if (diverged != null) {
            return false;
        }
        // the batch: its rows of X and Y
        Batch batch = sampler.next();
        DMatrixRMaj xb = batch.rows(xTrain);
        DMatrixRMaj yb = batch.rows(yTrain);
        // forward, loss, backward
        ForwardPass pass = network.forward(xb);
        double loss = network.loss(pass, yb);
        Gradients g = network.backward(pass, yb);
        if (!Double.isFinite(loss) || !g.allFinite()) {
            diverged = "stopped at step " + (step + 1) + ": " + (Double.isFinite(loss)
                    ? "the gradient of " + g.firstNonFinite() : "the loss became " + loss);
            return false;
        }
        // θ ← θ − (the optimizer's update), for W1, b1, W2, b2, …
        optimizer.step(network.parameterValues(), g.list());
        step++;
        return true;
    }

    /** Appends the loss of the whole training set and of the test set at this step. */
    void record() {
        if (steps.size() > 0 && steps.getInt(steps.size() - 1) == step) {
            return;
        }
        double train = network.loss(xTrain, yTrain);
        double test = network.loss(xTest, yTest);
        if (!Double.isFinite(train) || !Double.isFinite(test)) {
            diverged = "stopped at step " + step + ": the loss is no longer finite";
            return;
        }
        steps.append(step);
        trainLoss.append(train);
        testLoss.append(test);
    }

    Setting setting() {
        return setting;
    }

    int steps() {
        return step;
    }

    /** Why training stopped by itself, or null. */
    String diverged() {
        return diverged;
    }

    Network network() {
        return network;
    }

    DMatrixRMaj xTrain() {
        return xTrain;
    }

    DMatrixRMaj yTrain() {
        return yTrain;
    }

    DMatrixRMaj xTest() {
        return xTest;
    }

    DMatrixRMaj yTest() {
        return yTest;
    }

    double lastTrainLoss() {
        return trainLoss.get(trainLoss.size() - 1);
    }

    double lastTestLoss() {
        return testLoss.get(testLoss.size() - 1);
    }

    /** (step, loss) of the training set, and of the test set, as LossCurves reads them. */
    List<Table> lossTables() {
        return List.of(Table.create("train", steps.copy(), trainLoss.copy()),
                Table.create("test", steps.copy(), testLoss.copy()));
    }

    static Activation activation(String name) {
        return name.equals("leaky_relu") ? Activations.leakyRelu(0.01) : Activations.byName(name);
    }

    static Initializer init(String name) {
        switch (name) {
            case "xavier": return Initializers.xavierUniform();
            case "he": return Initializers.heNormal();
            default: return Initializers.zeros();
        }
    }

    static Optimizer optimizer(String name, double alpha) {
        switch (name) {
            case "GD": return new GradientDescent(alpha);
            case "Momentum": return new Momentum(alpha);
            case "RMSProp": return new RMSProp(alpha);
            default: return new Adam(alpha);
        }
    }
}
