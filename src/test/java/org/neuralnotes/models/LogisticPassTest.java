package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.random.Rng;

/**
 * The single pass of {@link LogisticPass}: one e = e^(−|z|) per example gives the residual
 * a − y and the log-loss L = ln(1 + e) + max(z, 0) − y·z. Checked against the plain formula
 * −[y ln a + (1 − y) ln(1 − a)], a = 1/(1 + e^(−z)), and for |z| up to 800, where that formula
 * gives ln 0.
 */
class LogisticPassTest {

    /** The plain formula for one example, with a = 1/(1 + e^(−z)) as the note computes it. */
    private static double plain(double z, double y) {
        double a = 1 / (1 + Math.exp(-z));
        return -(y * Math.log(a) + (1 - y) * Math.log(1 - a));
    }

    /** L and a − y of one example through the pass: X = [z], w = [1], b = 0. */
    private static double[] one(double z, double y) {
        LogisticPass pass = new LogisticPass(new DMatrixRMaj(1, 1, true, z));
        DMatrixRMaj dw = new DMatrixRMaj(1, 1);
        double J = pass.costAndGradient(new DMatrixRMaj(1, 1, true, 1.0), 0.0,
                new DMatrixRMaj(1, 1, true, y), 1.0, dw);
        return new double[] {J, pass.db()};
    }

    /**
     * Where the plain formula is accurate (|z| ≤ 8: a and 1 − a both above 3e−4, so rounding a
     * moves ln a and ln(1 − a) by less than 1e−12 of L) the fused cost equals it to 1e−12
     * relative. Beyond, up to |z| = 35, they differ by no more than the plain formula's own
     * rounding (a carries an absolute error of up to 2⁻⁵³, which ln turns into 2⁻⁵³ / min(a, 1 − a));
     * and everywhere the fused cost is the stable form max(z, 0) − y·z + log1p(e^(−|z|)) to
     * 1e−15 relative (two subnormal steps near 0).
     */
    @Test
    void theFusedCostIsThePlainFormulaWhereThatIsFinite() {
        for (double y : new double[] {0, 1}) {
            for (double z = -35; z <= 35; z += 0.0625) {
                double plain = plain(z, y);
                double fused = one(z, y)[0];
                double a = 1 / (1 + Math.exp(-z));
                if (Math.abs(z) <= 8) {
                    assertEquals(plain, fused, 1e-12 * plain, "z = " + z + ", y = " + y);
                } else if (Double.isFinite(plain)) {
                    double rounding = 0x1p-52 / Math.min(a, 1 - a);
                    assertEquals(plain, fused, 1e-12 * plain + rounding, "z = " + z + ", y = " + y);
                }
            }
        }
        for (double y : new double[] {0, 1}) {
            for (double z = -800; z <= 800; z += 0.37) {
                double stable = Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
                assertEquals(stable, one(z, y)[0], 1e-15 * stable + 2 * Double.MIN_VALUE, "z = " + z + ", y = " + y);
            }
        }
    }

    @Test
    void theMeanCostOfManyExamplesIsThePlainMeanTo1e12() {
        int n = 5000;
        Rng rng = new Rng(21);
        DMatrixRMaj X = new DMatrixRMaj(n, 2);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            X.data[2 * i] = 12 * rng.nextDouble() - 6;
            X.data[2 * i + 1] = 2 * rng.nextDouble() - 1;
            y.data[i] = rng.nextDouble() < 0.5 ? 1 : 0;
        }
        DMatrixRMaj w = new DMatrixRMaj(2, 1, true, 0.9, -1.3);
        double b = 0.25;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += plain(0.9 * X.data[2 * i] - 1.3 * X.data[2 * i + 1] + b, y.data[i]);
        }
        // |z| ≤ 0.9·6 + 1.3 + 0.25 < 8, where the plain formula is accurate
        double J = new LogisticPass(X).cost(w, b, y);
        assertEquals(sum / n, J, 1e-12 * sum / n);
        // the public methods give the same number, and the gradient pass the same cost
        LogisticRegression m = LogisticRegression.of(w, b);
        assertEquals(J, m.cost(X, y), 0.0);
        assertEquals(J, m.costAndGradient(X, y).J(), 0.0);
    }

    @Test
    void theResidualIsTheSigmoidsAMinusYBitForBit() {
        for (double y : new double[] {0, 1}) {
            for (double z = -40; z <= 40; z += 0.37) {
                double a = Activations.sigmoid().value(z);
                assertEquals(a - y, one(z, y)[1], 0.0, "z = " + z + ", y = " + y);
            }
            assertEquals(0.5 - y, one(0.0, y)[1], 0.0);
            assertEquals(0.5 - y, one(-0.0, y)[1], 0.0);
        }
    }

    @Test
    void staysFiniteForZUpTo800() {
        for (double z : new double[] {-800, -750, -710, -709, -708.5, -700, 700, 708.5, 709, 710, 750, 800}) {
            for (double y : new double[] {0, 1}) {
                double[] r = one(z, y);
                assertTrue(Double.isFinite(r[0]) && Double.isFinite(r[1]), "z = " + z + ", y = " + y);
                // wrongly labelled: L = |z| (ln(1 + e) below one ulp of it); rightly: L = ln(1 + e) ≈ e
                boolean wrong = (z > 0) == (y == 0);
                double expected = wrong ? Math.abs(z) : Math.exp(-Math.abs(z));
                assertEquals(expected, r[0], wrong ? Math.ulp(Math.abs(z)) : 1e-15 * expected + Double.MIN_VALUE,
                        "z = " + z + ", y = " + y);
                // a − y: ±1 when wrong, 0 or ±e when right
                assertEquals(wrong ? (y == 0 ? 1 : -1) : 0.0, r[1], 1e-300, "z = " + z + ", y = " + y);
            }
        }
    }
}
