package org.neuralnotes.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Dense;
import org.neuralnotes.nn.Network;

/**
 * The network a parsed JSON tree describes (the layout of {@link NetworkJson}). Every field is
 * checked, and every declared size is compared with the arrays present before a matrix is
 * allocated; a refusal names the place in the file ({@code layers[0].units}) and what was expected.
 */
final class NetworkReader {
    private static final Set<String> TOP_FIELDS =
            Set.of("format", "version", "inputs", "loss", "softmax_gradient", "layers");
    private static final Set<String> LAYER_FIELDS = Set.of("units", "activation", "slope", "W", "b");
    private static final String TOP = "the top level";

    private NetworkReader() {}

    static Network read(JsonNode root) {
        object(root, TOP);
        onlyFields(root, TOP_FIELDS, TOP);
        String format = string(root, "format", TOP);
        if (!format.equals(NetworkJson.FORMAT)) {
            throw new IllegalArgumentException("format: expected \"" + NetworkJson.FORMAT + "\", found \""
                    + format + "\"");
        }
        int version = integer(root, "version", TOP);
        if (version != NetworkJson.VERSION) {
            throw new IllegalArgumentException("version: expected " + NetworkJson.VERSION + ", found " + version);
        }
        int inputs = integer(root, "inputs", TOP);
        String lossName = string(root, "loss", TOP);
        Loss loss;
        try {
            loss = Losses.byName(lossName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss: unknown loss \"" + lossName + "\"; " + e.getMessage(), e);
        }
        String modeName = string(root, "softmax_gradient", TOP);
        Objective.SoftmaxGradient mode;
        try {
            mode = Objective.SoftmaxGradient.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("softmax_gradient: expected one of "
                    + List.of(Objective.SoftmaxGradient.values()) + ", found \"" + modeName + "\"", e);
        }
        JsonNode layerList = field(root, "layers", TOP);
        if (!layerList.isArray()) {
            throw new IllegalArgumentException("layers: expected an array of layers, found " + kind(layerList));
        }
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

    private static Dense layer(JsonNode m, String where, int inputs) {
        object(m, where);
        onlyFields(m, LAYER_FIELDS, where);
        int units = integer(m, "units", where);
        Activation g = activation(m, where);
        JsonNode W = field(m, "W", where);
        JsonNode b = field(m, "b", where);
        // the sizes declared against the arrays present, before anything is allocated
        checkRows(W, where + ".W", inputs, units);
        for (int r = 0; r < inputs; r++) {
            checkLength(W.get(r), where + ".W[" + r + "]", units, where);
        }
        checkLength(b, where + ".b", units, where);
        DMatrixRMaj Wm = new DMatrixRMaj(inputs, units);
        for (int r = 0; r < inputs; r++) {
            numbers(W.get(r), where + ".W[" + r + "]", Wm.data, r * units);
        }
        DMatrixRMaj bm = new DMatrixRMaj(1, units);
        numbers(b, where + ".b", bm.data, 0);
        return new Dense(Wm, bm, g);
    }

    private static Activation activation(JsonNode m, String where) {
        String name = string(m, "activation", where);
        if (name.equals("leaky_relu")) {
            double slope = number(field(m, "slope", where), where + ".slope");
            try {
                return Activations.leakyRelu(slope);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".slope: " + e.getMessage(), e);
            }
        }
        if (m.has("slope")) {
            throw new IllegalArgumentException(where + ".slope: only a leaky_relu layer has a slope,"
                    + " found one on activation \"" + name + "\"");
        }
        try {
            return Activations.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".activation: unknown activation \"" + name
                    + "\"; " + e.getMessage(), e);
        }
    }

    /** W must be an array of as many rows as the layer has inputs. */
    private static void checkRows(JsonNode W, String where, int rows, int cols) {
        if (!W.isArray()) {
            throw new IllegalArgumentException(where + ": expected an array of " + rows + " rows, found "
                    + kind(W));
        }
        if (W.size() != rows) {
            throw new IllegalArgumentException(where + ": expected shape " + rows + "x" + cols + " ("
                    + rows + " rows), found " + W.size() + " rows");
        }
    }

    /** A row of W, or b, must hold as many numbers as the layer declares units. */
    private static void checkLength(JsonNode v, String where, int units, String layer) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(where + ": expected an array of " + units + " numbers, found "
                    + kind(v));
        }
        if (v.size() != units) {
            throw new IllegalArgumentException(layer + ".units: declares " + units + " units, but " + where
                    + " holds " + v.size() + " numbers (expected " + units + " numbers, found " + v.size() + ")");
        }
    }

    private static void numbers(JsonNode v, String where, double[] into, int offset) {
        for (int j = 0; j < v.size(); j++) {
            into[offset + j] = number(v.get(j), where + "[" + j + "]");
        }
    }

    private static void object(JsonNode v, String where) {
        if (!v.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object, found " + kind(v));
        }
    }

    private static void onlyFields(JsonNode m, Set<String> allowed, String where) {
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + k + "\"; expected only "
                        + new TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode field(JsonNode m, String name, String where) {
        if (!m.has(name)) {
            throw new IllegalArgumentException(where + ": missing field \"" + name + "\"");
        }
        return m.get(name);
    }

    private static String string(JsonNode m, String name, String where) {
        JsonNode v = field(m, name, where);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(prefix(where, name) + ": expected a string, found " + kind(v));
        }
        return v.textValue();
    }

    private static int integer(JsonNode m, String name, String where) {
        JsonNode v = field(m, name, where);
        String at = prefix(where, name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(at + ": expected a whole number >= 1, found " + kind(v));
        }
        double d = v.doubleValue();
        if (!(d >= 1 && d <= Integer.MAX_VALUE && d == Math.rint(d))) {
            throw new IllegalArgumentException(at + ": expected a whole number >= 1, found " + d);
        }
        return (int) d;
    }

    private static double number(JsonNode v, String where) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": expected a number, found " + kind(v));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(where + ": expected a finite number, found " + d
                    + " (a number too large for a double)");
        }
        return d;
    }

    private static String prefix(String where, String name) {
        return where.equals(TOP) ? name : where + "." + name;
    }

    private static String kind(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array of " + v.size();
        }
        if (v.isTextual()) {
            return "the string \"" + v.textValue() + "\"";
        }
        if (v.isBoolean()) {
            return v.toString();
        }
        return "the number " + v.asText();
    }
}
