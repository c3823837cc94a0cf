package org.neuralnotes.plot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw figure as the figure builders of this package make it: a plain
 * {@link Figure} (traces and layout written by Tablesaw) plus the few layout entries that
 * Tablesaw's layout cannot hold, such as a title above each panel of a grid. Those entries
 * are merged into Tablesaw's {@code layout} just before {@code Plotly.newPlot}.
 *
 * <p>In a notebook the figure shows as the cell's result and through {@code display(fig)}
 * (see {@link Notebook}); {@link #html()} gives a self-contained HTML fragment and
 * {@link HtmlPage} writes whole pages.
 */
public class PlotFigure extends Figure {
    static {
        Notebook.install();
    }

    private final String title;
    private final int width;
    private final int height;
    private final Map<String, Object> layoutExtra;
    private final Map<Integer, Map<String, Object>> traceExtra;

    PlotFigure(String title, int width, int height, Layout layout, Map<String, Object> layoutExtra,
            Trace... traces) {
        this(title, width, height, layout, layoutExtra, Map.of(), traces);
    }

    PlotFigure(String title, int width, int height, Layout layout, Map<String, Object> layoutExtra,
            Map<Integer, Map<String, Object>> traceExtra, Trace... traces) {
        super(layout, traces);
        this.title = title;
        this.width = width;
        this.height = height;
        this.layoutExtra = Collections.unmodifiableMap(new LinkedHashMap<>(layoutExtra));
        this.traceExtra = Collections.unmodifiableMap(new LinkedHashMap<>(traceExtra));
        for (Integer i : traceExtra.keySet()) {
            if (i < 0 || i >= traces.length) {
                throw new IllegalArgumentException("traceExtra: expected trace indices 0.."
                        + (traces.length - 1) + ", found " + i);
            }
        }
    }

    /** The title as plain text (before any escaping). */
    public String title() {
        return title;
    }

    /** Width in CSS pixels. */
    public int width() {
        return width;
    }

    /** Height in CSS pixels. */
    public int height() {
        return height;
    }

    /** Layout entries merged into Tablesaw's layout before plotting (read-only). */
    public Map<String, Object> layoutExtra() {
        return layoutExtra;
    }

    /** Trace entries (by trace index) merged into Tablesaw's traces before plotting (read-only). */
    public Map<Integer, Map<String, Object>> traceExtra() {
        return traceExtra;
    }

    /**
     * A self-contained HTML fragment: plotly.js (inline), the figure's div and its script.
     * Use it to save a single figure; in a notebook {@code display(fig)} sends plotly.js only once.
     */
    public String html() {
        return FigureHtml.standalone(this);
    }

    /**
     * Adds the extra entries to the part of the script that Tablesaw's template writes raw
     * (its plot call is HTML-escaped, so the merge cannot go there).
     */
    @Override
    protected void buildContext(String divName) {
        super.buildContext(divName);
        if (layoutExtra.isEmpty() && traceExtra.isEmpty()) {
            return;
        }
        Map<String, Object> context = getContext();
        // merge the extra entries into Tablesaw's `layout` and `traceN`, object by object
        StringBuilder js = new StringBuilder(String.valueOf(context.get("figure")));
        js.append("var neuralnotesMerge = function merge(a, b) { for (var k in b) {"
                + " if (b[k] && typeof b[k] === 'object' && !Array.isArray(b[k])"
                + " && a[k] && typeof a[k] === 'object') { merge(a[k], b[k]); } else { a[k] = b[k]; } } };\n");
        if (!layoutExtra.isEmpty()) {
            js.append("neuralnotesMerge(layout, ").append(Json.write(layoutExtra)).append(");\n");
        }
        for (Map.Entry<Integer, Map<String, Object>> e : traceExtra.entrySet()) {
            js.append("neuralnotesMerge(trace").append(e.getKey()).append(", ")
                    .append(Json.write(e.getValue())).append(");\n");
        }
        context.put("figure", js.toString());
    }

    @Override
    public String toString() {
        return "PlotFigure \"" + title.replace("\n", " ") + "\" (" + getTraces().length + " traces, "
                + width + "x" + height + ")";
    }
}
