package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.models.LogisticRegression.CostGradient;
import org.neuralnotes.models.LogisticRegression.GradientScale;

/**
 * Logistic regression against the numpy implementation in tools/reference/models_reference.py,
 * whose output is the test resource logistic_regression_reference.json: every number to
 * 1e-12 relative.
 */
class LogisticRegressionReferenceTest {
    private static final double TOLERANCE = 1e-12;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference() throws IOException {
        try (InputStream in = LogisticRegressionReferenceTest.class.getResourceAsStream(
                "logistic_regression_reference.json")) {
            assertNotNull(in, "run tools/reference/models_reference.py to write the reference file");
            return new ObjectMapper().readValue(in, Map.class);
        }
    }

    @Test
    void costAndGradientAtAPointMatchNumpy() throws IOException {
        Map<String, Object> ref = reference();
        DMatrixRMaj X = matrix(ref.get("X"));
        DMatrixRMaj y = column(ref.get("y"));
        Map<String, Object> point = map(ref.get("point"));
        LogisticRegression m = LogisticRegression.of(column(point.get("w")), num(point.get("b")));
        CostGradient cg = m.costAndGradient(X, y);
        close("J", num(point.get("J")), cg.J());
        close("dw", column(point.get("dw")), cg.dw());
        close("db", num(point.get("db")), cg.db());
        CostGradient slip = m.costAndGradient(X, y, GradientScale.FEATURES_SLIP);
        close("dw_slip", column(point.get("dw_slip")), slip.dw());
        close("db_slip", num(point.get("db_slip")), slip.db());
    }

    @Test
    void gradientDescentRunsMatchNumpy() throws IOException {
        Map<String, Object> ref = reference();
        DMatrixRMaj X = matrix(ref.get("X"));
        DMatrixRMaj y = column(ref.get("y"));
        List<Object> cases = list(ref.get("cases"));
        assertEquals(3, cases.size());
        for (Object o : cases) {
            Map<String, Object> c = map(o);
            String name = (String) c.get("name");
            GradientDescentSettings s = GradientDescentSettings
                    .of(num(c.get("learning_rate")), (int) num(c.get("iterations")))
                    .withRecordEvery((int) num(c.get("record_every")))
                    .withGradientScale(GradientScale.valueOf((String) c.get("gradient_scale")));
            LogisticRegression m = LogisticRegression.zeros(X.numCols);
            FitResult r = m.fit(X, y, s);

            List<Object> at = list(c.get("recorded_at"));
            assertEquals(at.size(), r.recordedAt().size(), name);
            for (int i = 0; i < at.size(); i++) {
                assertEquals((int) num(at.get(i)), r.recordedAt().get(i), name);
            }
            List<Object> costs = list(c.get("costs"));
            for (int i = 0; i < costs.size(); i++) {
                close(name + " costs[" + i + "]", num(costs.get(i)), r.costs().get(i));
            }
            close(name + " w", column(c.get("w")), r.w());
            close(name + " b", num(c.get("b")), r.b());
            close(name + " dw", column(c.get("dw")), r.dw());
            close(name + " db", num(c.get("db")), r.db());
            close(name + " final_cost", num(c.get("final_cost")), r.finalCost());
            close(name + " probabilities", column(c.get("probabilities")), m.probabilities(X));
            DMatrixRMaj predictions = column(c.get("predictions"));
            DMatrixRMaj mine = m.predict(X);
            for (int i = 0; i < predictions.numRows; i++) {
                assertEquals(predictions.data[i], mine.data[i], 0.0, name + " prediction " + i);
            }
        }
    }

    private static void close(String what, double expected, double actual) {
        assertTrue(Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected),
                () -> what + ": expected " + expected + ", found " + actual + " (relative error "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    private static void close(String what, DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        for (int i = 0; i < expected.getNumElements(); i++) {
            close(what + "[" + i + "]", expected.data[i], actual.data[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static DMatrixRMaj column(Object o) {
        List<Object> l = list(o);
        DMatrixRMaj v = new DMatrixRMaj(l.size(), 1);
        for (int i = 0; i < l.size(); i++) {
            v.data[i] = num(l.get(i));
        }
        return v;
    }

    private static DMatrixRMaj matrix(Object o) {
        List<Object> rows = list(o);
        int cols = list(rows.get(0)).size();
        DMatrixRMaj M = new DMatrixRMaj(rows.size(), cols);
        for (int i = 0; i < rows.size(); i++) {
            List<Object> r = list(rows.get(i));
            for (int j = 0; j < cols; j++) {
                M.set(i, j, num(r.get(j)));
            }
        }
        return M;
    }
}
