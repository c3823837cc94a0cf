package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuralnotes.data.Refusals.assertRefused;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {

    private static Table sample() {
        return Table.create("sample",
                DoubleColumn.create("a", 0.5, -1.25, 3.0),
                IntColumn.create("b", 7, 8, 9),
                StringColumn.create("s", "x", "y", "z"));
    }

    @Test
    void tableColumnsBecomeMatrixColumnsInTheOrderNamed() {
        DMatrixRMaj M = Tables.toMatrix(sample(), "b", "a");
        assertEquals(3, M.numRows);
        assertEquals(2, M.numCols);
        assertArrayEquals(new double[] {7, 0.5, 8, -1.25, 9, 3.0}, M.data);
        double[][] rows = Tables.toArray(sample(), "a", "b", "a");
        assertArrayEquals(new double[] {-1.25, 8, -1.25}, rows[1]);
        assertEquals(3, rows.length);
    }

    @Test
    void matrixToTableAndBackIsExact() {
        DMatrixRMaj M = new DMatrixRMaj(2, 3, true, 0.1, 1e-300, -7, Math.PI, 2, 1e300);
        Table t = Tables.fromMatrix(M, "u", "v", "w");
        assertEquals(List.of("u", "v", "w"), t.columnNames());
        assertEquals(Math.PI, t.doubleColumn("u").get(1));
        assertEquals(1e-300, t.doubleColumn("v").get(0));
        assertArrayEquals(M.data, Tables.toMatrix(t, "u", "v", "w").data);
    }

    @Test
    void arraysToMatricesAndTablesAndBack() {
        double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
        DMatrixRMaj M = Tables.toMatrix(rows);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, M.data);
        rows[0][0] = 100; // a copy: the matrix does not change
        assertEquals(1, M.get(0, 0));
        double[][] back = Tables.toArray(M);
        assertArrayEquals(new double[] {3, 4}, back[1]);
        back[1][0] = -1;
        assertEquals(3, M.get(1, 0));
        Table t = Tables.fromArray(new double[][] {{1.5}, {2.5}}, "x");
        assertArrayEquals(new double[] {1.5, 2.5}, t.doubleColumn("x").asDoubleArray());
        assertArrayEquals(new double[][] {{1.5}, {2.5}}, Tables.toArray(t, "x"));
    }

    @Test
    void labelsRoundTripThroughAnIntColumn() {
        int[] labels = {2, 0, 1, 1};
        IntColumn c = Tables.labelColumn("label", labels);
        labels[0] = 9; // a copy
        Table t = Table.create("t", c, DoubleColumn.create("whole", 3.0, 4.0, 5.0, -1.0));
        assertArrayEquals(new int[] {2, 0, 1, 1}, Tables.labels(t, "label"));
        assertArrayEquals(new int[] {3, 4, 5, -1}, Tables.labels(t, "whole"));
    }

    @Test
    void tableToMatrixRefusesBadTablesAndNames() {
        assertRefused("table", () -> Tables.toMatrix((Table) null, "a"), "null");
        assertRefused("table", () -> Tables.toMatrix(Table.create("empty", DoubleColumn.create("a")), "a"),
                "at least one row", "0 rows", "empty");
        assertRefused("columns", () -> Tables.toMatrix(sample()), "at least one column name", "[a, b, s]");
        assertRefused("columns", () -> Tables.toMatrix(sample(), "a", "c"),
                "[a, b, s]", "\"c\"", "index 1");
        assertRefused("columns", () -> Tables.toArray(sample(), "s"), "numeric", "\"s\"", "STRING");
        assertRefused("columns", () -> Tables.toMatrix(sample(), (String[]) null), "null");
    }

    @Test
    void tableToMatrixRefusesMissingAndInfiniteValues() {
        DoubleColumn d = DoubleColumn.create("d", 1.0, 2.0);
        d.appendMissing();
        assertRefused("table", () -> Tables.toMatrix(Table.create("t", d), "d"),
                "missing", "\"d\"", "row 2");
        IntColumn i = IntColumn.create("i", 1, 2);
        i.appendMissing();
        assertRefused("table", () -> Tables.toArray(Table.create("t", i), "i"), "missing", "\"i\"", "row 2");
        Table inf = Table.create("t", DoubleColumn.create("d", 1.0, Double.NEGATIVE_INFINITY));
        assertRefused("table", () -> Tables.toMatrix(inf, "d"), "finite", "-Infinity", "row 1");
    }

    @Test
    void arraysRefuseRaggedEmptyAndNaN() {
        assertRefused("rows", () -> Tables.toMatrix((double[][]) null), "null");
        assertRefused("rows", () -> Tables.toMatrix(new double[0][]), "at least one row", "0 rows");
        assertRefused("rows", () -> Tables.toMatrix(new double[][] {{}, {}}), "at least one column", "length 0");
        assertRefused("rows", () -> Tables.toMatrix(new double[][] {{1, 2}, {3, 4}, {5}}),
                "ragged", "length 2", "length 1 at row 2");
        assertRefused("rows", () -> Tables.toMatrix(new double[][] {{1}, null}), "row at index 1", "null");
        assertRefused("rows", () -> Tables.fromArray(new double[][] {{1, Double.NaN}}, "a", "b"),
                "finite", "NaN", "row 0, column 1");
        assertRefused("M", () -> Tables.toArray((DMatrixRMaj) null), "null");
        assertRefused("M", () -> Tables.toArray(new DMatrixRMaj(0, 0)), "0x0");
    }

    @Test
    void fromMatrixRefusesBadNames() {
        DMatrixRMaj M = new DMatrixRMaj(1, 2, true, 1, 2);
        assertRefused("M", () -> Tables.fromMatrix(null, "a"), "null");
        assertRefused("M", () -> Tables.fromMatrix(new DMatrixRMaj(1, 1, true, Double.NaN), "a"), "NaN");
        assertRefused("columnNames", () -> Tables.fromMatrix(M, "a"), "expected 2 names", "found 1");
        assertRefused("columnNames", () -> Tables.fromMatrix(M, (String[]) null), "null");
        assertRefused("columnNames", () -> Tables.fromMatrix(M, "a", "a"), "distinct", "\"a\"");
        assertRefused("columnNames", () -> Tables.fromMatrix(M, "a", " "), "non-blank", "index 1");
        assertRefused("columnNames", () -> Tables.fromArray(new double[][] {{1, 2}}, "a", null),
                "non-blank", "null");
    }

    @Test
    void labelsRefuseFractionsAndBadColumns() {
        Table t = Table.create("t", DoubleColumn.create("f", 1.0, 1.5), StringColumn.create("s", "a", "b"));
        assertRefused("column", () -> Tables.labels(t, "f"), "whole-number", "1.5", "row 1");
        assertRefused("columns", () -> Tables.labels(t, "s"), "numeric", "STRING");
        assertRefused("columns", () -> Tables.labels(t, "nope"), "[f, s]", "\"nope\"");
        assertRefused("table", () -> Tables.labels(null, "f"), "null");
        assertRefused("name", () -> Tables.labelColumn(" ", new int[] {1}), "non-blank");
        assertRefused("name", () -> Tables.labelColumn(null, new int[] {1}), "null");
        assertRefused("labels", () -> Tables.labelColumn("y", null), "null");
        assertRefused("labels", () -> Tables.labelColumn("y", new int[0]), "empty");
    }

    @Test
    void roundedPrintsEveryDoubleColumnWithThePatternAndAPointForTheDecimals() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            // a locale whose own decimal separator is a comma: the pattern must still print '.'
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Table t = Table.create("t", DoubleColumn.create("a", 0.123456, Double.NaN), IntColumn.create("b", 7, 8));
            Table same = Tables.rounded(t, "0.000", "none");
            assertEquals(t, same);
            assertEquals("0.123", t.doubleColumn("a").getString(0));
            assertEquals("none", t.doubleColumn("a").getString(1));
            assertEquals("7", t.intColumn("b").getString(0));
            Tables.rounded(t, "0.0E0");
            assertEquals("1.2E-1", t.doubleColumn("a").getString(0));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void roundedRefusesABadPatternAndNulls() {
        assertRefused("pattern", () -> Tables.rounded(sample(), "0.0.0"), "0.0.0");
        assertRefused("table", () -> Tables.rounded(null, "0.0"));
        assertRefused("missing", () -> Tables.rounded(sample(), "0.0", null));
    }
}
