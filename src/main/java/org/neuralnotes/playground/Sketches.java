package org.neuralnotes.playground;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.plot.HtmlOutput;

import tech.tablesaw.api.Table;

/**
 * The figures of a frame while play is down, drawn as SVG images in one HTML output: the page
 * shows an image at once, where redrawing three plotly figures from their JSON takes it seconds
 * on a slow machine, so that frames would queue up in the page and pause would seem to lag. When
 * play comes up the playground draws the interactive plotly figures ({@link Figures#plots}) again.
 *
 * <p>The same content as the plotly figures: the network's P(class 1) on a grid over the points
 * (orange for class 1, blue for class 0), the points, and both losses by step.
 */
final class Sketches {
    private static final int SIZE = 300;
    private static final int LOSS_WIDTH = 380;

    private Sketches() {}

    /** One HTML output: the boundary over the training and the test points, the losses, the weights. */
    static HtmlOutput frame(Run run, HtmlOutput weights) {
        StringBuilder html = new StringBuilder("<div class=\"nn-playground-frame\" data-step=\"")
                .append(run.steps()).append("\" style=\"font:13px sans-serif\"><div style=\"display:flex;"
                        + "gap:16px;flex-wrap:wrap\">");
        double[][] box = box(run.xTrain(), run.xTest());
        figure(html, "Training points, step " + run.steps(), boundary(run, run.xTrain(), run.yTrain(), box));
        figure(html, "Test points, step " + run.steps(), boundary(run, run.xTest(), run.yTest(), box));
        figure(html, "Loss (cross-entropy)", loss(run.lossTables()));
        html.append("</div>").append(weights.html()).append("</div>");
        return new HtmlOutput(html.toString(), Figures.status(run));
    }

    private static void figure(StringBuilder html, String title, String svg) {
        html.append("<figure style=\"margin:0\"><figcaption class=\"nn-playground-title\" style=\"text-align:center;"
                + "font-size:15px\">").append(title).append("</figcaption><img alt=\"").append(title)
                .append("\" src=\"data:image/svg+xml;base64,")
                .append(Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)))
                .append("\"></figure>");
    }

    /** [x range, y range] of all points, with a margin of a tenth of the range. */
    private static double[][] box(DMatrixRMaj a, DMatrixRMaj b) {
        double[][] r = new double[2][];
        for (int c = 0; c < 2; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (DMatrixRMaj m : List.of(a, b)) {
                for (int i = 0; i < m.numRows; i++) {
                    lo = Math.min(lo, m.get(i, c));
                    hi = Math.max(hi, m.get(i, c));
                }
            }
            double pad = 0.1 * (hi > lo ? hi - lo : 1);
            r[c] = new double[] {lo - pad, hi + pad};
        }
        return r;
    }

    private static String boundary(Run run, DMatrixRMaj x, DMatrixRMaj y, double[][] box) {
        int n = Figures.RESOLUTION;
        DMatrixRMaj grid = new DMatrixRMaj(n * n, 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid.set(i * n + j, 0, box[0][0] + (box[0][1] - box[0][0]) * (j + 0.5) / n);
                grid.set(i * n + j, 1, box[1][1] - (box[1][1] - box[1][0]) * (i + 0.5) / n);
            }
        }
        DMatrixRMaj p = run.network().predict(grid);
        // the probabilities as an n×n PNG that the image stretches (smoothly) over the whole square
        byte[] rgb = new byte[n * n * 3];
        for (int k = 0; k < n * n; k++) {
            int[] c = colour(p.get(k, 0));
            rgb[3 * k] = (byte) c[0];
            rgb[3 * k + 1] = (byte) c[1];
            rgb[3 * k + 2] = (byte) c[2];
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%d\" height=\"%d\">"
                + "<image width=\"%d\" height=\"%d\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,%s\"/>",
                SIZE, SIZE, SIZE, SIZE, Base64.getEncoder().encodeToString(png(n, n, rgb))));
        svg.append("<g stroke=\"#333\" stroke-width=\"0.6\">");
        for (int i = 0; i < x.numRows; i++) {
            double px = SIZE * (x.get(i, 0) - box[0][0]) / (box[0][1] - box[0][0]);
            double py = SIZE * (box[1][1] - x.get(i, 1)) / (box[1][1] - box[1][0]);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" fill=\"%s\"/>", px, py,
                    y.get(i, 0) > 0.5 ? "#ff7f0e" : "#1f77b4"));
        }
        return svg.append("</g></svg>").toString();
    }

    /** White at P = 0.5, towards orange for class 1 and blue for class 0. */
    private static int[] colour(double p) {
        double t = Math.min(1, Math.abs(p - 0.5) * 2) * 0.55;
        int[] to = p >= 0.5 ? new int[] {255, 127, 14} : new int[] {31, 119, 180};
        return new int[] {mix(255, to[0], t), mix(255, to[1], t), mix(255, to[2], t)};
    }

    /** A PNG (8-bit RGB, no interlace) of width×height pixels, rgb row by row. */
    static byte[] png(int width, int height, byte[] rgb) {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0);   // filter: none
            raw.write(rgb, y * width * 3, width * 3);
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static String loss(List<Table> tables) {
        int h = SIZE;
        int left = 44;
        int bottom = 24;
        double maxStep = 1;
        double maxLoss = 1e-9;
        for (Table t : tables) {
            for (int i = 0; i < t.rowCount(); i++) {
                maxStep = Math.max(maxStep, t.intColumn(0).getInt(i));
                maxLoss = Math.max(maxLoss, t.doubleColumn(1).getDouble(i));
            }
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">", LOSS_WIDTH, h));
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d 6V%dH%d\" stroke=\"#444\" fill=\"none\"/>", left,
                h - bottom, LOSS_WIDTH - 6));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" text-anchor=\"end\">%.2g</text>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">step %d</text>", left - 4, maxLoss, left - 4,
                h - bottom, LOSS_WIDTH - 6, h - 6, (int) maxStep));
        String[] colours = {"#1f77b4", "#ff7f0e"};
        String[] names = {"train", "test"};
        for (int k = 0; k < tables.size(); k++) {
            Table t = tables.get(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < t.rowCount(); i++) {
                double px = left + (LOSS_WIDTH - 6 - left) * t.intColumn(0).getInt(i) / maxStep;
                double py = (h - bottom) - (h - bottom - 6) * t.doubleColumn(1).getDouble(i) / maxLoss;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
                    + " stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", points.toString().trim(),
                    colours[k], LOSS_WIDTH - 60, 20 + 14 * k, colours[k], names[k]));
        }
        return svg.append("</svg>").toString();
    }
}
