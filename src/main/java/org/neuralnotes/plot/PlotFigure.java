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

    PlotFigure(String title, int width, int height, Layout layout, Map<String, Object> layoutExtra,
            Trace... traces) {
        super(layout, traces);
        this.title = title;
        this.width = width;
        this.height = height;
        this.layoutExtra = Collections.unmodifiableMap(new LinkedHashMap<>(layoutExtra));
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

    /**
     * A self-contained HTML fragment: plotly.js (inline), the figure's div and its script.
     * Use it to save a single figure; in a notebook {@code display(fig)} sends plotly.js only once.
     */
    public String html() {
        return FigureHtml.standalone(this);
    }

    /**
     * Adds the extra layout entries to the figure script that Tablesaw's template writes
     * raw (its plot call is HTML-escaped, so the merge cannot go there).
     */
    @Override
    protected void buildContext(String divName) {
        super.buildContext(divName);
        if (!layoutExtra.isEmpty()) {
            Map<String, Object> context = getContext();
            // merge the extra entries into Tablesaw's `layout`, object by object
            context.put("figure", context.get("figure")
                    + "(function merge(a, b) { for (var k in b) {"
                    + " if (b[k] && typeof b[k] === 'object' && !Array.isArray(b[k])"
                    + " && a[k] && typeof a[k] === 'object') { merge(a[k], b[k]); } else { a[k] = b[k]; } } })"
                    + "(layout, " + Json.write(layoutExtra) + ");\n");
        }
    }

    @Override
    public String toString() {
        return "PlotFigure \"" + title.replace("\n", " ") + "\" (" + getTraces().length + " traces, "
                + width + "x" + height + ")";
    }
}
