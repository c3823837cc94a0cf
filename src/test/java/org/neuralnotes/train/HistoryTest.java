package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.train.TrainData.refused;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.optim.Momentum;
import org.neuralnotes.random.Rng;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class HistoryTest {
    private final Rng data = new Rng(41);
    private final DMatrixRMaj X = TrainData.inputs(30, 2, data);
    private final DMatrixRMaj Y = TrainData.labels(X, data);
    private final DMatrixRMaj Xv = TrainData.inputs(10, 2, data);
    private final DMatrixRMaj Yv = TrainData.labels(Xv, data);

    private History run(int steps, int every, int maxRecords) {
        return Trainer.builder().optimizer(new Momentum(0.1)).maxIterations(steps)
                .recordEvery(every).maxRecords(maxRecords).build()
                .fit(TrainData.classifier(3), X, Y, null);
    }

    @Test
    void recordsStartEveryKAndTheEnd() {
        History h = run(23, 5, 1000);
        assertArrayEquals(new int[] {0, 5, 10, 15, 20, 23}, h.steps());
        assertEquals(5, h.recordEvery());
        assertEquals(23, h.iterations());
        // the start is the network before training
        Network start = TrainData.classifier(3);
        assertEquals(start.loss(X, Y), h.losses()[0], 0.0);
        assertEquals(start.parameter("W1").value().get(1, 2), h.path("W1", 1, 2)[0], 0.0);
    }

    @Test
    void recordedValuesAreTheParametersAndLossAtThatStep() {
        // a run stopped at step 12 ends where the longer run was at step 12
        Network shortNet = TrainData.classifier(3);
        Trainer.builder().optimizer(new Momentum(0.1)).maxIterations(12).build()
                .fit(shortNet, X, Y, null);
        History h = run(20, 4, 1000);
        int at = 3; // steps 0, 4, 8, 12
        assertEquals(12, h.steps()[at]);
        assertEquals(shortNet.loss(X, Y), h.losses()[at], 0.0);
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            DMatrixRMaj v = shortNet.parameter(name).value();
            for (int r = 0; r < v.numRows; r++) {
                for (int c = 0; c < v.numCols; c++) {
                    assertEquals(v.get(r, c), h.path(name, r, c)[at], 0.0, name + "(" + r + "," + c + ")");
                }
            }
        }
        assertEquals(h.losses()[h.size() - 1], h.finalLoss(), 0.0);
    }

    @Test
    void memoryBoundThinsToEverySecondRecordAndDoublesK() {
        History full = run(1000, 1, 5000);
        History bounded = run(1000, 1, 10);
        assertTrue(bounded.size() <= 10, "size " + bounded.size());
        // 10 records at spacing k hold steps 0 … 9k; 1000 steps need k = 128 (0 … 896, then 1000)
        assertEquals(128, bounded.recordEvery());
        int[] steps = bounded.steps();
        assertEquals(0, steps[0]);
        assertEquals(1000, steps[steps.length - 1]);
        for (int i = 0; i < steps.length - 1; i++) {
            assertEquals(i * 128, steps[i]);
        }
        // thinning keeps records, it does not change them
        double[] fullLoss = full.losses();
        double[] fullPath = full.path("W2", 3, 0);
        for (int i = 0; i < steps.length; i++) {
            assertEquals(fullLoss[steps[i]], bounded.losses()[i], 0.0);
            assertEquals(fullPath[steps[i]], bounded.path("W2", 3, 0)[i], 0.0);
        }
    }

    @Test
    void memoryBoundHoldsForAnySpacingAndBound() {
        for (int max : new int[] {2, 3, 5, 8}) {
            for (int every : new int[] {1, 3}) {
                for (int steps : new int[] {1, 7, 50, 333}) {
                    History h = run(steps, every, max);
                    int[] s = h.steps();
                    String what = "max " + max + ", every " + every + ", steps " + steps;
                    assertTrue(s.length <= max, what + ": " + s.length + " records");
                    assertEquals(0, s[0], what);
                    assertEquals(steps, s[s.length - 1], what);
                    int k = h.recordEvery();
                    assertEquals(0, k % every, what);
                    assertEquals(Integer.bitCount(k / every), 1, what + ": k = " + k);
                    for (int i = 0; i < s.length - 1; i++) {
                        assertEquals(i * k, s[i], what);
                    }
                }
            }
        }
    }

    @Test
    void lossTableHasTheDocumentedColumns() {
        History h = run(6, 2, 100);
        Table t = h.lossTable();
        assertEquals(List.of("step", "loss", "validation_loss"), t.columnNames());
        assertEquals(ColumnType.INTEGER, t.column("step").type());
        assertEquals(ColumnType.DOUBLE, t.column("loss").type());
        assertEquals(ColumnType.DOUBLE, t.column("validation_loss").type());
        assertEquals(4, t.rowCount());
        assertEquals(4, t.intColumn("step").getInt(2));
        assertEquals(h.losses()[2], t.doubleColumn("loss").getDouble(2), 0.0);
        assertTrue(Double.isNaN(t.doubleColumn("validation_loss").getDouble(0)));
        assertFalse(h.lossTable().toString().isEmpty());
    }

    @Test
    void validationLossIsTheNetworksLossOnTheValidationSet() {
        Network net = TrainData.classifier(3);
        History h = Trainer.builder().optimizer(new GradientDescent(0.3)).maxIterations(4)
                .validation(Xv, Yv).build().fit(net, X, Y, null);
        assertEquals(net.loss(Xv, Yv), h.validationLosses()[4], 0.0);
        assertEquals(TrainData.classifier(3).loss(Xv, Yv), h.validationLosses()[0], 0.0);
        assertEquals(h.validationLosses()[2],
                h.lossTable().doubleColumn("validation_loss").getDouble(2), 0.0);
    }

    @Test
    void weightTableIsLongFormat() {
        History h = run(3, 1, 100);
        Table t = h.weightTable();
        assertEquals(List.of("step", "parameter", "row", "col", "value"), t.columnNames());
        assertEquals(ColumnType.INTEGER, t.column("step").type());
        assertEquals(ColumnType.STRING, t.column("parameter").type());
        assertEquals(ColumnType.INTEGER, t.column("row").type());
        assertEquals(ColumnType.INTEGER, t.column("col").type());
        assertEquals(ColumnType.DOUBLE, t.column("value").type());
        int count = TrainData.classifier(3).parameterCount();
        assertEquals(4 * count, t.rowCount());
        // every row agrees with path(parameter, row, col) at its step
        for (int i = 0; i < t.rowCount(); i++) {
            int step = t.intColumn("step").getInt(i);
            double[] path = h.path(t.stringColumn("parameter").get(i), t.intColumn("row").getInt(i),
                    t.intColumn("col").getInt(i));
            assertEquals(path[step], t.doubleColumn("value").getDouble(i), 0.0, "row " + i);
        }
        // order: step, then W1, b1, W2, b2, row-major inside each
        assertEquals("W1", t.stringColumn("parameter").get(0));
        assertEquals(0, t.intColumn("row").getInt(1));
        assertEquals(1, t.intColumn("col").getInt(1));
        assertEquals("b1", t.stringColumn("parameter").get(8));
        assertEquals(1, t.intColumn("step").getInt(count));
    }

    @Test
    void withoutWeightsOnlyLossesAreKept() {
        History h = Trainer.builder().optimizer(new GradientDescent(0.1)).maxIterations(3)
                .recordWeights(false).build().fit(TrainData.classifier(3), X, Y, null);
        assertFalse(h.hasWeights());
        assertEquals(4, h.lossTable().rowCount());
        IllegalStateException e = assertThrows(IllegalStateException.class, h::weightTable);
        assertTrue(e.getMessage().contains("recordWeights(false)"));
        assertThrows(IllegalStateException.class, () -> h.path("W1", 0, 0));
    }

    @Test
    void pathArgumentsAreChecked() {
        History h = run(2, 1, 10);
        refused(() -> h.path("W9", 0, 0), "name", "W1", "\"W9\"");
        refused(() -> h.path("W1", 2, 0), "r:", "W1 (2x4)", "0..1", "found 2");
        refused(() -> h.path("b2", 0, -1), "c:", "b2 (1x1)", "found -1");
        assertEquals(List.of("W1", "b1", "W2", "b2"), h.parameterNames());
    }

    @Test
    void toStringSummarizesTheRun() {
        String s = run(5, 1, 10).toString();
        assertTrue(s.contains("5 iterations"), s);
        assertTrue(s.contains("6 records"), s);
        assertTrue(s.contains("maximum of 5 iterations reached"), s);
    }
}
