package org.neuralnotes.check;

import java.text.DecimalFormat;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** The outcome of a gradient check: one row per parameter matrix. */
public final class GradientCheckReport {

    /** One parameter matrix: how many entries were checked and how far apart the two gradients are. */
    public record Row(String parameter, int rows, int cols, int checked, double maxAbsDifference,
                      double relativeError) {

        static Row of(String name, int rows, int cols, int checked, double[] numeric, double[] backprop) {
            double diff2 = 0;
            double num2 = 0;
            double bp2 = 0;
            double maxAbs = 0;
            for (int i = 0; i < numeric.length; i++) {
                double d = numeric[i] - backprop[i];
                diff2 += d * d;
                num2 += numeric[i] * numeric[i];
                bp2 += backprop[i] * backprop[i];
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            double denom = Math.sqrt(num2) + Math.sqrt(bp2);
            // relative error = ‖g_num − g_bp‖ / (‖g_num‖ + ‖g_bp‖)
            double rel = denom == 0 ? 0 : Math.sqrt(diff2) / denom;
            return new Row(name, rows, cols, checked, maxAbs, rel);
        }
    }

    private final List<Row> rows;
    private final double step;

    GradientCheckReport(List<Row> rows, double step) {
        this.rows = List.copyOf(rows);
        this.step = step;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The finite-difference step h used. */
    public double step() {
        return step;
    }

    /** The largest relative error over all parameter matrices. */
    public double maxRelativeError() {
        double m = 0;
        for (Row r : rows) {
            m = Math.max(m, r.relativeError());
        }
        return m;
    }

    /** The row for one parameter. */
    public Row row(String parameter) {
        for (Row r : rows) {
            if (r.parameter().equals(parameter)) {
                return r;
            }
        }
        throw new IllegalArgumentException("parameter: no row named \"" + parameter + "\"");
    }

    /** True when every relative error is below the tolerance. */
    public boolean passes(double tolerance) {
        return maxRelativeError() < tolerance;
    }

    /** The report as a Tablesaw table, for a notebook to print or plot; differences in 1.234E-9 form. */
    public Table toTable() {
        StringColumn name = StringColumn.create("parameter");
        StringColumn shape = StringColumn.create("shape");
        IntColumn checked = IntColumn.create("checked");
        DoubleColumn maxAbs = DoubleColumn.create("max_abs_difference");
        DoubleColumn rel = DoubleColumn.create("relative_error");
        for (Row r : rows) {
            name.append(r.parameter());
            shape.append(r.rows() + "x" + r.cols());
            checked.append(r.checked());
            maxAbs.append(r.maxAbsDifference());
            rel.append(r.relativeError());
        }
        maxAbs.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.000E0")));
        rel.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.000E0")));
        return Table.create("gradient check (h = " + step + ")", name, shape, checked, maxAbs, rel);
    }

    /** The table, then the largest relative error. */
    @Override
    public String toString() {
        return toTable().print() + String.format("%nlargest relative error: %.3e (h = %g)", maxRelativeError(), step);
    }
}
