package org.neuralnotes.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class JacobiansTest {

    @Test
    void aLinearMapHasItsMatrixAsJacobian() {
        DMatrixRMaj A = new DMatrixRMaj(new double[][] {{1, -2, 0.5}, {3, 4, -1}});
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3}, {-0.7}, {2}});
        DMatrixRMaj J = Jacobians.centralDifference(v -> CommonOps_DDRM.mult(A, v, null), x);
        assertEquals(2, J.numRows);
        assertEquals(3, J.numCols);
        for (int i = 0; i < A.getNumElements(); i++) {
            assertEquals(A.data[i], J.data[i], 1e-9);
        }
    }

    @Test
    void anElementwiseSquareHasTheDiagonalJacobianTwoX() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.5, -2, 0.25}});
        DMatrixRMaj J = Jacobians.centralDifference(v -> CommonOps_DDRM.elementMult(v, v, null), x, 1e-4);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                // central differences are exact for a quadratic, up to rounding
                assertEquals(i == k ? 2 * x.data[i] : 0.0, J.get(i, k), 1e-9);
            }
        }
        // x is left as it was
        assertEquals(1.5, x.data[0], 0.0);
    }

    @Test
    void refusesABadStepAndAResultThatChangesSize() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}});
        assertThrows(IllegalArgumentException.class, () -> Jacobians.centralDifference(v -> v, x, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jacobians.centralDifference(v -> v.data[0] > 1 ? new DMatrixRMaj(1, 3) : new DMatrixRMaj(1, 1), x));
        assertEquals(true, e.getMessage().startsWith("f:"), e.getMessage());
    }
}
