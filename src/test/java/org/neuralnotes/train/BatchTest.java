package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.train.TrainData.refused;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BatchTest {
    /** row i is (10i, 10i + 1, 10i + 2) */
    private static DMatrixRMaj data(int n) {
        DMatrixRMaj M = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                M.set(i, j, 10 * i + j);
            }
        }
        return M;
    }

    @Test
    void allRowsIsTheMatrixItself() {
        DMatrixRMaj X = data(5);
        Batch all = Batch.all(5);
        assertSame(X, all.rows(X));
        DMatrixRMaj unused = new DMatrixRMaj(1, 1);
        assertSame(X, all.rows(X, unused));
        assertEquals(1, unused.numRows);
        assertTrue(all.isAll());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all.indices());
        assertEquals("Batch(all 5 rows)", all.toString());
        refused(() -> all.rows(data(6)), "M:", "5 rows", "6x3");
    }

    @Test
    void aRangeIsItsBlockOfRowsCopied() {
        DMatrixRMaj X = data(6);
        Batch b = Batch.range(2, 3);
        DMatrixRMaj rows = b.rows(X);
        assertArrayEquals(new double[] {20, 21, 22, 30, 31, 32, 40, 41, 42}, rows.data, 0.0);
        assertEquals(3, rows.numRows);
        assertArrayEquals(new int[] {2, 3, 4}, b.indices());
        assertEquals(4, b.row(2));
        assertFalse(b.isAll());
        assertEquals("Batch(rows 2..4)", b.toString());
        refused(() -> Batch.range(4, 3).rows(X), "M:", "more than 6", "6x3");
        refused(() -> Batch.range(-1, 3), "first:", "-1");
        refused(() -> Batch.range(0, 0), "size", "0");
    }

    @Test
    void chosenRowsAreCopiedInTheirOrderIntoAReusedMatrix() {
        DMatrixRMaj X = data(6);
        int[] chosen = {5, 0, 3};
        Batch b = Batch.of(chosen);
        chosen[0] = 1;
        // the batch keeps its own copy of the indices
        assertArrayEquals(new int[] {5, 0, 3}, b.indices());
        DMatrixRMaj into = new DMatrixRMaj(1, 1);
        assertSame(into, b.rows(X, into));
        assertArrayEquals(new double[] {50, 51, 52, 0, 1, 2, 30, 31, 32}, into.data, 0.0);
        // a smaller batch reuses the same matrix, reshaped
        assertSame(into, Batch.of(4).rows(X, into));
        assertEquals(1, into.numRows);
        assertEquals(40, into.get(0, 0), 0.0);
        assertEquals("Batch(rows [5, 0, 3])", b.toString());
        refused(() -> Batch.of(2, 6).rows(X), "M:", "more than 6");
        refused(() -> Batch.of(2, -1), "rows:", "-1", "position 1");
        refused(() -> Batch.of(), "rows:", "none");
        refused(() -> b.rows(X, X), "into");
        refused(() -> b.row(3), "i:", "0..2", "3");
    }

    @Test
    void batchesAreValues() {
        assertEquals(Batch.range(1, 3), Batch.of(1, 2, 3));
        assertEquals(Batch.range(1, 3).hashCode(), Batch.of(1, 2, 3).hashCode());
        assertNotEquals(Batch.range(0, 3), Batch.all(3));
        assertNotEquals(Batch.of(2, 1), Batch.of(1, 2));
    }
}
