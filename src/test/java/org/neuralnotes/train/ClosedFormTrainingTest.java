package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.Adam;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

/**
 * Linear regression (one identity unit, mean squared error) is a convex quadratic in
 * θ = [W; b]: C(θ) = (1/N)‖X̃θ − y‖² with X̃ = [X 1], so ∇C = Hθ − q with H = (2/N)X̃ᵀX̃ and
 * q = (2/N)X̃ᵀy, the minimum is the least-squares solution θ*, and gradient descent follows
 * θ_s − θ* = (I − αH)^s (θ_0 − θ*) exactly.
 */
class ClosedFormTrainingTest {
    private static final int N = 40;
    private static final int P = 3;

    /** X̃ = [X 1] */
    private static DMatrixRMaj withOnes(DMatrixRMaj X) {
        DMatrixRMaj Xt = new DMatrixRMaj(X.numRows, X.numCols + 1);
        for (int i = 0; i < X.numRows; i++) {
            for (int j = 0; j < X.numCols; j++) {
                Xt.set(i, j, X.get(i, j));
            }
            Xt.set(i, X.numCols, 1.0);
        }
        return Xt;
    }

    /** θ = [W; b] as a column. */
    private static DMatrixRMaj theta(Network net) {
        DMatrixRMaj W = net.parameter("W1").value();
        DMatrixRMaj t = new DMatrixRMaj(W.numRows + 1, 1);
        for (int j = 0; j < W.numRows; j++) {
            t.data[j] = W.data[j];
        }
        t.data[W.numRows] = net.parameter("b1").value().data[0];
        return t;
    }

    /** θ* by EJML's least-squares solver (QR). */
    private static DMatrixRMaj leastSquares(DMatrixRMaj X, DMatrixRMaj Y) {
        DMatrixRMaj solution = new DMatrixRMaj(X.numCols + 1, 1);
        assertTrue(CommonOps_DDRM.solve(withOnes(X), Y, solution));
        return solution;
    }

    @Test
    void gradientDescentFollowsTheClosedFormPathOfAQuadratic() {
        Rng rng = new Rng(1);
        DMatrixRMaj X = TrainData.inputs(N, P, rng);
        DMatrixRMaj Y = TrainData.linearTargets(X, 0.1, rng);
        Network net = TrainData.linearRegression(P, 2);
        DMatrixRMaj theta0 = theta(net);
        double alpha = 0.2;
        int steps = 60;
        History h = Trainer.builder().optimizer(new GradientDescent(alpha)).maxIterations(steps)
                .build().fit(net, X, Y, null);

        DMatrixRMaj Xt = withOnes(X);
        DMatrixRMaj H = new DMatrixRMaj(P + 1, P + 1);
        // H = (2/N) X̃ᵀX̃
        CommonOps_DDRM.multTransA(2.0 / N, Xt, Xt, H);
        // M = I − αH
        DMatrixRMaj M = CommonOps_DDRM.identity(P + 1);
        CommonOps_DDRM.addEquals(M, -alpha, H);
        DMatrixRMaj star = leastSquares(X, Y);
        // e_0 = θ_0 − θ*
        DMatrixRMaj e = new DMatrixRMaj(P + 1, 1);
        CommonOps_DDRM.subtract(theta0, star, e);

        int[] recorded = h.steps();
        assertEquals(steps + 1, recorded.length);
        double[][] paths = new double[P + 1][];
        for (int j = 0; j < P; j++) {
            paths[j] = h.path("W1", j, 0);
        }
        paths[P] = h.path("b1", 0, 0);
        DMatrixRMaj next = new DMatrixRMaj(P + 1, 1);
        DMatrixRMaj residual = new DMatrixRMaj(N, 1);
        DMatrixRMaj thetaS = new DMatrixRMaj(P + 1, 1);
        for (int s = 0; s <= steps; s++) {
            assertEquals(s, recorded[s]);
            // θ_s = θ* + (I − αH)^s e_0
            CommonOps_DDRM.add(star, e, thetaS);
            for (int j = 0; j <= P; j++) {
                assertEquals(thetaS.data[j], paths[j][s], 1e-12, "θ_" + j + " at step " + s);
            }
            // C(θ_s) = (1/N)‖X̃θ_s − y‖²
            CommonOps_DDRM.mult(Xt, thetaS, residual);
            CommonOps_DDRM.subtractEquals(residual, Y);
            double C = CommonOps_DDRM.dot(residual, residual) / N;
            assertEquals(C, h.losses()[s], 1e-12 * C, "C at step " + s);
            CommonOps_DDRM.mult(M, e, next);
            e.setTo(next);
        }
    }

