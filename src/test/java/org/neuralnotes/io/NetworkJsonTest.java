package org.neuralnotes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralnotes.Fixtures.refuses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.activation.ElementwiseActivation;
import org.neuralnotes.activation.LeakyRelu;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.loss.Objective;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

class NetworkJsonTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), 1e-310, -2.5e-320, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300,
            -7.5e-300, 0.1, 1.0 / 3, 2e23, Math.PI};

    /** Every entry of every parameter from random bit patterns (finite), then the special values. */
    private static void fillWithAwkwardNumbers(Network net, Rng rng) {
        int s = 0;
        for (DMatrixRMaj M : net.parameterValues()) {
            for (int i = 0; i < M.data.length; i++) {
                double v;
                if (s < SPECIAL.length && rng.nextInt(2) == 0) {
                    v = SPECIAL[s++];
                } else {
                    do {
                        v = Double.longBitsToDouble(rng.nextLong());
                    } while (!Double.isFinite(v));
                }
                M.data[i] = v;
            }
        }
    }

    private static Network mixed(Rng rng) {
        return Network.builder(4)
                .dense(5, Activations.leakyRelu(0.01))
                .dense(6, Activations.tanh())
                .dense(3, Activations.leakyRelu(0.37))
                .dense(4, Activations.relu())
                .dense(2, Activations.sigmoid())
                .loss(Losses.binaryCrossEntropy())
                .build(Fixtures.uniformInit(1), Fixtures.uniformInit(0.5), rng);
    }

    private static void assertSameNetwork(Network a, Network b) {
        assertEquals(a.depth(), b.depth());
        assertEquals(a.inputs(), b.inputs());
        for (int l = 1; l <= a.depth(); l++) {
            assertEquals(a.layer(l).activation().getClass(), b.layer(l).activation().getClass());
            assertEquals(a.layer(l).activation().toString(), b.layer(l).activation().toString());
            if (a.layer(l).activation() instanceof LeakyRelu) {
                assertEquals(Double.doubleToRawLongBits(((LeakyRelu) a.layer(l).activation()).slope()),
                        Double.doubleToRawLongBits(((LeakyRelu) b.layer(l).activation()).slope()));
            }
        }
        assertEquals(a.objective().loss().name(), b.objective().loss().name());
        assertEquals(a.objective().softmaxGradient(), b.objective().softmaxGradient());
        assertSame(b.layer(b.depth()).activation(), b.objective().output());
        List<DMatrixRMaj> pa = a.parameterValues();
        List<DMatrixRMaj> pb = b.parameterValues();
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).numRows, pb.get(i).numRows);
            assertEquals(pa.get(i).numCols, pb.get(i).numCols);
            for (int j = 0; j < pa.get(i).data.length; j++) {
                long x = Double.doubleToRawLongBits(pa.get(i).data[j]);
                long y = Double.doubleToRawLongBits(pb.get(i).data[j]);
                int at = j;
                int which = i;
                assertEquals(x, y, () -> a.parameterNames().get(which) + "[" + at + "]: "
                        + Double.longBitsToDouble(x) + " came back as " + Double.longBitsToDouble(y));
            }
        }
    }

    @Test
    void roundTripIsBitExact() {
        Rng rng = new Rng(31);
        for (int trial = 0; trial < 20; trial++) {
            Network net = mixed(rng);
            fillWithAwkwardNumbers(net, rng);
            String json = NetworkJson.toJson(net);
            Network back = NetworkJson.fromJson(json);
            assertSameNetwork(net, back);
            assertNotSame(net.layer(1).W(), back.layer(1).W());
            // writing the loaded network gives the same text
            assertEquals(json, NetworkJson.toJson(back));
        }
    }

    @Test
    void keepsEveryLossAndSoftmaxMode() {
        Rng rng = new Rng(32);
        Network[] nets = {
            Network.builder(3).dense(4, Activations.relu()).dense(3, Activations.softmax())
                    .loss(Losses.categoricalCrossEntropy()).build(Fixtures.uniformInit(1), rng),
            Network.builder(3).dense(4, Activations.sigmoid()).dense(3, Activations.softmax())
                    .loss(Losses.halfMeanSquaredError()).softmaxGradient(Objective.SoftmaxGradient.A_MINUS_Y)
                    .build(Fixtures.uniformInit(1), rng),
            Network.builder(3).dense(3, Activations.softmax()).loss(Losses.halfMeanSquaredError())
                    .softmaxGradient(Objective.SoftmaxGradient.DROP_AVERAGED_ERROR).build(Fixtures.uniformInit(1), rng),
            Network.builder(2).dense(3, Activations.identity()).dense(1, Activations.identity())
                    .loss(Losses.l2()).build(Fixtures.uniformInit(1), rng),
            Network.builder(2).dense(1, Activations.identity()).loss(Losses.sumOfSquares()).build(Fixtures.uniformInit(1), rng),
            Network.builder(2).dense(2, Activations.tanh()).loss(Losses.halfSumOfSquares()).build(Fixtures.uniformInit(1), rng),
            Network.builder(2).dense(2, Activations.relu()).loss(Losses.meanSquaredError()).build(Fixtures.uniformInit(1), rng),
        };
        for (Network net : nets) {
            Network back = NetworkJson.fromJson(NetworkJson.toJson(net));
            assertSameNetwork(net, back);
            assertEquals(net.toString(), back.toString());
        }
    }

    @Test
    void predictionsAndLossAreIdenticalAfterLoading(@TempDir Path dir) throws IOException {
        Rng rng = new Rng(33);
        Network net = Network.builder(4).dense(6, Activations.leakyRelu(0.05)).dense(5, Activations.tanh())
                .dense(3, Activations.softmax()).loss(Losses.categoricalCrossEntropy())
                .build(Fixtures.uniformInit(1.5), Fixtures.uniformInit(0.5), rng);
        DMatrixRMaj X = Fixtures.uniform(20, 4, -3, 3, rng);
        DMatrixRMaj Y = Fixtures.oneHot(20, 3, rng);
        Path file = dir.resolve("net.json");
        NetworkJson.save(net, file);
        Network back = NetworkJson.load(file);
        DMatrixRMaj p = net.predict(X);
        DMatrixRMaj q = back.predict(X);
        for (int i = 0; i < p.data.length; i++) {
            assertEquals(Double.doubleToRawLongBits(p.data[i]), Double.doubleToRawLongBits(q.data[i]));
        }
        assertEquals(Double.doubleToRawLongBits(net.loss(X, Y)), Double.doubleToRawLongBits(back.loss(X, Y)));
        assertEquals(NetworkJson.toJson(net), Files.readString(file));
    }

    private static String valid() {
        return "{\n"
                + "  \"format\": \"neuralnotes-network\",\n"
                + "  \"version\": 1,\n"
                + "  \"inputs\": 2,\n"
                + "  \"loss\": \"binary_cross_entropy\",\n"
                + "  \"softmax_gradient\": \"EXACT\",\n"
                + "  \"layers\": [\n"
                + "    {\"units\": 3, \"activation\": \"leaky_relu\", \"slope\": 0.01,\n"
                + "     \"W\": [[0.5, -1.25, 0.0], [2.0E-3, 1.0, -0.0]], \"b\": [0.0, 0.0, 0.1]},\n"
                + "    {\"units\": 1, \"activation\": \"sigmoid\", \"W\": [[1.0], [2.0], [3.0]], \"b\": [0.0]}\n"
                + "  ]\n"
                + "}\n";
    }

    @Test
    void readsAHandWrittenFile() {
        Network net = NetworkJson.fromJson(valid());
        assertEquals(2, net.depth());
        assertEquals(0.01, ((LeakyRelu) net.layer(1).activation()).slope(), 0.0);
        assertEquals(-1.25, net.layer(1).W().get(0, 1), 0.0);
        assertEquals(0.002, net.layer(1).W().get(1, 0), 0.0);
        assertEquals(3.0, net.layer(2).W().get(2, 0), 0.0);
        assertEquals("binary_cross_entropy", net.objective().loss().name());
    }

    @Test
    void refusesMalformedFilesSayingWhatIsWrong() {
        String v = valid();
        refuses(() -> NetworkJson.fromJson(v.replace("\"version\": 1,\n", "")), "json:", "missing field \"version\"");
        refuses(() -> NetworkJson.fromJson(v.replace(", \"b\": [0.0]}", "}")), "json:", "layers[1]",
                "missing field \"b\"");
        refuses(() -> NetworkJson.fromJson(v.replace("\"slope\": 0.01,", "")), "json:", "layers[0]",
                "missing field \"slope\"");
        refuses(() -> NetworkJson.fromJson(v.replace("\"sigmoid\"", "\"swish\"")), "json:", "layers[1].activation",
                "unknown activation \"swish\"");
        refuses(() -> NetworkJson.fromJson(v.replace("binary_cross_entropy", "hinge")), "json:", "loss",
                "unknown loss \"hinge\"");
        refuses(() -> NetworkJson.fromJson(v.replace("\"EXACT\"", "\"ROUGH\"")), "json:", "softmax_gradient",
                "ROUGH");
        refuses(() -> NetworkJson.fromJson(v.replace("[[1.0], [2.0], [3.0]]", "[[1.0], [2.0]]")), "json:",
                "layers[1].W", "3x1", "found 2 rows");
        refuses(() -> NetworkJson.fromJson(v.replace("[2.0E-3, 1.0, -0.0]", "[2.0E-3, 1.0]")), "json:",
                "layers[0].W[1]", "expected 3 numbers, found 2");
        refuses(() -> NetworkJson.fromJson(v.replace("\"b\": [0.0, 0.0, 0.1]", "\"b\": [0.0, \"x\", 0.1]")),
                "json:", "layers[0].b[1]", "expected a number", "\"x\"");
        refuses(() -> NetworkJson.fromJson(v.replace("0.5, -1.25", "0.5, -1.25e999")), "json:", "layers[0].W[0][1]",
                "finite");
        refuses(() -> NetworkJson.fromJson(v.replace("\"inputs\": 2", "\"inputs\": 3")), "json:", "layers[0].W",
                "3x3", "found 2 rows");
        refuses(() -> NetworkJson.fromJson(v.replace("\"units\": 1", "\"units\": 1.5")), "json:", "layers[1].units",
                "whole number", "1.5");
        refuses(() -> NetworkJson.fromJson(v.replace("\"version\": 1", "\"version\": 2")), "json:", "version",
                "expected 1, found 2");
        refuses(() -> NetworkJson.fromJson(v.replace("neuralnotes-network", "keras")), "json:", "format", "keras");
        refuses(() -> NetworkJson.fromJson(v.replace("\"units\": 3,", "\"units\": 3, \"dropout\": 0.5,")), "json:",
                "layers[0]", "unknown field \"dropout\"");
        refuses(() -> NetworkJson.fromJson(v.replace("\"sigmoid\", \"W\"", "\"sigmoid\", \"slope\": 0.1, \"W\"")),
                "json:", "layers[1].slope", "only a leaky_relu");
        refuses(() -> NetworkJson.fromJson(v.replace("\"slope\": 0.01", "\"slope\": 2.0")), "json:",
                "layers[0].slope", "[0, 1)");
        refuses(() -> NetworkJson.fromJson(v.replace("\"sigmoid\"", "\"identity\"")), "json:", "loss",
                "binary cross-entropy needs a sigmoid output");
        refuses(() -> NetworkJson.fromJson(v.replace("\"layers\": [", "\"layers\": {").replace("  ]\n}", "  }\n}")),
                "json:", "malformed JSON");
        refuses(() -> NetworkJson.fromJson(v.replace("\"layers\": [\n", "\"layers\": [],\n \"x\": [\n")), "json:");
        refuses(() -> NetworkJson.fromJson("[1, 2]"), "json:", "the top level", "expected an object");
        refuses(() -> NetworkJson.fromJson("{\"format\": \"neuralnotes-network\""), "json:", "malformed JSON",
                "line 1");
        refuses(() -> NetworkJson.fromJson(null), "json:", "null");
        String empty = v.substring(0, v.indexOf("\"layers\"")) + "\"layers\": []\n}";
        refuses(() -> NetworkJson.fromJson(empty), "json:", "layers", "at least one layer");
    }

    @Test
    void refusesANetworkItCouldNotReadBack() {
        ElementwiseActivation swish = new ElementwiseActivation() {
            @Override
            public String name() {
                return "swish";
            }

            @Override
            public double value(double z) {
                return z / (1 + Math.exp(-z));
            }

            @Override
            public double derivative(double z, double a) {
                double s = 1 / (1 + Math.exp(-z));
                return s + z * s * (1 - s);
            }
        };
        Network net = Network.builder(2).dense(3, swish).dense(1, Activations.identity())
                .loss(Losses.halfSumOfSquares()).build(Fixtures.uniformInit(1), new Rng(34));
        refuses(() -> NetworkJson.toJson(net), "net:", "layer 1", "\"swish\"");
        refuses(() -> NetworkJson.toJson(null), "net:");
    }

    @Test
    void loadNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"neuralnotes-network\"}");
        refuses(() -> {
            try {
                NetworkJson.load(file);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, "path:", "broken.json", "missing field \"version\"");
        assertThrows(IOException.class, () -> NetworkJson.load(dir.resolve("absent.json")));
        refuses(() -> {
            try {
                NetworkJson.save(null, dir.resolve("x.json"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, "net:");
        assertTrue(Files.notExists(dir.resolve("x.json")));
    }

    @Test
    void numbersRoundTripBitForBit() {
        // 200,000 finite doubles from random bit patterns, then the awkward ones, through one file
        Rng rng = new Rng(2024);
        Network net = Network.builder(400).dense(500, Activations.identity()).loss(Losses.meanSquaredError())
                .build(Fixtures.uniformInit(1), rng);
        double[] W = net.layer(1).W().data;
        for (int i = 0; i < W.length; i++) {
            double v;
            do {
                v = Double.longBitsToDouble(rng.nextLong());
            } while (!Double.isFinite(v));
            W[i] = v;
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310, 2e-323, 1e308,
                0.1, 1.0 / 3, 2e23, 1e23, 9007199254740993.0, Math.PI, -Math.E, 5e-324};
        System.arraycopy(special, 0, net.layer(1).b().data, 0, special.length);
        assertSameNetwork(net, NetworkJson.fromJson(NetworkJson.toJson(net)));
    }

    @Test
    void refusesWhatStrictJsonRefuses() {
        String v = valid();
        refuses(() -> NetworkJson.fromJson(v.replace("\"version\": 1,", "\"version\": 1, \"version\": 1,")),
                "json:", "malformed JSON", "Duplicate field 'version'");
        refuses(() -> NetworkJson.fromJson(v + " x"), "json:", "malformed JSON");
        refuses(() -> NetworkJson.fromJson(v.replace("0.5, -1.25", "NaN, -1.25")), "json:", "malformed JSON",
                "line 9");
        refuses(() -> NetworkJson.fromJson(v.replace("\"units\": 1,", "\"units\": true,")), "json:",
                "layers[1].units", "whole number", "true");
        // a number written as a whole number is read as the same double
        Network net = NetworkJson.fromJson(v.replace("[[1.0], [2.0], [3.0]]", "[[1], [2], [3e0]]"));
        assertEquals(3.0, net.layer(2).W().get(2, 0), 0.0);
    }

    @Test
    void declaredSizesAreCheckedAgainstTheDataBeforeAllocating() {
        // 173 bytes declaring a billion units with a 1x1 W: refused, naming the field, without allocating
        String tiny = "{\"format\": \"neuralnotes-network\", \"version\": 1, \"inputs\": 1,"
                + " \"loss\": \"half_mse\", \"softmax_gradient\": \"EXACT\", \"layers\": [{\"units\": 1000000000,"
                + " \"activation\": \"identity\", \"W\": [[0.5]], \"b\": [0.0]}]}";
        refuses(() -> NetworkJson.fromJson(tiny), "json:", "layers[0].units", "declares 1000000000 units",
                "layers[0].W[0] holds 1 numbers");
        refuses(() -> NetworkJson.fromJson(tiny.replace("\"inputs\": 1", "\"inputs\": 2000000000")
                .replace("1000000000", "1")), "json:", "layers[0].W", "2000000000x1", "found 1 rows");
        refuses(() -> NetworkJson.fromJson(tiny.replace("1000000000", "1").replace("[0.0]", "[0.0, 1.0]")),
                "json:", "layers[0].units", "layers[0].b holds 2 numbers");
        assertEquals(1, NetworkJson.fromJson(tiny.replace("1000000000", "1")).outputs());
    }

    @Test
    void everyLoadErrorNamesThePath(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("latin1.json");
        Files.write(bad, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        refuses(() -> load(bad), "path:", bad.toString(), "expected UTF-8 text", "at byte 2");
        refuses(() -> load(dir), "path:", dir.toString(), "is a directory", "expected a network file");
        Path absent = dir.resolve("absent.json");
        IOException e = assertThrows(IOException.class, () -> NetworkJson.load(absent));
        assertTrue(e.getMessage().startsWith("path: cannot read " + absent), e.getMessage());
        Path text = dir.resolve("notes.json");
        Files.writeString(text, "not json");
        refuses(() -> load(text), "path:", text.toString(), "malformed JSON", "line 1");
    }

    private static Network load(Path p) {
        try {
            return NetworkJson.load(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void saveReplacesTheFileAtomically(@TempDir Path dir) throws IOException {
        Rng rng = new Rng(35);
        Network old = mixed(rng);
        Network fresh = mixed(rng);
        Path file = dir.resolve("net.json");
        NetworkJson.save(old, file);
        String oldText = Files.readString(file);
        // a hard link to the saved file: an in-place write would show the new text through it too
        Path link = dir.resolve("link.json");
        Files.createLink(link, file);
        NetworkJson.save(fresh, file);
        assertEquals(NetworkJson.toJson(fresh), Files.readString(file));
        assertEquals(oldText, Files.readString(link));
        // nothing is left beside it
        try (var files = Files.list(dir)) {
            assertEquals(List.of("link.json", "net.json"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void aSaveThatFailsHalfWayLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Rng rng = new Rng(36);
        Path file = dir.resolve("net.json");
        NetworkJson.save(mixed(rng), file);
        String oldText = Files.readString(file);
        byte[] newText = NetworkJson.toJson(mixed(rng)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // the disk fills up after half of the bytes
        AtomicFile.Writing halfThenFull = (channel, bytes) -> {
            channel.write(java.nio.ByteBuffer.wrap(bytes, 0, bytes.length / 2));
            throw new IOException("No space left on device");
        };
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, newText, halfThenFull));
        assertTrue(e.getMessage().startsWith("path: saving " + file + " failed, the file is left as it was"),
                e.getMessage());
        assertEquals(oldText, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
        assertSameNetwork(NetworkJson.fromJson(oldText), NetworkJson.load(file));
        // a folder that does not exist is named
        IOException missing = assertThrows(IOException.class,
                () -> NetworkJson.save(mixed(rng), dir.resolve("no/such/net.json")));
        assertTrue(missing.getMessage().startsWith("path: cannot write a file in "), missing.getMessage());
        refuses(() -> {
            try {
                NetworkJson.save(mixed(rng), dir);
            } catch (IOException x) {
                throw new AssertionError(x);
            }
        }, "path:", "is a directory");
    }
}
