package org.neuralnotes.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.neuralnotes.linalg.BlasEngine;
import org.neuralnotes.random.Rng;

/**
 * The routes from Java to a fast product that were tried for the engine, on the shapes that
 * matter (make -f bench.mk bench-alternatives). Each route computes C = A·B on EJML's
 * row-major arrays; variants alternate within a repetition; median GFLOP/s is printed.
 * Arguments: the variants to run in this JVM (the JNI bridge loads one native library per JVM).
 */
public final class Alternatives {
    private Alternatives() {}

    interface Route {
        void mult(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C);
    }

    public static void main(String[] args) {
        Map<String, Route> all = new LinkedHashMap<>();
        all.put("ejml", CommonOps_DDRM::mult);
        all.put("ejml-mt", CommonOps_MT_DDRM::mult);
        all.put("netlib-jni", (A, B, C) -> BlasEngineHolder.ENGINE.gemm(false, false, 1, A, B, 0, C));
        all.put("netlib-java", (A, B, C) -> javaDgemm(JavaBLAS.getInstance(), A, B, C));
        all.put("bytedeco-cblas", (A, B, C) -> openblas_nolapack.cblas_dgemm(
                openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, A.numRows, B.numCols, A.numCols, 1.0, A.data,
                A.numCols, B.data, B.numCols, 0.0, C.data, B.numCols));
        List<String> names = args.length > 0 ? Arrays.asList(args) : new ArrayList<>(all.keySet());
        if (names.contains("bytedeco-cblas")) {
            openblas_nolapack.blas_set_num_threads(Integer.parseInt(
                    System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "2")));
        }
        int[][] shapes = {{128, 784, 128}, {1000, 1000, 1000}, {10000, 784, 64}};
        int reps = Integer.parseInt(System.getProperty("reps", "7"));
        Rng rng = new Rng(99);
        for (int[] s : shapes) {
            DMatrixRMaj A = Data.uniform(rng, s[0], s[1], 0, 1);
            DMatrixRMaj B = Data.uniform(rng, s[1], s[2], 0, 1);
            DMatrixRMaj C = new DMatrixRMaj(s[0], s[2]);
            double flops = 2.0 * s[0] * s[1] * s[2];
            int inner = (int) Math.max(1, Math.min(200, 2e9 / flops));
            Map<String, double[]> times = new LinkedHashMap<>();
            for (String n : names) {
                times.put(n, new double[reps]);
            }
            for (int r = -2; r < reps; r++) {
                for (String n : names) {
                    Route route = all.get(n);
                    long t0 = System.nanoTime();
                    for (int i = 0; i < inner; i++) {
                        route.mult(A, B, C);
                    }
                    double t = (System.nanoTime() - t0) * 1e-9 / inner;
                    if (r >= 0) {
                        times.get(n)[r] = t;
                    }
                }
            }
            for (String n : names) {
                double[] t = times.get(n);
                Arrays.sort(t);
                double median = t[reps / 2];
                System.out.printf("%-16s %5dx%-5d·%5dx%-5d  %9.3f ms  %6.1f GFLOP/s%n", n, s[0],
                        s[1], s[1], s[2], median * 1e3, flops / median / 1e9);
            }
        }
    }

    private static void javaDgemm(BLAS blas, DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        int m = A.numRows;
        int n = B.numCols;
        int k = A.numCols;
        blas.dgemm("N", "N", n, m, k, 1.0, B.data, n, A.data, k, 0.0, C.data, n);
    }

    private static final class BlasEngineHolder {
        static final BlasEngine ENGINE = BlasEngine.load();
    }
}
