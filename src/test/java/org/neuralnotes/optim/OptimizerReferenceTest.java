package org.neuralnotes.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer against numpy: five steps from the same start and gradients, compared to a
 * relative 1e-12. The values come from tools/reference/optim_reference.py. Cases marked with
 * missing hyperparameters are built with the Java constructors that fill in the defaults, so
 * a default that contradicts the papers (as typed into the script) fails here.
 */
class OptimizerReferenceTest {
    private static final double RELATIVE = 1e-12;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OptimizerReferenceTest.class.getResourceAsStream("optim_reference.json")) {
            assertNotNull(in, "optim_reference.json missing: run tools/reference/optim_reference.py");
            reference = new ObjectMapper().readTree(in);
        }
    }

    static DMatrixRMaj matrix(JsonNode node) {
        DMatrixRMaj M = new DMatrixRMaj(node.get("rows").asInt(), node.get("cols").asInt());
        JsonNode data = node.get("data");
        assertEquals(M.getNumElements(), data.size());
        for (int i = 0; i < data.size(); i++) {
            M.data[i] = data.get(i).asDouble();
        }
        return M;
    }

    static List<DMatrixRMaj> matrices(JsonNode array) {
        List<DMatrixRMaj> list = new ArrayList<>();
        for (JsonNode node : array) {
            list.add(matrix(node));
        }
        return list;
    }

    /** The Java optimizer for a case; hyperparameters absent from the case take the defaults. */
    static Optimizer build(String name, JsonNode h) {
        switch (name) {
            case "GradientDescent":
                return new GradientDescent(h.get("learningRate").asDouble());
            case "Momentum":
                return h.has("beta")
                        ? new Momentum(h.get("learningRate").asDouble(), h.get("beta").asDouble())
                        : new Momentum(h.get("learningRate").asDouble());
            case "RMSProp":
                return h.has("rho")
                        ? new RMSProp(h.get("learningRate").asDouble(), h.get("rho").asDouble(),
                                h.get("epsilon").asDouble())
                        : new RMSProp(h.get("learningRate").asDouble());
            case "Adam":
                if (!h.has("learningRate")) {
                    return new Adam();
                }
                return h.has("beta1")
                        ? new Adam(h.get("learningRate").asDouble(), h.get("beta1").asDouble(),
                                h.get("beta2").asDouble(), h.get("epsilon").asDouble())
                        : new Adam(h.get("learningRate").asDouble());
            default:
                throw new AssertionError("unknown optimizer in reference file: " + name);
        }
    }

    static void assertClose(double expected, double actual, String where) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(expected - actual) <= RELATIVE * scale)) {
            fail(where + ": expected " + expected + ", found " + actual + " (relative error "
                    + Math.abs(expected - actual) / scale + ")");
        }
    }

    @Test
    void everyOptimizerFollowsNumpyForFiveSteps() {
        List<DMatrixRMaj> start = matrices(reference.get("params"));
        int steps = reference.get("steps").asInt();
        assertEquals(steps, reference.get("grads").size());
        assertTrue(reference.get("cases").size() >= 8);
        for (JsonNode c : reference.get("cases")) {
            String name = c.get("name").asText();
            Optimizer optimizer = build(c.get("optimizer").asText(), c.get("hyperparameters"));
            List<DMatrixRMaj> params = new ArrayList<>();
            for (DMatrixRMaj p : start) {
                params.add(p.copy());
            }
            for (int t = 0; t < steps; t++) {
                optimizer.step(params, matrices(reference.get("grads").get(t)));
                List<DMatrixRMaj> expected = matrices(c.get("expected").get(t));
                for (int i = 0; i < params.size(); i++) {
                    for (int k = 0; k < params.get(i).getNumElements(); k++) {
                        assertClose(expected.get(i).data[k], params.get(i).data[k],
                                name + " (" + optimizer + "), step " + (t + 1) + ", params[" + i
                                        + "] entry " + k);
                    }
                }
            }
        }
    }

    @Test
    void resetAndFreshRepeatThePathBitForBit() {
        List<DMatrixRMaj> start = matrices(reference.get("params"));
        JsonNode grads = reference.get("grads");
        for (JsonNode c : reference.get("cases")) {
            Optimizer first = build(c.get("optimizer").asText(), c.get("hyperparameters"));
            List<DMatrixRMaj> a = run(first, start, grads);
            Optimizer fresh = first.fresh();
            assertEquals(first.toString(), fresh.toString());
            List<DMatrixRMaj> b = run(fresh, start, grads);
            first.reset();
            List<DMatrixRMaj> d = run(first, start, grads);
            for (int i = 0; i < a.size(); i++) {
                for (int k = 0; k < a.get(i).getNumElements(); k++) {
                    long bits = Double.doubleToRawLongBits(a.get(i).data[k]);
                    assertEquals(bits, Double.doubleToRawLongBits(b.get(i).data[k]), "fresh()");
                    assertEquals(bits, Double.doubleToRawLongBits(d.get(i).data[k]), "reset()");
                }
            }
        }
    }

    private static List<DMatrixRMaj> run(Optimizer optimizer, List<DMatrixRMaj> start, JsonNode grads) {
        List<DMatrixRMaj> params = new ArrayList<>();
        for (DMatrixRMaj p : start) {
            params.add(p.copy());
        }
        for (JsonNode g : grads) {
            optimizer.step(params, matrices(g));
        }
        return params;
    }
}
