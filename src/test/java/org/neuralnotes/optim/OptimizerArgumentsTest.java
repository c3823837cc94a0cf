package org.neuralnotes.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptimizerArgumentsTest {

    private static void assertRefused(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    private static List<Supplier<Optimizer>> all() {
        return List.of(() -> new GradientDescent(0.1), () -> new Momentum(0.1),
                () -> new RMSProp(0.1), () -> new Adam());
    }

    @Test
    void learningRateMustBePositiveAndFinite() {
        for (double bad : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            String found = "found " + bad;
            assertRefused(() -> new GradientDescent(bad), "learningRate", "> 0", found);
            assertRefused(() -> new Momentum(bad), "learningRate", found);
            assertRefused(() -> new Momentum(bad, 0.5), "learningRate", found);
            assertRefused(() -> new RMSProp(bad), "learningRate", found);
            assertRefused(() -> new Adam(bad), "learningRate", found);
            assertRefused(() -> new Adam(bad, 0.9, 0.999, 1e-8), "learningRate", found);
        }
    }

    @Test
    void decayRatesMustLieInZeroOne() {
        for (double bad : new double[] {1.0, 1.5, -0.1, Double.NaN}) {
            String found = "found " + bad;
            assertRefused(() -> new Momentum(0.1, bad), "beta:", "[0.0, 1.0)", found);
            assertRefused(() -> new RMSProp(0.1, bad, 1e-8), "rho:", "[0.0, 1.0)", found);
            assertRefused(() -> new Adam(0.1, bad, 0.999, 1e-8), "beta1:", "[0.0, 1.0)", found);
            assertRefused(() -> new Adam(0.1, 0.9, bad, 1e-8), "beta2:", "[0.0, 1.0)", found);
        }
        // the closed end is allowed
        assertEquals(0.0, new Momentum(0.1, 0.0).beta(), 0.0);
        assertEquals(0.0, new Adam(0.1, 0.0, 0.0, 1e-8).beta1(), 0.0);
    }

    @Test
    void epsilonMustBePositive() {
        assertRefused(() -> new RMSProp(0.1, 0.9, 0.0), "epsilon", "found 0.0");
        assertRefused(() -> new Adam(0.1, 0.9, 0.999, -1e-8), "epsilon", "found -1.0E-8");
    }

    @Test
    void listsMustBeGivenAndMatch() {
        for (Supplier<Optimizer> make : all()) {
            Optimizer o = make.get();
            List<DMatrixRMaj> two = List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 3));
            assertRefused(() -> o.step(null, two), "params:", "null");
            assertRefused(() -> o.step(two, null), "grads:", "null");
            assertRefused(() -> o.step(List.of(), List.of()), "params:", "at least one");
            assertRefused(() -> o.step(two, List.of(new DMatrixRMaj(2, 3))),
                    "grads:", "expected 2", "found 1");
        }
    }

    @Test
    void shapeMismatchNamesIndexAndShapes() {
        for (Supplier<Optimizer> make : all()) {
            Optimizer o = make.get();
            List<DMatrixRMaj> params = List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 3));
            List<DMatrixRMaj> grads = List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 1));
            assertRefused(() -> o.step(params, grads), "grads[1]", "params[1]", "1x3", "3x1");
            List<DMatrixRMaj> withNull = new ArrayList<>(Arrays.asList(new DMatrixRMaj(2, 3), null));
            assertRefused(() -> o.step(withNull, grads), "params[1]", "null");
        }
    }

    @Test
    void layoutIsFixedByTheFirstStepUntilReset() {
        for (Supplier<Optimizer> make : all()) {
            Optimizer o = make.get();
            o.step(List.of(new DMatrixRMaj(2, 3)), List.of(new DMatrixRMaj(2, 3)));
            assertRefused(() -> o.step(List.of(new DMatrixRMaj(3, 2)), List.of(new DMatrixRMaj(3, 2))),
                    "params[0]", "2x3", "previous steps", "found 3x2");
            assertRefused(() -> o.step(List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 1)),
                    List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 1))), "params:", "expected 1",
                    "found 2");
            o.reset();
            o.step(List.of(new DMatrixRMaj(3, 2)), List.of(new DMatrixRMaj(3, 2)));
        }
    }

    @Test
    void nonFiniteGradientIsRefusedBeforeAnythingChanges() {
        for (Supplier<Optimizer> make : all()) {
            Optimizer o = make.get();
            Optimizer twin = make.get();
            DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}});
            DMatrixRMaj b = new DMatrixRMaj(new double[][] {{3}});
            DMatrixRMaj a2 = a.copy();
            DMatrixRMaj b2 = b.copy();
            DMatrixRMaj ga = new DMatrixRMaj(new double[][] {{0.5, -0.5}});
            DMatrixRMaj gb = new DMatrixRMaj(new double[][] {{0.25}});
            o.step(List.of(a, b), List.of(ga, gb));
            twin.step(List.of(a2, b2), List.of(ga, gb));

            DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{Double.NaN}});
            assertRefused(() -> o.step(List.of(a, b), List.of(ga, nan)),
                    "grads[1]", "finite", "NaN", "row 0, column 0");
            DMatrixRMaj inf = new DMatrixRMaj(new double[][] {{0.0, Double.NEGATIVE_INFINITY}});
            assertRefused(() -> o.step(List.of(a, b), List.of(inf, gb)),
                    "grads[0]", "-Infinity", "column 1");
            // nothing moved: params equal the twin's, and the next step matches the twin's too
            assertEquals(a2.get(0, 0), a.get(0, 0), 0.0);
            assertEquals(a2.get(0, 1), a.get(0, 1), 0.0);
            assertEquals(b2.get(0, 0), b.get(0, 0), 0.0);
            o.step(List.of(a, b), List.of(ga, gb));
            twin.step(List.of(a2, b2), List.of(ga, gb));
            assertEquals(a2.get(0, 1), a.get(0, 1), 0.0, o.toString());
            assertEquals(b2.get(0, 0), b.get(0, 0), 0.0, o.toString());
            assertEquals(((AbstractOptimizer) twin).stepsTaken(), ((AbstractOptimizer) o).stepsTaken());
        }
    }
}
