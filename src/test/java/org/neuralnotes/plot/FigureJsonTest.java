package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A figure as plotly's JSON: what Tablesaw wrote as JavaScript, read back, with the entries
 * Tablesaw cannot hold merged in, string titles as {"text": ...} and numbers as numbers.
 */
class FigureJsonTest {
    @SuppressWarnings("unchecked")
    static Map<String, Object> roundTrip(PlotFigure f) throws Exception {
        // what a frontend receives: the JSON text, parsed by a strict reader
        return new ObjectMapper().readValue(Json.write(FigureJson.of(f)), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLossCurveKeepsItsNumbersTitleAndAxes() throws Exception {
        double[] loss = {1.0, 0.5, 0.25};
        double[] validation = {1.5, Double.NaN, 0.75};
        Map<String, Object> json = roundTrip(Plots.loss(LossCurvesTest.table(loss, validation)));
        List<Map<String, Object>> data = (List<Map<String, Object>>) json.get("data");
        assertEquals(2, data.size(), "training and validation");
        List<Object> y = (List<Object>) data.get(0).get("y");
        for (int i = 0; i < loss.length; i++) {
            assertEquals(loss[i], ((Number) y.get(i)).doubleValue(), 0.0, "y[" + i + "] is the number itself");
        }
        List<Object> yv = (List<Object>) data.get(1).get("y");
        assertNull(yv.get(1), "NaN is a gap (null)");
        assertEquals(0.75, ((Number) yv.get(2)).doubleValue(), 0.0);
        Map<String, Object> layout = (Map<String, Object>) json.get("layout");
        assertEquals(Map.of("text", "Loss"), layout.get("title"), "a string title becomes {text}");
        assertEquals(700, ((Number) layout.get("width")).intValue());
        // merged from PlotFigure.layoutExtra(): the axis titles Tablesaw's layout cannot hold
        assertEquals("step", ((Map<String, Object>) ((Map<String, Object>) layout.get("xaxis")).get("title")).get("text"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDecisionBoundaryHasItsContourMergedIntoTheRightTrace() throws Exception {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0, 0}, {1, 1}, {0, 1}, {1, 0}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0}, {0}, {1}, {1}});
        PlotFigure f = DecisionBoundary.of(G -> {
            DMatrixRMaj P = new DMatrixRMaj(G.numRows, 1);
            for (int i = 0; i < G.numRows; i++) {
                P.set(i, 0, G.get(i, 0)); // P(class 1) = x₁
            }
            return P;
        }, x, y).resolution(5).build();
        Map<String, Object> json = roundTrip(f);
        List<Map<String, Object>> data = (List<Map<String, Object>>) json.get("data");
        assertEquals(f.getTraces().length, data.size());
        assertEquals("heatmap", data.get(0).get("type"));
        assertEquals("contour", data.get(1).get("type"), "traceExtra of trace 1 merged into trace 1");
        // the grid's probabilities are x₁ at each grid column: 0, 0.25, ..., 1 on every row
        List<List<Number>> z = (List<List<Number>>) data.get(0).get("z");
        List<Number> xs = (List<Number>) data.get(0).get("x");
        for (List<Number> row : z) {
            for (int j = 0; j < row.size(); j++) {
                assertEquals(xs.get(j).doubleValue(), row.get(j).doubleValue(), 1e-12);
            }
        }
        Map<String, Object> marker = (Map<String, Object>) data.get(2).get("marker");
        assertTrue(marker.containsKey("size") && marker.containsKey("line"),
                "a merged object keeps Tablesaw's entries beside the new ones: " + marker);
    }

    @Test
    void theJsonCannotCloseAnInlineScript() {
        String json = Json.write(Map.of("title", "</script><b>&"));
        assertTrue(!json.contains("<") && !json.contains(">") && !json.contains("&"), json);
    }
}
