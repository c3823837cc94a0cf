package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DecisionBoundaryTest {
    // X spans x₁ in [-1, 3] and x₂ in [0, 2]
    static final DMatrixRMaj X = new DMatrixRMaj(new double[][] {{-1, 0}, {3, 2}, {1, 1}, {0, 2}});
    static final DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{0}, {1}, {1}, {0}});

    /** P(class 1) = σ(x₁ − x₂), in closed form. */
    static final Function<DMatrixRMaj, DMatrixRMaj> LOGISTIC = G -> {
        DMatrixRMaj P = new DMatrixRMaj(G.numRows, 1);
        for (int i = 0; i < G.numRows; i++) {
            P.set(i, 0, 1 / (1 + Math.exp(-(G.get(i, 0) - G.get(i, 1)))));
        }
        return P;
    };

    @Test
    void gridCoversTheDataWithPadding() {
        double[][] axes = DecisionBoundary.of(LOGISTIC, X, Y).resolution(5).padding(0.25).axes();
        // x₁: range 4, padded by 1 on each side; x₂: range 2, padded by 0.5
        assertEquals(-2.0, axes[0][0], 1e-12);
        assertEquals(4.0, axes[0][4], 1e-12);
        assertEquals(1.0, axes[0][2], 1e-12);
        assertEquals(-0.5, axes[1][0], 1e-12);
        assertEquals(2.5, axes[1][4], 1e-12);
    }

    @Test
    void surfaceIsTheProbabilityAtEachGridPoint() {
        DecisionBoundary b = DecisionBoundary.of(LOGISTIC, X, Y).resolution(7);
        double[][] axes = b.axes();
        DecisionBoundary.Surface s = b.surface(axes);
        assertEquals(1, s.outputColumns());
        for (int i = 0; i < 7; i++) {
            for (int k = 0; k < 7; k++) {
                // z[i][k] sits at (x₁ = axes[0][k], x₂ = axes[1][i]), rounded to 1e-4
                double p = 1 / (1 + Math.exp(-(axes[0][k] - axes[1][i])));
                assertEquals(p, s.z()[i][k], 0.5e-4 + 1e-15);
            }
        }
    }

    @Test
    void severalOutputsGiveThePredictedClass() {
        // class = which of x₁, x₂, 1 is largest
        Function<DMatrixRMaj, DMatrixRMaj> argmax = G -> {
            DMatrixRMaj P = new DMatrixRMaj(G.numRows, 3);
            for (int i = 0; i < G.numRows; i++) {
                P.set(i, 0, G.get(i, 0));
                P.set(i, 1, G.get(i, 1));
                P.set(i, 2, 1.0);
            }
            return P;
        };
        DMatrixRMaj y3 = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        DecisionBoundary b = DecisionBoundary.of(argmax, X, y3).resolution(9);
        double[][] axes = b.axes();
        DecisionBoundary.Surface s = b.surface(axes);
        assertEquals(3, s.outputColumns());
        for (int i = 0; i < 9; i++) {
            for (int k = 0; k < 9; k++) {
                double x1 = axes[0][k];
                double x2 = axes[1][i];
                int expected = x1 >= x2 && x1 >= 1 ? 0 : x2 > x1 && x2 >= 1 ? 1 : 2;
                if (Math.abs(x1 - x2) > 1e-9 && Math.abs(x1 - 1) > 1e-9 && Math.abs(x2 - 1) > 1e-9) {
                    assertEquals(expected, s.z()[i][k], 0.0, "at " + x1 + ", " + x2);
                }
            }
        }
        PlotFigure f = b.build();
        assertEquals(1 + 3, f.getTraces().length);   // class areas, then one marker trace per class
    }

    @Test
    void figureHasSurfaceBoundaryAndOneTracePerClass() {
        PlotFigure f = DecisionBoundary.of(LOGISTIC, X, Y).resolution(11).build();
        assertEquals(4, f.getTraces().length);
        assertEquals("contour", f.traceExtra().get(1).get("type"));
        assertEquals("class 0", Scripts.literal(Scripts.trace(f, 2), "name"));
        assertEquals("class 1", Scripts.literal(Scripts.trace(f, 3), "name"));
        // the examples of class 1 are rows 1 and 2 of X
        assertEquals(3.0, Scripts.numbers(Scripts.trace(f, 3), "x")[0], 0.0);
        assertEquals(1.0, Scripts.numbers(Scripts.trace(f, 3), "y")[1], 0.0);
    }

    @Test
    void badInputNamesTheArgument() {
        DMatrixRMaj x3 = new DMatrixRMaj(4, 3);
        assertMessage("X", () -> DecisionBoundary.of(LOGISTIC, x3, Y));
        assertMessage("Y", () -> DecisionBoundary.of(LOGISTIC, X, new DMatrixRMaj(3, 1)));
        assertMessage("predictor", () -> DecisionBoundary.of(null, X, Y));
        assertMessage("predictor", () -> DecisionBoundary.of(G -> new DMatrixRMaj(3, 1), X, Y).build());
        assertMessage("points", () -> DecisionBoundary.of(LOGISTIC, X, Y).resolution(1));
        DMatrixRMaj nan = X.copy();
        nan.set(2, 1, Double.NaN);
        assertMessage("X", () -> DecisionBoundary.of(LOGISTIC, nan, Y));
    }

    static void assertMessage(String argument, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(argument + ":") || e.getMessage().startsWith(argument + " "),
                e.getMessage());
    }
}
