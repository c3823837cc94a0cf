package org.neuralnotes.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;
import static org.neuralnotes.Fixtures.uniform;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.neuralnotes.check.GradientCheck;
import org.neuralnotes.check.GradientCheckReport;
import org.neuralnotes.random.Rng;

class ActivationTest {

    static List<Activation> all() {
        return List.of(Activations.identity(), Activations.sigmoid(), Activations.tanh(),
                Activations.relu(), Activations.leakyRelu(0.1), Activations.softmax());
    }

    /** f(Z) = Σ C ⊙ g(Z) has gradient backward(Z, g(Z), C): checked by central differences. */
    @ParameterizedTest
    @MethodSource("all")
    void backwardMatchesFiniteDifferences(Activation g) {
        Rng rng = new Rng(11);
        DMatrixRMaj Z = uniform(5, 4, -3, 3, rng);
        DMatrixRMaj C = uniform(5, 4, -1, 1, rng);
        DMatrixRMaj analytic = g.backward(Z, g.forward(Z), C);
        GradientCheckReport.Row row = GradientCheck.function(g.name(), z -> {
            DMatrixRMaj A = g.forward(z);
            double s = 0;
            for (int i = 0; i < A.data.length; i++) {
                s += C.data[i] * A.data[i];
            }
            return s;
        }, Z, analytic);
        assertTrue(row.relativeError() < 1e-7, g + ": relative error " + row.relativeError());
    }

    @Test
    void knownValues() {
        assertEquals(0.5, Activations.sigmoid().value(0), 0);
        assertEquals(1 / (1 + Math.exp(-2.0)), Activations.sigmoid().value(2), 1e-16);
        assertEquals(0.25, Activations.sigmoid().derivative(0, 0.5), 0);
        assertEquals(Math.tanh(0.7), Activations.tanh().value(0.7), 0);
        assertEquals(0.0, Activations.relu().value(-2), 0);
        assertEquals(3.0, Activations.relu().value(3), 0);
        assertEquals(-0.02, Activations.leakyRelu(0.01).value(-2), 1e-17);
        assertEquals(0.01, Activations.leakyRelu(0.01).derivative(-2, -0.02), 0);
    }

    @Test
    void sigmoidDoesNotOverflow() {
        Sigmoid s = Activations.sigmoid();
        assertEquals(0.0, s.value(-1000), 0);
        assertEquals(1.0, s.value(1000), 0);
        assertEquals(Math.exp(-745.0), s.value(-745), 1e-320);
    }

    @Test
    void softmaxRowsSumToOneForExtremeInputs() {
        DMatrixRMaj Z = new DMatrixRMaj(new double[][] {
            {1000, -1000, 0}, {-1e300, -1e300, -1e300}, {709, 710, 711}, {0, 0, 0}});
        DMatrixRMaj A = Activations.softmax().forward(Z);
        for (int r = 0; r < A.numRows; r++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                assertTrue(Double.isFinite(A.get(r, j)));
                s += A.get(r, j);
            }
            assertEquals(1.0, s, 1e-15);
        }
        assertEquals(1.0, A.get(0, 0), 0);
        assertEquals(1.0 / 3, A.get(1, 0), 1e-16);
        assertEquals(1.0 / 3, A.get(3, 2), 1e-16);
        // e^{-2} : e^{-1} : 1 normalized
        double d = Math.exp(-2) + Math.exp(-1) + 1;
        assertEquals(Math.exp(-2) / d, A.get(2, 0), 1e-16);
    }

    /** The Jacobian of eq. 13 applied to dA gives the same dZ as backward. */
    @Test
    void softmaxJacobianAgreesWithBackward() {
        Rng rng = new Rng(3);
        Softmax s = Activations.softmax();
        DMatrixRMaj Z = uniform(1, 5, -2, 2, rng);
        DMatrixRMaj dA = uniform(1, 5, -1, 1, rng);
        DMatrixRMaj A = s.forward(Z);
        DMatrixRMaj J = s.jacobian(A);
        DMatrixRMaj viaBackward = s.backward(Z, A, dA);
        for (int a = 0; a < 5; a++) {
            double sum = 0;
            for (int b = 0; b < 5; b++) {
                // dZ_α = Σ_β dA_β ∂A_β/∂Z_α
                sum += dA.data[b] * J.get(b, a);
            }
            assertEquals(sum, viaBackward.data[a], 1e-15);
        }
        // symmetric, rows summing to zero
        for (int a = 0; a < 5; a++) {
            double row = 0;
            for (int b = 0; b < 5; b++) {
                assertEquals(J.get(a, b), J.get(b, a), 1e-17);
                row += J.get(a, b);
            }
            assertEquals(0.0, row, 1e-15);
        }
    }

    @Test
    void refusesBadArguments() {
        refuses(() -> Activations.leakyRelu(-0.1), "slope", "-0.1");
        refuses(() -> Activations.leakyRelu(Double.NaN), "slope", "NaN");
        refuses(() -> Activations.sigmoid().forward(new DMatrixRMaj(0, 3)), "Z", "0x3");
        refuses(() -> Activations.relu().backward(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 3),
                new DMatrixRMaj(3, 2)), "dA", "2x3", "3x2");
        refuses(() -> Activations.softmax().jacobian(new DMatrixRMaj(2, 3)), "a", "2x3");
        refuses(() -> Activations.byName("swish"), "name", "swish");
    }

    @ParameterizedTest
    @MethodSource("all")
    void namesRoundTrip(Activation g) {
        assertEquals(g.toString(), Activations.byName(g.toString()).toString());
    }
}
