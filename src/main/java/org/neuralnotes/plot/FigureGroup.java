package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Several figures shown together, one after the other (for example the weight paths of
 * every parameter of a network, one figure per matrix). Shows as one output in a notebook.
 */
public final class FigureGroup implements Iterable<PlotFigure> {
    static {
        Notebook.install();
    }

    private final List<PlotFigure> figures;

    /** The figures, in the order they are shown. */
    public FigureGroup(List<PlotFigure> figures) {
        if (figures == null || figures.isEmpty()) {
            throw new IllegalArgumentException("figures: expected at least one figure, found "
                    + (figures == null ? "null" : "an empty list"));
        }
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i) == null) {
                throw new IllegalArgumentException("figures: expected figures, found null at index " + i);
            }
        }
        this.figures = Collections.unmodifiableList(new ArrayList<>(figures));
    }

    /** The figures (read-only). */
    public List<PlotFigure> figures() {
        return figures;
    }

    /** The figure at this index. */
    public PlotFigure get(int index) {
        if (index < 0 || index >= figures.size()) {
            throw new IllegalArgumentException("index: expected 0.." + (figures.size() - 1)
                    + ", found " + index);
        }
        return figures.get(index);
    }

    /** Number of figures. */
    public int size() {
        return figures.size();
    }

    @Override
    public Iterator<PlotFigure> iterator() {
        return figures.iterator();
    }

    /** A self-contained HTML fragment with one copy of plotly.js and every figure. */
    public String html() {
        return html(new RenderState());
    }

    String html(RenderState state) {
        StringBuilder out = new StringBuilder();
        for (PlotFigure f : figures) {
            out.append(FigureHtml.fragment(f, state));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FigureGroup of " + figures.size() + ":");
        for (PlotFigure f : figures) {
            s.append("\n  ").append(f);
        }
        return s.toString();
    }
}
