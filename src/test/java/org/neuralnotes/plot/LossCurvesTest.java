package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class LossCurvesTest {
    static Table table(double[] loss, double[] validation) {
        int[] steps = new int[loss.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 10 * (i + 1);
        }
        return Table.create("loss", IntColumn.create("step", steps), DoubleColumn.create("loss", loss),
                DoubleColumn.create("validation_loss", validation));
    }

    @Test
    void oneRunDrawsTrainingAndValidationWithTheirValues() {
        PlotFigure f = LossCurves.of(table(new double[] {0.9, 0.4, 0.2}, new double[] {1.0, 0.6, 0.5})).build();
        assertEquals(2, f.getTraces().length);
        String train = Scripts.trace(f, 0);
        String val = Scripts.trace(f, 1);
        assertArrayEquals(new double[] {10, 20, 30}, Scripts.numbers(train, "x"));
        assertArrayEquals(new double[] {0.9, 0.4, 0.2}, Scripts.numbers(train, "y"));
        assertArrayEquals(new double[] {1.0, 0.6, 0.5}, Scripts.numbers(val, "y"));
        assertEquals("training", Scripts.literal(train, "name"));
        assertEquals("validation", Scripts.literal(val, "name"));
        assertTrue(val.contains("\"dash\" : \"dash\""), val);
        assertEquals("Loss", Scripts.literal(f.getLayout().asJavascript(), "title"));
    }

    @Test
    void validationLossThatIsAllNaNIsLeftOut() {
        double nan = Double.NaN;
        PlotFigure f = LossCurves.of(table(new double[] {0.9, 0.4}, new double[] {nan, nan})).build();
        assertEquals(1, f.getTraces().length);
    }

    @Test
    void overlaidRunsKeepMapOrderAndOneColourPerRun() {
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("sgd", table(new double[] {0.9, 0.5}, new double[] {1.0, 0.7}));
        runs.put("adam", table(new double[] {0.8, 0.3}, new double[] {0.9, 0.4}));
        PlotFigure f = LossCurves.of(runs).build();
        assertEquals(4, f.getTraces().length);
        String[] names = {"sgd", "sgd (validation)", "adam", "adam (validation)"};
        for (int k = 0; k < 4; k++) {
            assertEquals(names[k], Scripts.literal(Scripts.trace(f, k), "name"));
        }
        assertEquals(colour(f, 0), colour(f, 1));
        assertEquals(colour(f, 2), colour(f, 3));
        assertNotEquals(colour(f, 0), colour(f, 2));
        assertArrayEquals(new double[] {0.8, 0.3}, Scripts.numbers(Scripts.trace(f, 2), "y"));
    }

    static String colour(PlotFigure f, int k) {
        String js = Scripts.trace(f, k);
        int i = js.indexOf("\"color\" : \"");
        return js.substring(i + 11, js.indexOf('"', i + 11));
    }

    @Test
    void unorderedMapsAreDrawnInLabelOrderSoEveryRunLooksTheSame() {
        Table a = table(new double[] {0.9, 0.5}, new double[] {1.0, 0.7});
        Table b = table(new double[] {0.8, 0.3}, new double[] {0.9, 0.4});
        Table c = table(new double[] {0.7, 0.2}, new double[] {0.8, 0.3});
        PlotFigure f = LossCurves.of(Map.of("sgd", a, "adam", b, "momentum", c)).build();
        String[] names = {"adam", "momentum", "sgd"};
        for (int k = 0; k < 3; k++) {
            assertEquals(names[k], Scripts.literal(Scripts.trace(f, 2 * k), "name"));
        }
        Map<String, Table> ordered = new LinkedHashMap<>();
        ordered.put("sgd", a);
        ordered.put("adam", b);
        assertEquals("sgd", Scripts.literal(Scripts.trace(LossCurves.of(ordered).build(), 0), "name"));
    }

    @Test
    void logScaleSetsTheLossAxisType() {
        Table t = table(new double[] {0.9, 0.4}, new double[] {1.0, 0.6});
        assertEquals("log", yaxis(LossCurves.of(t).logScale().build()).get("type"));
        assertEquals("linear", yaxis(LossCurves.of(t).build()).get("type"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaxis(PlotFigure f) {
        return (Map<String, Object>) Scripts.json(f.layoutExtra()).get("yaxis");
    }

    @Test
    void logScaleRefusesALossOfZeroNamingRunAndStep() {
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("mse", table(new double[] {0.5, 0.0}, new double[] {0.6, 0.1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossCurves.of(runs).logScale().build());
        assertTrue(e.getMessage().startsWith("runs[\"mse\"]:"), e.getMessage());
        assertTrue(e.getMessage().contains("step 20"), e.getMessage());
    }

    @Test
    void badTablesNameTheArgumentAndTheColumn() {
        Table noLoss = Table.create("t", IntColumn.create("step", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossCurves.of(noLoss));
        assertTrue(e.getMessage().startsWith("lossTable:") && e.getMessage().contains("\"loss\""), e.getMessage());
        Table wrongType = Table.create("t", DoubleColumn.create("step", 1.0), DoubleColumn.create("loss", 1.0));
        e = assertThrows(IllegalArgumentException.class, () -> LossCurves.of(wrongType));
        assertTrue(e.getMessage().contains("IntColumn"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossCurves.of(new LinkedHashMap<String, Table>()));
        assertTrue(e.getMessage().startsWith("runs:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossCurves.of(table(new double[] {1}, new double[] {1})).size(10, 300));
        assertTrue(e.getMessage().startsWith("width:"), e.getMessage());
    }
}
