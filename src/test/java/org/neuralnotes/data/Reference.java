package org.neuralnotes.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of the shipped dataset files computed by tools/data/fetch_datasets.py with
 * Python's standard library (csv, math.fsum, statistics.pstdev), independently of the Java
 * reader. Rows: dataset, statistic, index, value.
 */
final class Reference {
    private final Map<String, Map<String, TreeMap<String, String>>> values = new HashMap<>();

    private Reference() {}

    static Reference load() {
        Reference r = new Reference();
        try (InputStream in = Reference.class.getResourceAsStream("dataset_reference.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                r.values.computeIfAbsent(f[0], k -> new HashMap<>())
                        .computeIfAbsent(f[1], k -> new TreeMap<>())
                        .put(f[2], f[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    String text(String dataset, String statistic, String index) {
        String v = values.get(dataset).get(statistic).get(index);
        if (v == null) {
            throw new IllegalStateException("no reference " + dataset + "/" + statistic + "/" + index);
        }
        return v;
    }

    int integer(String dataset, String statistic) {
        return Integer.parseInt(text(dataset, statistic, ""));
    }

    /** The values of an indexed statistic, index 0, 1, 2, … in order. */
    double[] vector(String dataset, String statistic) {
        Map<String, String> m = values.get(dataset).get(statistic);
        double[] v = new double[m.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = Double.parseDouble(m.get(Integer.toString(j)));
        }
        return v;
    }

    int[] counts(String dataset) {
        double[] v = vector(dataset, "class_count");
        int[] c = new int[v.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = (int) v[k];
        }
        return c;
    }
}
