package org.neuralnotes.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static Map<String, Object> reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OptimizerReferenceTest.class.getResourceAsStream("optim_reference.json")) {
            assertNotNull(in, "optim_reference.json missing: run tools/reference/optim_reference.py");
            reference = object(new ObjectMapper().readValue(in, Map.class));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object node) {
        return (List<Object>) node;
    }

    static double number(Object node) {
        return ((Number) node).doubleValue();
    }

    static DMatrixRMaj matrix(Object node) {
        Map<String, Object> m = object(node);
        DMatrixRMaj M = new DMatrixRMaj((int) number(m.get("rows")), (int) number(m.get("cols")));
        List<Object> data = array(m.get("data"));
        assertEquals(M.getNumElements(), data.size());
        for (int i = 0; i < data.size(); i++) {
            M.data[i] = number(data.get(i));
        }
        return M;
    }

    static List<DMatrixRMaj> matrices(Object node) {
        List<DMatrixRMaj> list = new ArrayList<>();
        for (Object m : array(node)) {
            list.add(matrix(m));
        }
        return list;
    }

    static List<Object> cases() {
        return array(reference.get("cases"));
    }

    /** The Java optimizer for a case; hyperparameters absent from the case take the defaults. */
    static Optimizer build(Map<String, Object> c) {
        String name = (String) c.get("optimizer");
        Map<String, Object> h = object(c.get("hyperparameters"));
        switch (name) {
            case "GradientDescent":
                return new GradientDescent(number(h.get("learningRate")));
            case "Momentum":
                return h.containsKey("beta")
                        ? new Momentum(number(h.get("learningRate")), number(h.get("beta")))
                        : new Momentum(number(h.get("learningRate")));
            case "RMSProp":
                return h.containsKey("rho")
                        ? new RMSProp(number(h.get("learningRate")), number(h.get("rho")),
                                number(h.get("epsilon")))
                        : new RMSProp(number(h.get("learningRate")));
            case "Adam":
                if (!h.containsKey("learningRate")) {
                    return new Adam();
                }
                return h.containsKey("beta1")
                        ? new Adam(number(h.get("learningRate")), number(h.get("beta1")),
                                number(h.get("beta2")), number(h.get("epsilon")))
                        : new Adam(number(h.get("learningRate")));
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
        int steps = (int) number(reference.get("steps"));
        List<Object> grads = array(reference.get("grads"));
        assertEquals(steps, grads.size());
        assertTrue(cases().size() >= 8);
        for (Object node : cases()) {
            Map<String, Object> c = object(node);
            String name = (String) c.get("name");
            Optimizer optimizer = build(c);
            List<DMatrixRMaj> params = new ArrayList<>();
            for (DMatrixRMaj p : start) {
                params.add(p.copy());
            }
            for (int t = 0; t < steps; t++) {
                optimizer.step(params, matrices(grads.get(t)));
                List<DMatrixRMaj> expected = matrices(array(c.get("expected")).get(t));
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
        List<Object> grads = array(reference.get("grads"));
        for (Object c : cases()) {
            Optimizer first = build(object(c));
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

    private static List<DMatrixRMaj> run(Optimizer optimizer, List<DMatrixRMaj> start, List<Object> grads) {
        List<DMatrixRMaj> params = new ArrayList<>();
        for (DMatrixRMaj p : start) {
            params.add(p.copy());
        }
        for (Object g : grads) {
            optimizer.step(params, matrices(g));
        }
        return params;
    }
}
