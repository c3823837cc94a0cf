package org.neuralnotes.models;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.data.Dataset;
import org.neuralnotes.data.Datasets;
import org.neuralnotes.data.Split;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

/**
 * Note 003's worked setting on the shipped digits: the images with every pixel count divided by
 * 16 (so inputs lie in [0, 1]), one fifth of each class held out, and the note's network — 64
 * inputs, a hidden layer of 32 ReLU units, a softmax output over the ten digits — started as the
 * note does, every weight and bias drawn as rand − ½ = U(−½, ½).
 *
 * <pre>{@code
 * Split.TrainTest data = Note003Digits.split(new Rng(SEED + 1));
 * Network net = Note003Digits.network(Losses.halfMeanSquaredError(), new Rng(SEED + 2));
 * }</pre>
 */
public final class Note003Digits {
    private Note003Digits() {}

    /** Inputs, hidden units and classes of the note's network. */
    public static final int INPUTS = 64;
    public static final int HIDDEN = 32;
    public static final int CLASSES = 10;

    /**
     * The scaled digits split by class: round(0.2·n_k) images of each class k for testing
     * (1438 training and 359 test images), drawn from {@code rng} as {@link Split#stratified} does.
     */
    public static Split.TrainTest split(Rng rng) {
        Dataset digits = Datasets.digits();
        DMatrixRMaj X = digits.X().copy();
        // pixel counts 0..16 → [0, 1]
        CommonOps_DDRM.scale(1.0 / 16, X);
        return Split.stratified(X, digits.oneHot(), digits.y(), 0.2, rng);
    }

    /** The note's layers, 64 → 32 ReLU → 10 softmax, ready for a loss and an initializer. */
    public static Network.Builder layers() {
        return Network.builder(INPUTS)
                .dense(HIDDEN, Activations.relu())
                .dense(CLASSES, Activations.softmax());
    }

    /** The note's network with this loss, every W and b drawn as U(−½, ½) (eqs. 26–27). */
    public static Network network(Loss loss, Rng rng) {
        return network(loss, Objective.SoftmaxGradient.EXACT, rng);
    }

    /** As {@link #network(Loss, Rng)}, with the output error of eq. 14, 15 or 16. */
    public static Network network(Loss loss, Objective.SoftmaxGradient rule, Rng rng) {
        return layers().loss(loss).softmaxGradient(rule)
                .build(Initializers.uniform(-0.5, 0.5), Initializers.uniform(-0.5, 0.5), rng);
    }
}
