package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;

/**
 * A full forward and backward pass against numpy, computed from the formulas by
 * tools/reference/network_reference.py (its output is kept under src/test/resources).
 */
class ReferenceValuesTest {
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"relu_2_3_4_1_half_sse", "tanh_softmax_cce", "relu_softmax_half_mse",
        "sigmoid_bce", "leaky_l2"})
    void forwardAndBackwardAgreeWithNumpy(String name) throws IOException {
        Map<String, String> header = new HashMap<>();
        Map<String, DMatrixRMaj> m = read(name, header);
        String[] acts = header.get("activations").split(" ");
        List<Dense> layers = new ArrayList<>();
        Activation last = null;
        for (int l = 1; l <= acts.length; l++) {
            last = Activations.byName(acts[l - 1]);
            layers.add(new Dense(m.get("W" + l).copy(), m.get("b" + l).copy(), last));
        }
        Network net = new Network(layers, Objective.of(last, Losses.byName(header.get("loss"))));
        ForwardPass pass = net.forward(m.get("X"));
        for (int l = 1; l <= acts.length; l++) {
            close("Z" + l, m.get("Z" + l), pass.Z(l));
            close("A" + l, m.get("A" + l), pass.A(l));
        }
        Gradients g = net.backward(pass, m.get("Y"));
        assertEquals(Double.parseDouble(header.get("value")), net.loss(pass, m.get("Y")),
                TOLERANCE * Math.abs(Double.parseDouble(header.get("value"))));
        for (int l = 1; l <= acts.length; l++) {
            close("dW" + l, m.get("dW" + l), g.get("W" + l));
            close("db" + l, m.get("db" + l), g.get("b" + l));
        }
    }

    private static void close(String what, DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " cols");
        double scale = 0;
        for (double v : expected.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertEquals(expected.data[i], actual.data[i], TOLERANCE * Math.max(scale, 1e-300),
                    what + " entry " + i);
        }
    }

    private static Map<String, DMatrixRMaj> read(String name, Map<String, String> header) throws IOException {
        Map<String, DMatrixRMaj> out = new HashMap<>();
        try (InputStream in = ReferenceValuesTest.class.getResourceAsStream(name + ".txt")) {
            assertNotNull(in, name + ".txt");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ", 2);
                if (f[0].equals("activations") || f[0].equals("loss") || f[0].equals("value")) {
                    header.put(f[0], f[1]);
                    continue;
                }
                String[] dims = f[1].split(" ");
                int rows = Integer.parseInt(dims[0]);
                int cols = Integer.parseInt(dims[1]);
                DMatrixRMaj M = new DMatrixRMaj(rows, cols);
                for (int i = 0; i < rows; i++) {
                    String[] v = r.readLine().trim().split(" ");
                    for (int j = 0; j < cols; j++) {
                        M.set(i, j, Double.parseDouble(v[j]));
                    }
                }
                out.put(f[0], M);
            }
        }
        return out;
    }
}
