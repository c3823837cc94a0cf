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

    /** [z > 0] is exact at the edges: the least positive double, both zeros, NaN kept. */
    @Test
    void reluStepAtTheEdges() {
        Activation relu = Activations.relu();
        Relu r = (Relu) relu;
        assertEquals(1.0, r.derivative(Double.MIN_VALUE, Double.MIN_VALUE), 0);
        assertEquals(1.0, r.derivative(Double.MAX_VALUE, Double.MAX_VALUE), 0);
        assertEquals(1.0, r.derivative(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), 0);
        assertEquals(0.0, r.derivative(0.0, 0.0), 0);
        assertEquals(0.0, r.derivative(-0.0, 0.0), 0);
        assertEquals(0.0, r.derivative(-Double.MIN_VALUE, 0.0), 0);
        assertEquals(0.0, r.derivative(Double.NEGATIVE_INFINITY, 0.0), 0);
        assertEquals(Double.MIN_VALUE, r.value(Double.MIN_VALUE), 0);
        // +0.0, not −0.0, for z = −0.0
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(r.value(-0.0)));
        // NaN is not hidden as 0, in the value, the derivative or the array loops
        assertTrue(Double.isNaN(r.value(Double.NaN)));
        assertTrue(Double.isNaN(r.derivative(Double.NaN, Double.NaN)));
        DMatrixRMaj Z = new DMatrixRMaj(new double[][] {{Double.NaN, -1, 2}});
        DMatrixRMaj A = relu.forward(Z);
        DMatrixRMaj dZ = relu.backward(Z, A, new DMatrixRMaj(new double[][] {{1, 1, 1}}));
        assertTrue(Double.isNaN(A.get(0, 0)) && Double.isNaN(dZ.get(0, 0)));
        assertEquals(List.of(0.0, 2.0, 0.0, 1.0), List.of(A.get(0, 1), A.get(0, 2), dZ.get(0, 1),
                dZ.get(0, 2)));
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

    /** The array loops of each element-wise activation compute its per-entry formulas exactly. */
    @ParameterizedTest
    @MethodSource("all")
    void bufferFormsMatchThePerEntryFormulas(Activation g) {
        Rng rng = new Rng(23);
        DMatrixRMaj Z = uniform(6, 5, -4, 4, rng);
        Z.data[3] = 0.0;
        // signed zero, both tails, and where e^(−|z|) under- or overflows
        double[] extremes = {-0.0, 40, -40, 750, -750, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        System.arraycopy(extremes, 0, Z.data, 7, extremes.length);
        DMatrixRMaj dA = uniform(6, 5, -1, 1, rng);
        // reused buffers of another shape are reshaped
        DMatrixRMaj A = new DMatrixRMaj(2, 9);
        DMatrixRMaj dZ = new DMatrixRMaj(40, 1);
        g.forward(Z, A);
        g.backward(Z, A, dA, dZ);
        assertEquals(6, A.numRows);
        assertEquals(5, dZ.numCols);
        if (g instanceof ElementwiseActivation e) {
            for (int i = 0; i < Z.data.length; i++) {
                double a = e.value(Z.data[i]);
                assertEquals(a, A.data[i], 0.0, g + " value at " + i);
                // dZ = g'(z)·dA
                assertEquals(e.derivative(Z.data[i], a) * dA.data[i], dZ.data[i], 0.0, g + " gradient at " + i);
            }
        } else {
            Softmax softmax = (Softmax) g;
            for (int r = 0; r < 6; r++) {
                DMatrixRMaj row = new DMatrixRMaj(1, 5);
                System.arraycopy(A.data, r * 5, row.data, 0, 5);
                DMatrixRMaj J = softmax.jacobian(row);
                for (int al = 0; al < 5; al++) {
                    // dZ_α = Σ_β dA_β ∂A_β/∂Z_α
                    double expected = 0;
                    for (int b = 0; b < 5; b++) {
                        expected += dA.data[r * 5 + b] * J.get(b, al);
                    }
                    assertEquals(expected, dZ.data[r * 5 + al], 1e-15);
                }
            }
        }
        assertEquals(List.of(), diff(g.forward(Z), A));
        assertEquals(List.of(), diff(g.backward(Z, A, dA), dZ));
        // in place: dZ written over dA
        DMatrixRMaj inPlace = dA.copy();
        g.backward(Z, A, inPlace, inPlace);
        assertEquals(List.of(), diff(dZ, inPlace));
        refuses(() -> g.forward(Z, Z), "A", "Z", "same matrix");
        refuses(() -> g.forward(Z, null), "A", "null");
    }

    /** An activation that writes only the allocating forms still gets the buffer forms. */
    @Test
    void bufferFormsDefaultToTheAllocatingForms() {
        Activation square = new Activation() {
            @Override
            public String name() {
                return "square";
            }

            @Override
            public DMatrixRMaj forward(DMatrixRMaj Z) {
                DMatrixRMaj A = Z.copy();
                for (int i = 0; i < A.data.length; i++) {
                    A.data[i] *= A.data[i];
                }
                return A;
            }

            @Override
            public DMatrixRMaj backward(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj dA) {
                DMatrixRMaj dZ = dA.copy();
                for (int i = 0; i < dZ.data.length; i++) {
                    dZ.data[i] *= 2 * Z.data[i];
                }
                return dZ;
            }

            @Override
            public boolean elementwise() {
                return true;
            }
        };
        DMatrixRMaj Z = new DMatrixRMaj(2, 2, true, 1, -2, 3, 0.5);
        DMatrixRMaj A = new DMatrixRMaj(1, 1);
        square.forward(Z, A);
        assertEquals(List.of(), diff(new DMatrixRMaj(2, 2, true, 1, 4, 9, 0.25), A));
        DMatrixRMaj dZ = new DMatrixRMaj(1, 1);
        square.backward(Z, A, new DMatrixRMaj(2, 2, true, 1, 1, 2, 2), dZ);
        assertEquals(List.of(), diff(new DMatrixRMaj(2, 2, true, 2, -4, 12, 2), dZ));
    }

    /** The entries where two matrices differ (shape first); empty when equal bit for bit. */
    private static List<String> diff(DMatrixRMaj expected, DMatrixRMaj actual) {
        List<String> out = new java.util.ArrayList<>();
        if (expected.numRows != actual.numRows || expected.numCols != actual.numCols) {
            out.add("shape " + expected.numRows + "x" + expected.numCols + " vs " + actual.numRows + "x" + actual.numCols);
            return out;
        }
        for (int i = 0; i < expected.getNumElements(); i++) {
            if (Double.compare(expected.data[i], actual.data[i]) != 0) {
                out.add(i + ": " + expected.data[i] + " vs " + actual.data[i]);
            }
        }
        return out;
    }
}
