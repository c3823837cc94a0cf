package org.neuralnotes.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neuralnotes.linalg.Products;

/**
 * The Java side of the benchmark suite, driven by tools/bench/run.py one line at a time so
 * that implementations alternate. Fields are separated by tabs.
 * <pre>
 * info                          → ok  engine=…  java=…
 * setup NAME  kind=…  key=value → ok  hash=…  flops=…  iterations=…
 * run NAME                      → ok  seconds=…  result=…   (reset, then timed run, then result)
 * quit
 * </pre>
 * With the argument {@code LogisticRegression} the worker runs W1 (kind=logistic) through
 * {@code LogisticRegression.fit} instead of the {@code Network} and {@code Trainer}, and no other
 * kind. {@link #serve} is the loop itself, which the Deeplearning4j worker shares.
 */
public final class Worker {
    private Worker() {}

    public static void main(String[] args) throws Exception {
        boolean logisticRegression = args.length > 0 && args[0].equals("LogisticRegression");
        serve(() -> "engine=" + Products.engineName() + "\tstatus=" + Products.engineStatus(),
                p -> logisticRegression ? logisticFit(p) : make(p), System.out);
    }

    /**
     * Answers run.py's commands on standard input until "quit", one line each on {@code replies};
     * {@code info} names the engine, {@code make} turns a setup line's settings into a workload.
     */
    static void serve(Supplier<String> info, Function<Map<String, String>, Workload> make,
                      PrintStream replies) throws Exception {
        Map<String, Workload> workloads = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(replies, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t");
            String[] head = f[0].split(" ");
            try {
                switch (head[0]) {
                    case "info":
                        out.println("ok\t" + info.get() + "\tjava="
                                + System.getProperty("java.version"));
                        break;
                    case "setup": {
                        Map<String, String> p = new HashMap<>();
                        for (int i = 1; i < f.length; i++) {
                            int eq = f[i].indexOf('=');
                            p.put(f[i].substring(0, eq), f[i].substring(eq + 1));
                        }
                        Workload w = make.apply(p);
                        long hash = w.setup();
                        workloads.put(head[1], w);
                        out.println("ok\thash=" + Long.toUnsignedString(hash, 16) + "\tflops="
                                + w.flopsPerIteration() + "\titerations=" + w.iterations());
                        break;
                    }
                    case "run": {
                        Workload w = workloads.get(head[1]);
                        w.reset();
                        // the garbage of the last result (a forward pass over all the data) is
                        // collected now, not inside the timed run (numpy frees it at once)
                        System.gc();
                        long t0 = System.nanoTime();
                        w.run();
                        long t1 = System.nanoTime();
                        double result = w.result();
                        out.println("ok\tseconds=" + (t1 - t0) * 1e-9 + "\tresult="
                                + String.format("%.17g", result));
                        break;
                    }
                    case "drop":
                        workloads.remove(head[1]);
                        System.gc();
                        out.println("ok");
                        break;
                    case "quit":
                        return;
                    default:
                        out.println("error\tunknown command " + head[0]);
                }
            } catch (RuntimeException e) {
                out.println("error\t" + e.toString().replace('\t', ' ').replace('\n', ' '));
            }
        }
    }

    /** W1 through LogisticRegression.fit; no other kind. */
    private static Workload logisticFit(Map<String, String> p) {
        if (!"logistic".equals(p.get("kind"))) {
            throw new IllegalArgumentException("kind: expected logistic (LogisticRegression.fit"
                    + " runs W1 only), found " + p.get("kind"));
        }
        return new LogisticFit(Long.parseLong(p.get("seed")), Integer.parseInt(p.get("n")),
                Integer.parseInt(p.get("m")), Integer.parseInt(p.get("iterations")),
                Double.parseDouble(p.get("rate")));
    }

    /** The workload of a setup line's settings (also {@link Phases}'s). */
    static Workload make(Map<String, String> p) {
        String kind = p.get("kind");
        switch (kind) {
            case "logistic":
                return Training.logistic(Long.parseLong(p.get("seed")), Integer.parseInt(p.get("n")), Integer.parseInt(p.get("m")),
                        Integer.parseInt(p.get("iterations")), Double.parseDouble(p.get("rate")));
            case "mlp": {
                String[] s = p.get("sizes").split(",");
                int[] sizes = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    sizes[i] = Integer.parseInt(s[i]);
                }
                return Training.mlp(Long.parseLong(p.get("seed")), sizes,
                        Integer.parseInt(p.get("examples")), Integer.parseInt(p.get("batch")),
                        Integer.parseInt(p.get("iterations")), Double.parseDouble(p.get("rate")));
            }
            case "product":
                return new ProductRun(Long.parseLong(p.get("seed")), Integer.parseInt(p.get("m")),
                        Integer.parseInt(p.get("k")), Integer.parseInt(p.get("n")),
                        Integer.parseInt(p.get("iterations")));
            default:
                throw new IllegalArgumentException("kind: expected logistic, mlp or product, found "
                        + kind);
        }
    }
}
