package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

/**
 * With plain gradient descent the trainer makes each weight update inside its gradient product
 * (Network.descend); the run must end where the textbook loop ends: the gradients of every batch,
 * then θ ← θ − α∇θ, for every kind of batch (in order and read in place, gathered, all rows).
 */
class InPlaceDescentTest {

    @ParameterizedTest
    @ValueSource(strings = {"inOrder", "miniBatch", "fullBatch"})
    void aRunEndsWhereTheGradientsThenTheStepEnd(String kind) {
        Rng data = new Rng(21);
        DMatrixRMaj X = TrainData.inputs(90, 2, data);
        DMatrixRMaj Y = TrainData.labels(X, data);
        Batching batching = kind.equals("inOrder") ? Batching.inOrder(16)
                : kind.equals("miniBatch") ? Batching.miniBatch(16) : Batching.fullBatch();
        Network trained = TrainData.classifier(3);
        Network manual = trained.copy();
        Trainer trainer = Trainer.builder().optimizer(new GradientDescent(0.4)).batching(batching)
                .maxEpochs(4).keepHistory(false).build();
        History h = trainer.fit(trained, X, Y, new Rng(8));

        // the same batches, drawn from a generator in the same state
        Batching.Sampler sampler = batching.sampler(90, new Rng(8));
        GradientDescent gd = new GradientDescent(0.4);
        double lastLoss = Double.NaN;
        for (int step = 0; step < 4 * batching.stepsPerEpoch(90); step++) {
            int[] rows = sampler.next();
            int size = sampler.size();
            DMatrixRMaj Xb = rows == null ? X : pick(X, rows, size);
            DMatrixRMaj Yb = rows == null ? Y : pick(Y, rows, size);
            Gradients g = manual.gradients(Xb, Yb);
            lastLoss = g.loss();
            gd.step(manual.parameterValues(), g.list());
        }
        List<DMatrixRMaj> a = manual.parameterValues();
        List<DMatrixRMaj> b = trained.parameterValues();
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < a.get(i).data.length; k++) {
                // to rounding: the products add in another order
                assertEquals(a.get(i).data[k], b.get(i).data[k], 1e-12, kind + " " + i + "/" + k);
            }
        }
        assertEquals(lastLoss, h.lastBatchLoss(), 1e-12);
    }

    private static DMatrixRMaj pick(DMatrixRMaj M, int[] rows, int size) {
        DMatrixRMaj out = new DMatrixRMaj(size, M.numCols);
        for (int i = 0; i < size; i++) {
            System.arraycopy(M.data, rows[i] * M.numCols, out.data, i * M.numCols, M.numCols);
        }
        return out;
    }
}
