package org.neuralnotes.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.LeakyRelu;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Dense;
import org.neuralnotes.nn.Network;

/**
 * Saves a network as JSON text and reads it back, bit for bit.
 *
 * <p>The file holds everything that defines the network: the layers in order, each with
 * its activation (a leaky ReLU with its slope), its W (inputs × units, one JSON array per
 * row) and b (1 × units, one array), the loss by name and the softmax gradient mode. Every
 * number is written with {@link Double#toString(double)}, which {@link Double#parseDouble}
 * reads back to the same double, so a loaded network predicts exactly what the saved one
 * did. An example:
 *
 * <pre>{@code
 * {
 *   "format": "neuralnotes-network",
 *   "version": 1,
 *   "inputs": 2,
 *   "loss": "binary_cross_entropy",
 *   "softmax_gradient": "EXACT",
 *   "layers": [
 *     {
 *       "units": 3,
 *       "activation": "leaky_relu",
 *       "slope": 0.01,
 *       "W": [
 *         [0.5, -1.25, 0.0],
 *         [0.002, 1.0, -0.0]
 *       ],
 *       "b": [0.0, 0.0, 0.1]
 *     },
 *     {
 *       "units": 1,
 *       "activation": "sigmoid",
 *       "W": [[1.0], [2.0], [3.0]],
 *       "b": [0.0]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * Reading is strict: a missing or unknown field, a matrix of the wrong shape, an unknown
 * activation or loss, or a non-finite number is refused with a message that names the
 * place in the file ({@code layers[1].W[2]}) and what was expected.
 */
