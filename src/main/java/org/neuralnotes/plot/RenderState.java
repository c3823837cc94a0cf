package org.neuralnotes.plot;

import java.util.HashMap;
import java.util.Map;

/**
 * What one page (a notebook, an HTML report) already holds: whether plotly.js has been
 * sent, whether figures carry HTML besides their JSON (a notebook after {@link Notebook#setup()}),
 * and which div ids are taken. A page written by {@link HtmlPage} has its own state;
 * a notebook has one for the life of its kernel ({@link Notebook}).
 */
final class RenderState {
    private boolean plotlySent;
    private boolean htmlParts;
    private final Map<String, Integer> idUses = new HashMap<>();

    /** True the first time it is asked, false afterwards (until {@link #resendPlotly()}). */
    synchronized boolean takePlotly() {
        if (plotlySent) {
            return false;
        }
        plotlySent = true;
        return true;
    }

    synchronized void resendPlotly() {
        plotlySent = false;
    }

    /** From now on figures also carry HTML that draws them with the page's plotly.js ({@link Notebook#setup()}). */
    synchronized void sendHtml() {
        htmlParts = true;
    }

    synchronized boolean sendsHtml() {
        return htmlParts;
    }

    /**
     * A div id from the figure's content: the same figure gets the same id run after run; the
     * second showing of identical content on one page gets a suffix, so ids stay unique.
     * Only letters, digits and '_' (Tablesaw makes a JavaScript variable of the id).
     */
    synchronized String id(String base) {
        int n = idUses.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + n;
    }
}
