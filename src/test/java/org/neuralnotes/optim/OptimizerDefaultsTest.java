package org.neuralnotes.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Every documented default, read back through the accessors and seen at work in an update
 * computed by hand from the papers' numbers (typed here as literals, not taken from the code).
 */
class OptimizerDefaultsTest {

    private static DMatrixRMaj row(double... values) {
        return new DMatrixRMaj(1, values.length, true, values);
    }

    @Test
    void gradientDescentStepsAlphaTimesGradient() {
        GradientDescent gd = new GradientDescent(0.25);
        assertEquals(0.25, gd.learningRate(), 0.0);
        DMatrixRMaj theta = row(1.0, -2.0);
        gd.step(List.of(theta), List.of(row(4.0, -8.0)));
        // θ ← θ − αg: 1 − 0.25·4 = 0, −2 + 0.25·8 = 0
        assertEquals(0.0, theta.get(0, 0), 0.0);
        assertEquals(0.0, theta.get(0, 1), 0.0);
        assertEquals(1, gd.stepsTaken());
    }

    @Test
    void momentumDefaultBetaIsPointNine() {
        Momentum mo = new Momentum(0.1);
        assertEquals(0.9, mo.beta(), 0.0);
        assertEquals(0.1, mo.learningRate(), 0.0);
        DMatrixRMaj theta = row(0.0);
        mo.step(List.of(theta), List.of(row(1.0)));
        mo.step(List.of(theta), List.of(row(1.0)));
        mo.step(List.of(theta), List.of(row(1.0)));
        // v = 1, 1.9, 2.71; θ = −0.1·(1 + 1.9 + 2.71)
        assertEquals(-0.1 * (1.0 + 1.9 + 2.71), theta.get(0, 0), 1e-15);
    }

    @Test
    void momentumWithBetaZeroIsGradientDescent() {
        Momentum mo = new Momentum(0.1, 0.0);
        GradientDescent gd = new GradientDescent(0.1);
        DMatrixRMaj a = row(0.5, 0.25);
        DMatrixRMaj b = row(0.5, 0.25);
        for (int t = 0; t < 3; t++) {
            DMatrixRMaj g = row(t + 1.0, -t);
            mo.step(List.of(a), List.of(g));
            gd.step(List.of(b), List.of(g));
        }
        assertEquals(b.get(0, 0), a.get(0, 0), 0.0);
        assertEquals(b.get(0, 1), a.get(0, 1), 0.0);
    }

    @Test
    void rmsPropDefaultsAreRhoPointNineAndEpsilonOneEMinusEight() {
        RMSProp rms = new RMSProp(0.01);
        assertEquals(0.9, rms.rho(), 0.0);
        assertEquals(1e-8, rms.epsilon(), 0.0);
        // entry 0 sees ρ at work, entry 1 is small enough that ε matters
        DMatrixRMaj theta = row(0.0, 0.0);
        rms.step(List.of(theta), List.of(row(1.0, 1e-7)));
        double s0 = 0.1 * 1.0;
        double s1 = 0.1 * 1e-14;
        double theta0 = -0.01 * 1.0 / (Math.sqrt(s0) + 1e-8);
        double theta1 = -0.01 * 1e-7 / (Math.sqrt(s1) + 1e-8);
        assertEquals(theta0, theta.get(0, 0), 1e-15);
        assertEquals(theta1, theta.get(0, 1), 1e-15);
        rms.step(List.of(theta), List.of(row(2.0, 1e-7)));
        s0 = 0.9 * s0 + 0.1 * 4.0;
        s1 = 0.9 * s1 + 0.1 * 1e-14;
        theta0 -= 0.01 * 2.0 / (Math.sqrt(s0) + 1e-8);
        theta1 -= 0.01 * 1e-7 / (Math.sqrt(s1) + 1e-8);
        assertEquals(theta0, theta.get(0, 0), 1e-15);
        assertEquals(theta1, theta.get(0, 1), 1e-15);
    }

    @Test
    void adamDefaultsAreThePapers() {
        Adam adam = new Adam();
        assertEquals(0.001, adam.learningRate(), 0.0);
        assertEquals(0.9, adam.beta1(), 0.0);
        assertEquals(0.999, adam.beta2(), 0.0);
        assertEquals(1e-8, adam.epsilon(), 0.0);
        Adam withRate = new Adam(0.5);
        assertEquals(0.5, withRate.learningRate(), 0.0);
        assertEquals(0.9, withRate.beta1(), 0.0);
        assertEquals(0.999, withRate.beta2(), 0.0);
        assertEquals(1e-8, withRate.epsilon(), 0.0);
    }

    @Test
    void adamUsesItsDefaultsWithBiasCorrection() {
        Adam adam = new Adam();
        DMatrixRMaj theta = row(0.0, 0.0);
        // step 1: m̂ = g and v̂ = g², so the step is α·g/(|g| + ε):
        // α/(1 + 1e-8) for g = 1 and exactly α/2 for g = ε = 1e-8
        adam.step(List.of(theta), List.of(row(1.0, 1e-8)));
        assertEquals(-0.001 / (1.0 + 1e-8), theta.get(0, 0), 1e-18);
        assertEquals(-0.0005, theta.get(0, 1), 1e-15);
        // step 2 with g = 0: m = 0.9·0.1, v = 0.999·0.001 (entry 0), corrected by
        // 1 − 0.9² = 0.19 and 1 − 0.999² = 0.001999
        adam.step(List.of(theta), List.of(row(0.0, 0.0)));
        double mHat = 0.09 / 0.19;
        double vHat = 0.000999 / 0.001999;
        double expected = -0.001 / (1.0 + 1e-8) - 0.001 * mHat / (Math.sqrt(vHat) + 1e-8);
        assertEquals(expected, theta.get(0, 0), 1e-15);
        assertEquals(2, adam.stepsTaken());
    }

    @Test
    void adamFirstStepsAreAboutAlphaWhateverTheGradientScale() {
        // the bias correction makes the first step α·sign(g) for |g| ≫ ε, at any scale
        Adam adam = new Adam(0.01);
        DMatrixRMaj theta = row(0.0, 0.0, 0.0);
        adam.step(List.of(theta), List.of(row(1e4, -3.0, 1e-3)));
        assertEquals(-0.01, theta.get(0, 0), 1e-12);
        assertEquals(0.01, theta.get(0, 1), 1e-10);
        assertEquals(-0.01, theta.get(0, 2), 1e-6);
    }

    @Test
    void toStringShowsEveryHyperparameter() {
        assertEquals("GradientDescent(learningRate=0.1)", new GradientDescent(0.1).toString());
        assertEquals("Momentum(learningRate=0.1, beta=0.9)", new Momentum(0.1).toString());
        assertEquals("RMSProp(learningRate=0.01, rho=0.9, epsilon=1.0E-8)",
                new RMSProp(0.01).toString());
        assertEquals("Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
                new Adam().toString());
        assertEquals("Adam(learningRate=0.02, beta1=0.8, beta2=0.99, epsilon=1.0E-7)",
                new Adam(0.02, 0.8, 0.99, 1e-7).toString());
    }
}
