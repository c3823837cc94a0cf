package org.neuralnotes.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;
import static org.neuralnotes.Fixtures.uniform;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.check.GradientCheck;
import org.neuralnotes.check.GradientCheckReport;
import org.neuralnotes.random.Rng;

class LossTest {

    static List<Loss> squared() {
        return List.of(Losses.sumOfSquares(), Losses.halfSumOfSquares(), Losses.meanSquaredError(),
                Losses.halfMeanSquaredError(), Losses.l2());
    }

    @ParameterizedTest
    @MethodSource("squared")
    void squaredGradientsMatchFiniteDifferences(Loss loss) {
        Rng rng = new Rng(5);
        DMatrixRMaj Yhat = uniform(6, 3, -2, 2, rng);
        DMatrixRMaj Y = uniform(6, 3, -2, 2, rng);
        GradientCheckReport.Row row = GradientCheck.function(loss.name(), p -> loss.value(p, Y), Yhat,
                loss.gradient(Yhat, Y));
        assertTrue(row.relativeError() < 1e-7, loss + ": " + row.relativeError());
    }

    @Test
    void crossEntropyGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(6);
        DMatrixRMaj P = uniform(6, 1, 0.05, 0.95, rng);
        DMatrixRMaj y = Fixtures.binary(6, rng);
        Loss bce = Losses.binaryCrossEntropy();
        assertTrue(GradientCheck.function("bce", p -> bce.value(p, y), P, bce.gradient(P, y))
                .relativeError() < 1e-7);
        DMatrixRMaj Q = Activations.softmax().forward(uniform(6, 4, -2, 2, rng));
        DMatrixRMaj Y = Fixtures.oneHot(6, 4, rng);
        Loss cce = Losses.categoricalCrossEntropy();
        assertTrue(GradientCheck.function("cce", q -> cce.value(q, Y), Q, cce.gradient(Q, Y))
                .relativeError() < 1e-7);
    }

    /** One batch of N = 2 examples, K = 2 outputs, residuals (1, 2) and (3, −1): Σr² = 15. */
    @Test
    void normalizationsOfTheNotes() {
        DMatrixRMaj Yhat = new DMatrixRMaj(new double[][] {{1, 2}, {3, -1}});
        DMatrixRMaj Y = new DMatrixRMaj(2, 2);
        assertEquals(15.0, Losses.sumOfSquares().value(Yhat, Y), 0);
        assertEquals(7.5, Losses.halfSumOfSquares().value(Yhat, Y), 0);
        assertEquals(15.0 / 4, Losses.meanSquaredError().value(Yhat, Y), 0);
        assertEquals(15.0 / 4, Losses.halfMeanSquaredError().value(Yhat, Y), 0);
        assertEquals(7.5, Losses.l2().value(Yhat, Y), 0);
        // note 004: ∂ℓ2/∂ŷ = (2/N)(ŷ − y)
        assertEquals(2.0 / 2 * 3, Losses.l2().gradient(Yhat, Y).get(1, 0), 0);
    }

    @Test
    void crossEntropyKnownValues() {
        DMatrixRMaj p = new DMatrixRMaj(new double[][] {{0.8}, {0.4}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1}, {0}});
        assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2, Losses.binaryCrossEntropy().value(p, y), 1e-16);
        DMatrixRMaj q = new DMatrixRMaj(new double[][] {{0.7, 0.2, 0.1}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0, 1, 0}});
        assertEquals(-Math.log(0.2), Losses.categoricalCrossEntropy().value(q, t), 1e-16);
    }

    @Test
    void refusesBadArguments() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        refuses(() -> Losses.meanSquaredError().value(a, new DMatrixRMaj(3, 2)), "Y", "2x3", "3x2");
        refuses(() -> Losses.binaryCrossEntropy().value(new DMatrixRMaj(new double[][] {{0.5}}),
                new DMatrixRMaj(new double[][] {{2}})), "Y", "[0, 1]", "2.0");
        refuses(() -> Losses.binaryCrossEntropy().value(new DMatrixRMaj(new double[][] {{1.5}}),
                new DMatrixRMaj(new double[][] {{1}})), "Yhat", "(0, 1)", "1.5");
        refuses(() -> Losses.categoricalCrossEntropy().value(new DMatrixRMaj(new double[][] {{0.5, 0.5}}),
                new DMatrixRMaj(new double[][] {{1, 1}})), "Y", "summing to 1");
        refuses(() -> Losses.byName("hinge"), "name", "hinge");
    }

    @ParameterizedTest
    @MethodSource("squared")
    void namesRoundTrip(Loss loss) {
        assertEquals(loss.name(), Losses.byName(loss.name()).name());
    }
}
