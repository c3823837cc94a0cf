package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

/**
 * What the BLAS thread count does to a seeded run: the same 784-128-64-10 training in fresh JVMs,
 * told to use 1 or 2 BLAS threads. The same count repeats bit for bit; another count may move the
 * last bits (OpenBLAS splits a product among its threads, which can change the order of additions).
 */
class BlasThreadsTest {

    /** The training run of a child JVM: writes the product engine and every weight to args[0]. */
    public static void main(String[] args) throws IOException {
        Rng rng = new Rng(11);
        DMatrixRMaj X = TrainData.inputs(256, 784, rng);
        DMatrixRMaj Y = new DMatrixRMaj(256, 10);
        for (int i = 0; i < 256; i++) {
            Y.set(i, rng.nextInt(10), 1);
        }
        Network net = Network.builder(784).dense(128, Activations.relu()).dense(64, Activations.relu())
                .dense(10, Activations.softmax()).loss(Losses.categoricalCrossEntropy())
                .build(Initializers.heNormal(), new Rng(12));
        Trainer.builder().optimizer(new GradientDescent(0.05)).batching(Batching.miniBatch(64)).maxIterations(20)
                .keepHistory(false).build().fit(net, X, Y, new Rng(13));
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            out.writeUTF(Products.engineName());
            for (DMatrixRMaj p : net.parameterValues()) {
                out.writeInt(p.getNumElements());
                for (int i = 0; i < p.getNumElements(); i++) {
                    out.writeLong(Double.doubleToRawLongBits(p.data[i]));
                }
            }
        }
    }

    private static List<Object> runWithThreads(Path dir, String threads) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("weights-" + threads + ".bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BlasThreadsTest.class.getName(), file.toString());
        pb.environment().put("OPENBLAS_NUM_THREADS", threads);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("log-" + threads + ".txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        assertEquals(0, p.exitValue(), () -> {
            try {
                return Files.readString(dir.resolve("log-" + threads + ".txt"));
            } catch (IOException e) {
                return e.toString();
            }
        });
        List<Object> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            out.add(in.readUTF());
            while (in.available() > 0) {
                int n = in.readInt();
                long[] bits = new long[n];
                for (int i = 0; i < n; i++) {
                    bits[i] = in.readLong();
                }
                out.add(bits);
            }
        }
        return out;
    }

    private static long[][] weights(List<Object> run) {
        long[][] w = new long[run.size() - 1][];
        for (int k = 1; k < run.size(); k++) {
            w[k - 1] = (long[]) run.get(k);
        }
        return w;
    }

    @Test
    void theSameThreadCountRepeatsBitForBit(@TempDir Path dir) throws Exception {
        List<Object> first = runWithThreads(dir.resolve("a"), "2");
        List<Object> second = runWithThreads(dir.resolve("b"), "2");
        assertEquals(first.get(0), second.get(0), "the same product engine");
        long[][] a = weights(first);
        long[][] b = weights(second);
        int differing = 0;
        int total = 0;
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < a[k].length; i++) {
                differing += a[k][i] != b[k][i] ? 1 : 0;
                total++;
            }
        }
        assertEquals(109_386, total);
        assertEquals(0, differing, differing + " of " + total + " weights differ between two runs with 2 BLAS threads");
    }

    /**
     * Another thread count may add in another order (the kernels fix it for that reason), but only
     * the last bits move: every weight agrees to 1e-9 of the largest |w| of its matrix.
     */
    @Test
    void anotherThreadCountMovesOnlyTheLastBits(@TempDir Path dir) throws Exception {
        long[][] one = weights(runWithThreads(dir.resolve("a"), "1"));
        long[][] two = weights(runWithThreads(dir.resolve("b"), "2"));
        for (int k = 0; k < one.length; k++) {
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < one[k].length; i++) {
                double x = Double.longBitsToDouble(one[k][i]);
                double y = Double.longBitsToDouble(two[k][i]);
                scale = Math.max(scale, Math.abs(x));
                worst = Math.max(worst, Math.abs(x - y));
            }
            assertTrue(scale > 0 && worst <= 1e-9 * scale,
                    "parameter " + (k + 1) + ": largest difference " + worst + " against |w| up to " + scale);
        }
    }
}