    @Test
    void fullBatchGradientDescentReachesTheLeastSquaresSolution() {
        Rng rng = new Rng(3);
        DMatrixRMaj X = TrainData.inputs(N, P, rng);
        DMatrixRMaj Y = TrainData.linearTargets(X, 0.5, rng);
        Network net = TrainData.linearRegression(P, 4);
        History h = Trainer.builder().optimizer(new GradientDescent(0.3)).maxIterations(3000)
                .recordEvery(100).build().fit(net, X, Y, null);
        DMatrixRMaj star = leastSquares(X, Y);
        DMatrixRMaj found = theta(net);
        for (int j = 0; j <= P; j++) {
            assertEquals(star.data[j], found.data[j], 1e-10, "θ_" + j);
        }
        // the loss at the end is the least-squares residual, which no other θ beats
        DMatrixRMaj residual = new DMatrixRMaj(N, 1);
        CommonOps_DDRM.mult(withOnes(X), star, residual);
        CommonOps_DDRM.subtractEquals(residual, Y);
        assertEquals(CommonOps_DDRM.dot(residual, residual) / N, h.finalLoss(), 1e-12);
    }

    @Test
    void miniBatchAdamFindsAnExactLinearRule() {
        // without noise every batch gradient vanishes at β, so stochastic steps settle there too
        Rng rng = new Rng(5);
        DMatrixRMaj X = TrainData.inputs(N, P, rng);
        DMatrixRMaj Y = TrainData.linearTargets(X, 0.0, rng);
        Network net = TrainData.linearRegression(P, 6);
        History h = Trainer.builder().optimizer(new Adam(0.01)).batching(Batching.miniBatch(7))
                .maxEpochs(800).recordEvery(50).build().fit(net, X, Y, new Rng(7));
        DMatrixRMaj found = theta(net);
        double[] expected = {1.0, -2.0, 0.5, 0.3};
        for (int j = 0; j <= P; j++) {
            assertEquals(expected[j], found.data[j], 1e-6, "θ_" + j);
        }
        assertTrue(h.finalLoss() < 1e-12, "final loss " + h.finalLoss());
        assertEquals(800 * 6, h.iterations());
    }

    @Test
    void sgdUniformStepIsAGradientStepOnTheDrawnExample() {
        Rng rng = new Rng(8);
        DMatrixRMaj X = TrainData.inputs(10, 2, rng);
        DMatrixRMaj Y = TrainData.linearTargets(X, 0.1, rng);
        Network net = TrainData.linearRegression(2, 9);
        Network manual = net.copy();
        Trainer.builder().optimizer(new GradientDescent(0.1)).batching(Batching.sgdUniform())
                .maxIterations(3).build().fit(net, X, Y, new Rng(10));
        // replay: i ~ U{0..9}; θ ← θ − 0.1·∇C(θ; x_i, y_i), with the network's own gradient
        Rng replay = new Rng(10);
        GradientDescent gd = new GradientDescent(0.1);
        for (int s = 0; s < 3; s++) {
            int i = replay.nextInt(10);
            DMatrixRMaj xi = CommonOps_DDRM.extract(X, i, i + 1, 0, 2);
            DMatrixRMaj yi = CommonOps_DDRM.extract(Y, i, i + 1, 0, 1);
            gd.step(manual.parameterValues(), manual.gradients(xi, yi).list());
        }
        List<DMatrixRMaj> a = net.parameterValues();
        List<DMatrixRMaj> b = manual.parameterValues();
        for (int k = 0; k < a.size(); k++) {
            for (int e = 0; e < a.get(k).getNumElements(); e++) {
                assertEquals(b.get(k).data[e], a.get(k).data[e], 0.0);
            }
        }
    }
}
