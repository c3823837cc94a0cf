package org.neuralnotes.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Three classic classification datasets shipped inside the jar (no download at run time).
 *
 * <p>The files are scikit-learn's copies (scikit-learn 1.5.2 on PyPI, BSD 3-Clause licence),
 * kept byte for byte in {@code org/neuralnotes/data/} next to a README that gives their
 * SHA-256; {@code tools/data/fetch_datasets.py} reproduces them from the pinned wheel. The data
 * come from the UCI Machine Learning Repository, which distributes them under CC BY 4.0:
 * <ul>
 *   <li>{@link #breastCancer()} — Breast Cancer Wisconsin (Diagnostic), W. Wolberg,
 *       O. Mangasarian, N. Street, W. Street (1995), https://doi.org/10.24432/C5DW2B;</li>
 *   <li>{@link #iris()} — Iris, R. A. Fisher (1936), https://doi.org/10.24432/C56C76;</li>
 *   <li>{@link #digits()} — Optical Recognition of Handwritten Digits, E. Alpaydin and
 *       C. Kaynak (1998), https://doi.org/10.24432/C50P49 (its test part).</li>
 * </ul>
 * Every call reads the file again and returns a fresh {@link Dataset}.
 */
public final class Datasets {
    private Datasets() {}

    private static final String UCI_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),"
            + " as distributed by the UCI Machine Learning Repository; file from scikit-learn 1.5.2"
            + " (BSD 3-Clause, see org/neuralnotes/data/LICENSE-scikit-learn.txt)";

    /** scikit-learn's names for the 30 breast-cancer features, in column order. */
    private static final List<String> BREAST_CANCER_FEATURES = List.of(
            "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness",
            "mean compactness", "mean concavity", "mean concave points", "mean symmetry",
            "mean fractal dimension",
            "radius error", "texture error", "perimeter error", "area error", "smoothness error",
            "compactness error", "concavity error", "concave points error", "symmetry error",
            "fractal dimension error",
            "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness",
            "worst compactness", "worst concavity", "worst concave points", "worst symmetry",
            "worst fractal dimension");

    private static final List<String> IRIS_FEATURES = List.of(
            "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");

    /**
     * Breast Cancer Wisconsin (Diagnostic): 569 examples × 30 features, 2 classes —
     * label 0 = malignant (212), 1 = benign (357). A binary-classification set for logistic
     * regression (note 001). Mind the coding: label 1 is the benign class.
     *
     * <p>Source: W. Wolberg, O. Mangasarian, N. Street, W. Street (1995), Breast Cancer
     * Wisconsin (Diagnostic), UCI Machine Learning Repository, https://doi.org/10.24432/C5DW2B;
     * W. N. Street, W. H. Wolberg, O. L. Mangasarian, "Nuclear feature extraction for breast
     * tumor diagnosis", Proc. SPIE 1905, 861–870 (1993). Licence CC BY 4.0.
     */
    public static Dataset breastCancer() {
        Parsed d = readSklearnCsv("breast_cancer.csv");
        return new Dataset("breast_cancer", d.X, d.y, BREAST_CANCER_FEATURES, d.classNames,
                "Breast Cancer Wisconsin (Diagnostic): 30 features of the cell nuclei seen in a"
                        + " digitized image of a fine needle aspirate of a breast mass (mean, standard"
                        + " error and worst value of radius, texture, perimeter, area, smoothness,"
                        + " compactness, concavity, concave points, symmetry, fractal dimension);"
                        + " label 0 = malignant, 1 = benign. W. N. Street, W. H. Wolberg,"
                        + " O. L. Mangasarian, Nuclear feature extraction for breast tumor diagnosis,"
                        + " Proc. SPIE 1905, 861-870 (1993).",
                "UCI Machine Learning Repository, Breast Cancer Wisconsin (Diagnostic), W. Wolberg,"
                        + " O. Mangasarian, N. Street, W. Street (1995), https://doi.org/10.24432/C5DW2B;"
                        + " copy from scikit-learn 1.5.2 (sklearn/datasets/data/breast_cancer.csv)",
                UCI_LICENCE);
    }

    /**
     * Fisher's iris: 150 examples × 4 measurements in cm, 3 classes — 0 setosa, 1 versicolor,
     * 2 virginica, 50 each.
     *
     * <p>Source: R. A. Fisher, "The use of multiple measurements in taxonomic problems",
     * Annals of Eugenics 7(2), 179–188 (1936); UCI Machine Learning Repository, Iris,
     * https://doi.org/10.24432/C56C76. scikit-learn's copy follows Fisher's paper (as R does),
     * which differs from the UCI file in two values. Licence CC BY 4.0.
     */
    public static Dataset iris() {
        Parsed d = readSklearnCsv("iris.csv");
        return new Dataset("iris", d.X, d.y, IRIS_FEATURES, d.classNames,
                "Iris: sepal length, sepal width, petal length and petal width (cm) of 50 flowers"
                        + " of each of three species; label 0 = setosa, 1 = versicolor, 2 = virginica."
                        + " R. A. Fisher, The use of multiple measurements in taxonomic problems,"
                        + " Annals of Eugenics 7(2), 179-188 (1936).",
                "UCI Machine Learning Repository, Iris, R. A. Fisher (1936),"
                        + " https://doi.org/10.24432/C56C76; copy from scikit-learn 1.5.2"
                        + " (sklearn/datasets/data/iris.csv, values as in Fisher's paper)",
                UCI_LICENCE);
    }

    /**
     * Handwritten digits, 8×8 images: 1797 examples × 64 pixel counts (0–16, image row by row:
     * feature 8·r + c is pixel (r, c), named "pixel_r_c"), 10 classes (the digits 0–9; counts
     * 178, 182, 177, 183, 181, 182, 181, 179, 174, 180).
     *
     * <p>Source: E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits, UCI
     * Machine Learning Repository, https://doi.org/10.24432/C50P49 — its test part: 32×32
     * bitmaps by 13 writers, counted in 4×4 blocks. Licence CC BY 4.0.
     */
    public static Dataset digits() {
        List<double[]> rows = new ArrayList<>();
        String file = "digits.csv.gz";
        try (InputStream in = open(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(in), StandardCharsets.US_ASCII))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isEmpty()) {
                    rows.add(numbers(file, lineNumber, line, 65));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        int N = rows.size();
        DMatrixRMaj X = new DMatrixRMaj(N, 64);
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            double[] r = rows.get(i);
            System.arraycopy(r, 0, X.data, i * 64, 64);
            y[i] = label(file, i + 1, r[64]);
        }
        List<String> features = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                features.add("pixel_" + r + "_" + c);
            }
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            classes.add(Integer.toString(k));
        }
        return new Dataset("digits", X, y, features, classes,
                "Handwritten digits: 8x8 images whose pixels count the 'on' pixels of a 4x4 block"
                        + " of a 32x32 bitmap (0-16), stored row by row (feature 8r + c = pixel (r, c));"
                        + " label = the digit. E. Alpaydin, C. Kaynak, Cascading classifiers,"
                        + " Kybernetika 34(4), 369-374 (1998); C. Kaynak, MSc thesis, Bogazici"
                        + " University (1995).",
                "UCI Machine Learning Repository, Optical Recognition of Handwritten Digits,"
                        + " E. Alpaydin, C. Kaynak (1998), https://doi.org/10.24432/C50P49 (test part,"
                        + " 1797 images); copy from scikit-learn 1.5.2 (sklearn/datasets/data/digits.csv.gz)",
                UCI_LICENCE);
    }

    private record Parsed(DMatrixRMaj X, int[] y, List<String> classNames) {}

    /** scikit-learn's layout: header "n,p,class names…", then p features and a label per line. */
    private static Parsed readSklearnCsv(String file) {
        try (InputStream in = open(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String[] header = reader.readLine().split(",");
            int n = Integer.parseInt(header[0].trim());
            int p = Integer.parseInt(header[1].trim());
            List<String> classNames = Arrays.asList(header).subList(2, header.length);
            DMatrixRMaj X = new DMatrixRMaj(n, p);
            int[] y = new int[n];
            int i = 0;
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                if (i == n) {
                    throw new IllegalStateException(file + ": header announces " + n
                            + " rows, found more at line " + lineNumber);
                }
                double[] r = numbers(file, lineNumber, line, p + 1);
                System.arraycopy(r, 0, X.data, i * p, p);
                y[i] = label(file, lineNumber, r[p]);
                i++;
            }
            if (i != n) {
                throw new IllegalStateException(file + ": header announces " + n + " rows, found " + i);
            }
            return new Parsed(X, y, List.copyOf(classNames));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = Datasets.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("resource org/neuralnotes/data/" + file
                    + " is missing from the classpath (see tools/data/fetch_datasets.py)");
        }
        return in;
    }

    private static double[] numbers(String file, int lineNumber, String line, int count) {
        String[] fields = line.split(",");
        if (fields.length != count) {
            throw new IllegalStateException(file + ": expected " + count + " fields at line "
                    + lineNumber + ", found " + fields.length);
        }
        double[] values = new double[count];
        for (int j = 0; j < count; j++) {
            values[j] = Double.parseDouble(fields[j].trim());
        }
        return values;
    }

    private static int label(String file, int lineNumber, double v) {
        if (v != Math.rint(v) || v < 0) {
            throw new IllegalStateException(file + ": expected a class label >= 0 at line "
                    + lineNumber + ", found " + v);
        }
        return (int) v;
    }
}