public final class NetworkJson {
    /** The value of the "format" field. */
    public static final String FORMAT = "neuralnotes-network";
    /** The version of the layout this class writes and reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_FIELDS =
            Set.of("format", "version", "inputs", "loss", "softmax_gradient", "layers");
    private static final Set<String> LAYER_FIELDS = Set.of("units", "activation", "slope", "W", "b");

    private NetworkJson() {}

    /** The network as JSON text (see the class comment for the layout). */
    public static String toJson(Network net) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected a network, found null");
        }
        Objective objective = net.objective();
        checkRebuildable(net);
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
        s.append("  \"version\": ").append(VERSION).append(",\n");
        s.append("  \"inputs\": ").append(net.inputs()).append(",\n");
        s.append("  \"loss\": ").append(Json.quote(objective.loss().name())).append(",\n");
        s.append("  \"softmax_gradient\": ").append(Json.quote(objective.softmaxGradient().name()))
                .append(",\n");
        s.append("  \"layers\": [\n");
        List<Dense> layers = net.layers();
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            s.append("    {\n");
            s.append("      \"units\": ").append(d.units()).append(",\n");
            s.append("      \"activation\": ").append(Json.quote(d.activation().name())).append(",\n");
            if (d.activation() instanceof LeakyRelu) {
                s.append("      \"slope\": ").append(Json.number(((LeakyRelu) d.activation()).slope()))
                        .append(",\n");
            }
            s.append("      \"W\": [\n");
            DMatrixRMaj W = d.W();
            for (int r = 0; r < W.numRows; r++) {
                s.append("        ");
                row(s, W.data, r * W.numCols, W.numCols);
                s.append(r + 1 < W.numRows ? ",\n" : "\n");
            }
            s.append("      ],\n");
            s.append("      \"b\": ");
            row(s, d.b().data, 0, d.units());
            s.append('\n');
            s.append(l + 1 < layers.size() ? "    },\n" : "    }\n");
        }
        s.append("  ]\n");
        s.append("}\n");
        return s.toString();
    }

    /**
     * The network a JSON text describes.
     *
     * @param json text written by {@link #toJson} (or by hand in the same layout)
     * @throws IllegalArgumentException naming {@code json}, the place in the text and what is wrong
     */
    public static Network fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("json: expected JSON text, found null");
        }
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("json: " + e.getMessage(), e);
        }
        try {
            return read(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("json: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #toJson(Network)} to a file in UTF-8, replacing what was there. */
    public static void save(Network net, Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path: expected a file path, found null");
        }
        String text = toJson(net);
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /** Reads a network saved by {@link #save}. */
    public static Network load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path: expected a file path, found null");
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("path: " + path + " does not hold a network: "
                    + e.getMessage(), e);
        }
    }

    private static void row(StringBuilder s, double[] data, int offset, int n) {
        s.append('[');
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                s.append(", ");
            }
            s.append(Json.number(data[offset + j]));
        }
        s.append(']');
    }

    /** Refuses a network whose activations or loss the reader could not rebuild by name. */
    private static void checkRebuildable(Network net) {
        for (int l = 1; l <= net.depth(); l++) {
            Activation g = net.layer(l).activation();
            if (g instanceof LeakyRelu) {
                continue;
            }
            Activation rebuilt;
            try {
                rebuilt = Activations.byName(g.name());
            } catch (IllegalArgumentException e) {
                rebuilt = null;
            }
            if (rebuilt == null || rebuilt.getClass() != g.getClass()) {
                throw new IllegalArgumentException("net: layer " + l + " has the activation \"" + g.name()
                        + "\" (" + g.getClass().getName() + "), which Activations.byName cannot rebuild");
            }
        }
        Loss loss = net.objective().loss();
        Loss rebuilt;
        try {
            rebuilt = Losses.byName(loss.name());
        } catch (IllegalArgumentException e) {
            rebuilt = null;
        }
        if (rebuilt == null || rebuilt.getClass() != loss.getClass()) {
            throw new IllegalArgumentException("net: its loss \"" + loss.name() + "\" ("
                    + loss.getClass().getName() + ") cannot be rebuilt by Losses.byName");
        }
    }

    private static Network read(Object root) {
        Map<String, Object> top = object(root, "the top level");
        onlyFields(top, TOP_FIELDS, "the top level");
        String format = string(top, "format", "the top level");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = integer(top, "version", "the top level");
        if (version != VERSION) {
            throw new IllegalArgumentException("version: expected " + VERSION + ", found " + version);
        }
        int inputs = integer(top, "inputs", "the top level");
        String lossName = string(top, "loss", "the top level");
        Loss loss;
        try {
            loss = Losses.byName(lossName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss: unknown loss \"" + lossName + "\"; " + e.getMessage(), e);
        }
        String modeName = string(top, "softmax_gradient", "the top level");
        Objective.SoftmaxGradient mode;
        try {
            mode = Objective.SoftmaxGradient.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("softmax_gradient: expected one of "
                    + List.of(Objective.SoftmaxGradient.values()) + ", found \"" + modeName + "\"", e);
        }
        Object layersValue = field(top, "layers", "the top level");
        if (!(layersValue instanceof List)) {
            throw new IllegalArgumentException("layers: expected an array of layers, found " + kind(layersValue));
        }
        List<?> layerList = (List<?>) layersValue;
        if (layerList.isEmpty()) {
            throw new IllegalArgumentException("layers: expected at least one layer, found none");
        }
        List<Dense> layers = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l < layerList.size(); l++) {
            Dense d = layer(layerList.get(l), "layers[" + l + "]", in);
            layers.add(d);
            in = d.units();
        }
        Activation output = layers.get(layers.size() - 1).activation();
        Objective objective;
        try {
            objective = Objective.of(output, loss, mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss: \"" + lossName + "\" with output \"" + output
                    + "\" and softmax_gradient " + mode + " is refused: " + e.getMessage(), e);
        }
        return new Network(layers, objective);
    }

    private static Dense layer(Object value, String where, int inputs) {
        Map<String, Object> m = object(value, where);
        onlyFields(m, LAYER_FIELDS, where);
        int units = integer(m, "units", where);
        String name = string(m, "activation", where);
        Activation g;
        if (name.equals("leaky_relu")) {
            double slope = number(field(m, "slope", where), where + ".slope");
            try {
                g = Activations.leakyRelu(slope);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".slope: " + e.getMessage(), e);
            }
        } else {
            if (m.containsKey("slope")) {
                throw new IllegalArgumentException(where + ".slope: only a leaky_relu layer has a slope,"
                        + " found one on activation \"" + name + "\"");
            }
            try {
                g = Activations.byName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".activation: unknown activation \"" + name
                        + "\"; " + e.getMessage(), e);
            }
        }
        DMatrixRMaj W = matrix(field(m, "W", where), where + ".W", inputs, units);
        DMatrixRMaj b = new DMatrixRMaj(1, units);
        vector(field(m, "b", where), where + ".b", units, b.data, 0);
        return new Dense(W, b, g);
    }

    private static DMatrixRMaj matrix(Object value, String where, int rows, int cols) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + ": expected an array of " + rows + " rows, found "
                    + kind(value));
        }
        List<?> list = (List<?>) value;
        if (list.size() != rows) {
            throw new IllegalArgumentException(where + ": expected shape " + rows + "x" + cols + " ("
                    + rows + " rows), found " + list.size() + " rows");
        }
        DMatrixRMaj M = new DMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) {
            vector(list.get(r), where + "[" + r + "]", cols, M.data, r * cols);
        }
        return M;
    }

    private static void vector(Object value, String where, int n, double[] into, int offset) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + ": expected an array of " + n + " numbers, found "
                    + kind(value));
        }
        List<?> list = (List<?>) value;
        if (list.size() != n) {
            throw new IllegalArgumentException(where + ": expected " + n + " numbers, found " + list.size());
        }
        for (int j = 0; j < n; j++) {
            into[offset + j] = number(list.get(j), where + "[" + j + "]");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + ": expected an object, found " + kind(value));
        }
        return (Map<String, Object>) value;
    }

    private static void onlyFields(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + k + "\"; expected only "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static Object field(Map<String, Object> m, String name, String where) {
        if (!m.containsKey(name)) {
            throw new IllegalArgumentException(where + ": missing field \"" + name + "\"");
        }
        return m.get(name);
    }

    private static String string(Map<String, Object> m, String name, String where) {
        Object v = field(m, name, where);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(prefix(where, name) + ": expected a string, found " + kind(v));
        }
        return (String) v;
    }

    private static int integer(Map<String, Object> m, String name, String where) {
        Object v = field(m, name, where);
        String at = prefix(where, name);
        if (!(v instanceof Double)) {
            throw new IllegalArgumentException(at + ": expected a whole number >= 1, found " + kind(v));
        }
        double d = (Double) v;
        if (!(d >= 1 && d <= Integer.MAX_VALUE && d == Math.rint(d))) {
            throw new IllegalArgumentException(at + ": expected a whole number >= 1, found " + d);
        }
        return (int) d;
    }

    private static double number(Object v, String where) {
        if (!(v instanceof Double)) {
            throw new IllegalArgumentException(where + ": expected a number, found " + kind(v));
        }
        double d = (Double) v;
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(where + ": expected a finite number, found " + d
                    + " (a number too large for a double)");
        }
        return d;
    }

    private static String prefix(String where, String name) {
        return where.equals("the top level") ? name : where + "." + name;
    }

    private static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array of " + ((List<?>) v).size();
        }
        if (v instanceof String) {
            return "the string \"" + v + "\"";
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        return "the number " + v;
    }
}
