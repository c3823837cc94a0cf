package org.neuralnotes.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.LeakyRelu;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Dense;
import org.neuralnotes.nn.Network;

/**
 * Saves a network as JSON text and reads it back, bit for bit (with Jackson).
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
 *       "W": [ [ 0.5, -1.25, 0.0 ], [ 0.002, 1.0, -0.0 ] ],
 *       "b": [ 0.0, 0.0, 0.1 ]
 *     },
 *     {
 *       "units": 1,
 *       "activation": "sigmoid",
 *       "W": [ [ 1.0 ], [ 2.0 ], [ 3.0 ] ],
 *       "b": [ 0.0 ]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * Reading is strict: a missing, repeated or unknown field, a matrix of the wrong shape, an
 * unknown activation or loss, or a non-finite number is refused with a message that names the
 * place in the file ({@code layers[1].W[2]}) and what was expected. Every declared size is
 * compared with the arrays present before a matrix is allocated, so reading a file never takes
 * more memory than its numbers need. {@link #save} writes a temporary file beside the target and
 * moves it into place in one atomic step: the target holds the old network or the new one, never
 * a part, and a failed save leaves it as it was.
 */
public final class NetworkJson {
    /** The value of the "format" field. */
    public static final String FORMAT = "neuralnotes-network";
    /** The version of the layout this class writes and reads. */
    public static final int VERSION = 1;

    /** Strict reading: a field given twice or text after the value is an error. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** "key": value, objects one field a line, arrays (the rows of W) on one line. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private NetworkJson() {}

    /** The network as JSON text (see the class comment for the layout). */
    public static String toJson(Network net) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected a network, found null");
        }
        Objective objective = net.objective();
        checkRebuildable(net);
        ObjectNode top = JSON.createObjectNode();
        top.put("format", FORMAT);
        top.put("version", VERSION);
        top.put("inputs", net.inputs());
        top.put("loss", objective.loss().name());
        top.put("softmax_gradient", objective.softmaxGradient().name());
        ArrayNode layers = top.putArray("layers");
        for (Dense d : net.layers()) {
            ObjectNode layer = layers.addObject();
            layer.put("units", d.units());
            layer.put("activation", d.activation().name());
            if (d.activation() instanceof LeakyRelu) {
                layer.put("slope", ((LeakyRelu) d.activation()).slope());
            }
            ArrayNode W = layer.putArray("W");
            for (int r = 0; r < d.W().numRows; r++) {
                row(W.addArray(), d.W().data, r * d.units(), d.units());
            }
            row(layer.putArray("b"), d.b().data, 0, d.units());
        }
        try {
            return JSON.writer(LAYOUT).writeValueAsString(top) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("net: could not write it as JSON: " + e.getOriginalMessage(), e);
        }
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
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json: malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        try {
            return NetworkReader.read(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("json: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #toJson(Network)} to a file in UTF-8, replacing what was there atomically:
     * the text goes to a temporary file in the same folder, is forced to the disk, then moved
     * onto {@code path} in one step. If anything fails the old file is left as it was (a hard
     * link to it keeps the old text in every case).
     *
     * @throws IOException naming the path, when the folder cannot be written
     */
    public static void save(Network net, Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path: expected a file path, found null");
        }
        byte[] text = toJson(net).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(path, text, AtomicFile.WHOLE);
    }

    /**
     * Reads a network saved by {@link #save}.
     *
     * @throws IOException              naming the path, when it cannot be read (absent, no permission)
     * @throws IllegalArgumentException naming the path and what was expected, for a directory, text
     *                                  that is not UTF-8, or JSON that is not a network
     */
    public static Network load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path: expected a file path, found null");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("path: " + path + " is a directory; expected a network"
                    + " file written by NetworkJson.save");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IOException("path: cannot read " + path + " (expected a network file written by"
                    + " NetworkJson.save): " + e, e);
        }
        try {
            return fromJson(utf8(bytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("path: " + path + " does not hold a network: "
                    + e.getMessage(), e);
        }
    }

    /** The bytes decoded as UTF-8, refusing a byte sequence that is not UTF-8 with its offset. */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new IllegalArgumentException("json: expected UTF-8 text, found a byte sequence that is"
                    + " not UTF-8 at byte " + in.position() + " (of " + bytes.length + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static void row(ArrayNode into, double[] data, int offset, int n) {
        for (int j = 0; j < n; j++) {
            into.add(data[offset + j]);
        }
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
}
