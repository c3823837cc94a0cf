package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DatasetsTest {
    private static final Reference REF = Reference.load();

    private static double[] row(DMatrixRMaj X, int i) {
        double[] r = new double[X.numCols];
        System.arraycopy(X.data, i * X.numCols, r, 0, X.numCols);
        return r;
    }

    private static double relative(double expected, double actual) {
        return expected == actual ? 0 : Math.abs(expected - actual) / Math.abs(expected);
    }

    /** Shape, counts, first and last rows, column means and sds against the Python summary. */
    private static void assertMatchesReference(String name, Dataset d) {
        assertEquals(REF.integer(name, "rows"), d.n());
        assertEquals(REF.integer(name, "cols"), d.p());
        assertArrayEquals(REF.counts(name), d.classCounts());
        assertArrayEquals(REF.vector(name, "first_row"), row(d.X(), 0));
        assertArrayEquals(REF.vector(name, "last_row"), row(d.X(), d.n() - 1));
        assertEquals(REF.integer(name, "first_label"), d.y()[0]);
        assertEquals(REF.integer(name, "last_label"), d.y()[d.n() - 1]);
        Standardizer s = Standardizer.fit(d.X());
        double[] mean = REF.vector(name, "mean");
        double[] sd = REF.vector(name, "sd");
        for (int j = 0; j < d.p(); j++) {
            assertTrue(relative(mean[j], s.mean().get(0, j)) < 1e-13, name + " mean of column " + j);
            assertTrue(relative(sd[j], s.sd().get(0, j)) < 1e-12, name + " sd of column " + j);
        }
    }

    @Test
    void breastCancerShapeCountsAndFirstPatient() {
        Dataset d = Datasets.breastCancer();
        assertEquals("breast_cancer", d.name());
        assertEquals(569, d.n());
        assertEquals(30, d.p());
        assertEquals(List.of("malignant", "benign"), d.classNames());
        // 212 malignant, 357 benign (UCI's documentation of the diagnostic set)
        assertArrayEquals(new int[] {212, 357}, d.classCounts());
        // first record of wdbc.data (ID 842302, diagnosis M): the first ten measurements
        double[] first = {17.99, 10.38, 122.8, 1001, 0.1184, 0.2776, 0.3001, 0.1471, 0.2419, 0.07871};
        for (int j = 0; j < first.length; j++) {
            assertEquals(first[j], d.X().get(0, j));
        }
        assertEquals(0.1189, d.X().get(0, 29));
        assertEquals(0, d.y()[0]);
        assertEquals("mean radius", d.featureNames().get(0));
        assertEquals("radius error", d.featureNames().get(10));
        assertEquals("worst fractal dimension", d.featureNames().get(29));
        assertMatchesReference("breast_cancer", d);
    }

    @Test
    void irisShapeCountsAndKnownFlowers() {
        Dataset d = Datasets.iris();
        assertEquals(150, d.n());
        assertEquals(4, d.p());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, d.classCounts());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, row(d.X(), 0));
        assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, row(d.X(), 149));
        assertEquals(0, d.y()[0]);
        assertEquals(2, d.y()[149]);
        assertEquals("petal width (cm)", d.featureNames().get(3));
        assertMatchesReference("iris", d);
    }

    @Test
    void digitsShapeCountsAndFirstImage() {
        Dataset d = Datasets.digits();
        assertEquals(1797, d.n());
        assertEquals(64, d.p());
        assertEquals(10, d.classes());
        assertEquals("7", d.classNames().get(7));
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
        // the first image is a zero
        double[] zero = {
            0, 0, 5, 13, 9, 1, 0, 0,
            0, 0, 13, 15, 10, 15, 5, 0,
            0, 3, 15, 2, 0, 11, 8, 0,
            0, 4, 12, 0, 0, 8, 8, 0,
            0, 5, 8, 0, 0, 9, 8, 0,
            0, 4, 11, 0, 1, 12, 7, 0,
            0, 2, 14, 5, 10, 12, 0, 0,
            0, 0, 6, 13, 10, 0, 0, 0};
        assertArrayEquals(zero, row(d.X(), 0));
        assertEquals(0, d.y()[0]);
        assertEquals("pixel_0_0", d.featureNames().get(0));
        assertEquals("pixel_2_5", d.featureNames().get(8 * 2 + 5));
        assertEquals("pixel_7_7", d.featureNames().get(63));
        for (double v : d.X().data) {
            assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel counts are whole numbers 0..16");
        }
        assertMatchesReference("digits", d);
    }

    @Test
    void shippedFilesAreTheOnesTheScriptWrote() throws IOException, NoSuchAlgorithmException {
        String[][] files = {
            {"breast_cancer", "breast_cancer.csv"}, {"iris", "iris.csv"}, {"digits", "digits.csv.gz"}};
        for (String[] f : files) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Datasets.class.getResourceAsStream(f[1])) {
                sha.update(in.readAllBytes());
            }
            assertEquals(REF.text(f[0], "sha256", f[1]), HexFormat.of().formatHex(sha.digest()), f[1]);
        }
    }

    @Test
    void sourcesAndLicencesAreStated() {
        for (Dataset d : List.of(Datasets.breastCancer(), Datasets.iris(), Datasets.digits())) {
            assertTrue(d.licence().contains("CC BY 4.0"), d.name());
            assertTrue(d.licence().contains("BSD 3-Clause"), d.name());
            assertTrue(d.source().contains("https://doi.org/10.24432/"), d.name());
            assertTrue(d.source().contains("scikit-learn 1.5.2"), d.name());
            assertTrue(d.description().length() > 80, d.name());
        }
        assertTrue(Datasets.iris().source().contains("C56C76"));
        assertTrue(Datasets.breastCancer().source().contains("C5DW2B"));
        assertTrue(Datasets.digits().source().contains("C50P49"));
        assertTrue(Datasets.class.getResource("README.md") != null);
        assertTrue(Datasets.class.getResource("LICENSE-scikit-learn.txt") != null);
    }

    @Test
    void everyCallGivesAFreshCopy() {
        Dataset a = Datasets.iris();
        a.X().set(0, 0, -1);
        a.y()[0] = 2;
        Dataset b = Datasets.iris();
        assertEquals(5.1, b.X().get(0, 0));
        assertEquals(0, b.y()[0]);
    }

    @Test
    void oneHotTableAndSummary() {
        Dataset d = Datasets.iris();
        DMatrixRMaj Y = d.oneHot();
        assertEquals(150, Y.numRows);
        assertEquals(3, Y.numCols);
        assertArrayEquals(d.y(), OneHot.decode(Y));
        Table t = d.toTable();
        assertEquals("iris", t.name());
        assertEquals(150, t.rowCount());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                "petal width (cm)", "label"), t.columnNames());
        assertArrayEquals(d.y(), Tables.labels(t, "label"));
        assertArrayEquals(d.X().data, Tables.toMatrix(t, d.featureNames().toArray(new String[0])).data);
        assertEquals("iris: 150 examples x 4 features, 3 classes (0 setosa: 50, 1 versicolor: 50,"
                + " 2 virginica: 50)", d.toString());
    }
}
