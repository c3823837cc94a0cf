package org.neuralnotes.plot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.tablesaw.plotly.components.Figure;

/**
 * The HTML of one figure: a div, and a script that draws the figure's plotly JSON
 * ({@link FigureJson}) into it as soon as plotly.js is there (at once, or when the loader
 * script runs later on the page).
 *
 * <p>The div has class {@code neuralnotes-plot} and carries the expected title and trace
 * count ({@code data-title}, {@code data-traces}) so that a browser test can check that
 * every plot was drawn. Until the script draws, it shows a line of text saying why a plot
 * may be missing (scripts off, untrusted notebook).
 */
final class FigureHtml {
    private static final String PLACEHOLDER = "nnplot_placeholder_div";

    private FigureHtml() {}

    /** The figure's div and script; plotly.js first if the page does not have it yet. */
    static String fragment(Figure figure, RenderState state) {
        StringBuilder out = new StringBuilder();
        if (state.takePlotly()) {
            out.append(PlotlyJs.loaderScript());
        }
        out.append(figureOnly(figure, state));
        return out.toString();
    }

    /** The figure's div and script alone (the page must load plotly.js elsewhere). */
    static String figureOnly(Figure figure, RenderState state) {
        String json = Json.write(FigureJson.of(figure));
        String id = state.id("nnplot_" + digest(json));
        String title = title(figure);
        String size = figure instanceof PlotFigure p
                ? " style=\"width:" + p.width() + "px;height:" + p.height() + "px\"" : "";
        return "<div id=\"" + id + "\" class=\"neuralnotes-plot\" data-title=\"" + Text.html(title)
                + "\" data-traces=\"" + figure.getTraces().length + "\"" + size + ">"
                + "<p style=\"font-family:sans-serif;color:#888\">Plot &quot;" + Text.html(title)
                + "&quot; is not drawn: it needs JavaScript and plotly.js, which this page has not"
                + " loaded. In a notebook, run Notebook.setup() in a cell: it loads plotly.js into"
                + " the page (then trust the notebook so that its scripts run when it is opened).</p></div>\n"
                + "<script>(function () {\n"
                + "var figure = " + json + ";\n"
                + "function draw() {\n"
                + "var div = document.getElementById('" + id + "');\n"
                + "div.innerHTML = '';\n"
                + "Plotly.newPlot(div, figure.data, figure.layout);\n"
                + "}\n"
                + "if (window.Plotly) { draw(); } else {"
                + " (window.neuralnotesPending = window.neuralnotesPending || []).push(draw); }\n"
                + "})();</script>\n";
    }

    /** The title as plain text: a PlotFigure's own, else the layout's. */
    static String title(Figure figure) {
        return figure instanceof PlotFigure p ? p.title()
                : figure.getLayout() == null || figure.getLayout().getTitle() == null ? ""
                : figure.getLayout().getTitle();
    }

    /** A fragment that carries its own copy of plotly.js. */
    static String standalone(Figure figure) {
        return fragment(figure, new RenderState());
    }

    private static final Pattern TRACE_VAR = Pattern.compile("(?m)^var trace\\d+ =");

    /**
     * Tablesaw's heatmap and contour traces always call their variable "trace0", so a
     * figure with one of them and any other trace redefines trace0 and never defines the
     * next name that its {@code data} array lists. The trace variables stand in order at
     * the start of a line; number them 0, 1, 2, ... again.
     */
    static String numberTraces(String js) {
        Matcher m = TRACE_VAR.matcher(js);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(out, "var trace" + i++ + " =");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String digest(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
