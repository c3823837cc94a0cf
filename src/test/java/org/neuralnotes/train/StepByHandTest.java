package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralnotes.nn.ForwardPass;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Adam;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.optim.Optimizer;
import org.neuralnotes.random.Rng;

/**
 * The trainer's step is the public calls a reader makes by hand: the batch, forward, loss,
 * backward, the optimizer's step. A run ends where the loop of those calls ends, bit for bit;
 * and one step of gradient descent is θ − α·(the central-difference gradient), to its error.
 */
class StepByHandTest {

    @ParameterizedTest
    @ValueSource(strings = {"inOrder", "miniBatch", "fullBatch", "sgdUniform"})
    void aRunEndsWhereTheLoopOfPublicCallsEnds(String kind) {
        Rng data = new Rng(21);
        DMatrixRMaj X = TrainData.inputs(90, 2, data);
        DMatrixRMaj Y = TrainData.labels(X, data);
        Batching batching = kind.equals("inOrder") ? Batching.inOrder(16)
                : kind.equals("miniBatch") ? Batching.miniBatch(16)
                : kind.equals("sgdUniform") ? Batching.sgdUniform() : Batching.fullBatch();
        for (Optimizer rule : List.<Optimizer>of(new GradientDescent(0.4), new Adam(0.01))) {
            Network trained = TrainData.classifier(3);
            Network manual = trained.copy();
            Trainer trainer = Trainer.builder().optimizer(rule).batching(batching)
                    .maxEpochs(2).keepHistory(false).build();
            History h = trainer.fit(trained, X, Y, new Rng(8));

            // the same batches, drawn from a generator in the same state
            Batching.Sampler sampler = batching.sampler(90, new Rng(8));
            Optimizer optimizer = rule.fresh();
            double loss = Double.NaN;
            for (int step = 0; step < 2 * batching.stepsPerEpoch(90); step++) {
                Batch batch = sampler.next();
                DMatrixRMaj Xb = batch.rows(X);
                DMatrixRMaj Yb = batch.rows(Y);
                ForwardPass pass = manual.forward(Xb);
                loss = manual.loss(pass, Yb);
                Gradients g = manual.backward(pass, Yb);
                optimizer.step(manual.parameterValues(), g.list());
            }
            List<DMatrixRMaj> a = manual.parameterValues();
            List<DMatrixRMaj> b = trained.parameterValues();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).data, b.get(i).data, 0.0, kind + " " + rule + " " + i);
            }
            assertEquals(loss, h.lastBatchLoss(), 0.0);
        }
    }

    @Test
    void oneStepOfGradientDescentIsThetaMinusAlphaTimesTheNumericalGradient() {
        Rng data = new Rng(33);
        DMatrixRMaj X = TrainData.inputs(25, 2, data);
        DMatrixRMaj Y = TrainData.labels(X, data);
        Network net = TrainData.classifier(4);
        Network start = net.copy();
        double alpha = 0.3;
        Trainer.builder().optimizer(new GradientDescent(alpha)).maxIterations(1).keepHistory(false).build()
                .fit(net, X, Y, null);
        List<DMatrixRMaj> before = start.parameterValues();
        List<DMatrixRMaj> after = net.parameterValues();
        double h = 1e-5;
        for (int i = 0; i < before.size(); i++) {
            DMatrixRMaj theta = before.get(i);
            for (int k = 0; k < theta.getNumElements(); k++) {
                double keep = theta.data[k];
                // ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h
                theta.data[k] = keep + h;
                double up = start.loss(X, Y);
                theta.data[k] = keep - h;
                double down = start.loss(X, Y);
                theta.data[k] = keep;
                double numeric = (up - down) / (2 * h);
                // θ ← θ − α·∂L/∂θ
                double expected = keep - alpha * numeric;
                assertEquals(expected, after.get(i).data[k], 1e-9 * (1 + Math.abs(alpha * numeric)),
                        start.parameterNames().get(i) + " entry " + k);
            }
        }
    }
}
