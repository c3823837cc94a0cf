package org.neuralnotes.bench;

import java.io.PrintStream;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Deeplearning4j peer of the benchmark suite: W1, W2 and W3 as a Deeplearning4j user
 * writes them ({@link Dl4jTraining}), in double precision, driven by tools/bench/run.py with
 * the protocol of {@link Worker}. Its classpath is Deeplearning4j's (bench/dl4j/pom.xml), the
 * library's classes (for {@code Rng}, so the data are the same draws) and EJML; not the
 * library's other dependencies.
 */
public final class Dl4jWorker {
    private Dl4jWorker() {}

    public static void main(String[] args) throws Exception {
        // the protocol owns standard output; whatever the libraries print goes to standard error
        PrintStream replies = System.out;
        System.setOut(System.err);
        // float64 everywhere, as the other workers
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Worker.serve(() -> "engine=" + Nd4j.getBackend().getClass().getSimpleName()
                        + "\tdtype=" + Nd4j.defaultFloatingPointType()
                        + "\tblas=" + Nd4j.factory().blas().getBlasVendor()
                        + "\tthreads=" + Nd4j.getEnvironment().maxThreads()
                        + " (BLAS " + Nd4j.factory().blas().getMaxThreads() + ")",
                Dl4jWorker::make, replies);
    }

    private static Workload make(Map<String, String> p) {
        long seed = Long.parseLong(p.get("seed"));
        double rate = Double.parseDouble(p.get("rate"));
        int iterations = Integer.parseInt(p.get("iterations"));
        String kind = p.get("kind");
        switch (kind) {
            case "logistic":
                return Dl4jTraining.logistic(seed, Integer.parseInt(p.get("n")),
                        Integer.parseInt(p.get("m")), iterations, rate);
            case "mlp": {
                String[] s = p.get("sizes").split(",");
                int[] sizes = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    sizes[i] = Integer.parseInt(s[i]);
                }
                return Dl4jTraining.mlp(seed, sizes, Integer.parseInt(p.get("examples")),
                        Integer.parseInt(p.get("batch")), iterations, rate);
            }
            default:
                throw new IllegalArgumentException("kind: expected logistic or mlp (Deeplearning4j"
                        + " runs W1-W3), found " + kind);
        }
    }
}
