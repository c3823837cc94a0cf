package org.neuralnotes.plot;

import java.util.Map;
import java.util.Optional;

import tech.tablesaw.plotly.components.Figure;

/**
 * Figures in a Jupyter notebook under the IJava or JJava kernel.
 *
 * <p>When this package is first used inside a kernel, it registers HTML renderers with the
 * kernel (found by reflection, see {@link KernelBridge}) for Tablesaw figures (so also
 * {@link PlotFigure}), {@link FigureGroup} and {@link HtmlOutput}. From then on such an object
 * shows as a plot when it is a cell's result, through {@code display(fig)}, and through
 * {@code updateDisplay(id, fig)}. Outside a kernel nothing is registered and nothing changes.
 *
 * <p>The notebook page loads plotly.js once. Start a notebook with {@link #setup()} as the
 * result of its first cell: that output carries plotly.js inline and figures after it use it.
 * Without it, the first figure shown carries plotly.js. Whether it has been sent is the one
 * piece of state kept for the life of the kernel; since a kernel may outlive a page (a
 * second tab, a cleared output), running the setup cell again always sends plotly.js again.
 */
public final class Notebook {
    private static final RenderState STATE = new RenderState();
    private static Optional<KernelBridge> kernel;

    private Notebook() {}

    /**
     * Finds the kernel and registers the renderers, once; called by this package's classes
     * when they load. Returns true inside a known kernel.
     */
    public static synchronized boolean install() {
        if (kernel == null) {
            kernel = KernelBridge.find();
            kernel.ifPresent(k -> {
                k.register(Figure.class, Notebook::html, String::valueOf);
                k.register(PlotFigure.class, Notebook::html, String::valueOf);
                k.register(FigureGroup.class, Notebook::html, String::valueOf);
                k.register(HtmlOutput.class, Notebook::html, String::valueOf);
                k.registerBundles();
            });
        }
        return kernel.isPresent();
    }

    /** True when this code runs inside IJava or JJava. */
    public static boolean inKernel() {
        return install();
    }

    /** "IJava", "JJava", or "none". */
    public static String kernelName() {
        install();
        return kernel.map(KernelBridge::name).orElse("none");
    }

    /** The next figure shown carries plotly.js again. */
    public static void resendPlotly() {
        STATE.resendPlotly();
    }

    /**
     * plotly.js for this notebook, as a cell's result or through {@code display(...)}: the
     * first cell of a notebook ends with {@code Notebook.setup()}. Always sends plotly.js
     * (running the cell again repairs a page that lost it) and marks it as sent.
     */
    public static HtmlOutput setup() {
        install();
        STATE.resendPlotly();
        STATE.takePlotly();
        return new HtmlOutput(PlotlyJs.loaderScript(),
                "plotly.js " + PlotlyJs.version() + " (inline, once per notebook)");
    }

    /**
     * Shows an object in a new output and returns its display id (for
     * {@link #updateDisplay}). Fails outside a kernel.
     */
    public static String display(Object o) {
        return requireKernel().display(o);
    }

    /** Replaces the output with this display id. Fails outside a kernel. */
    public static void updateDisplay(String id, Object o) {
        requireKernel().updateDisplay(id, o);
    }

    /**
     * Shows a MIME bundle in a new output and returns its display id: {@code data} maps each MIME
     * type to its content (a String, or a Map or List written as JSON), {@code metadata} maps MIME
     * types (or other keys) to output metadata. Fails outside a kernel.
     */
    public static String displayData(Map<String, ?> data, Map<String, ?> metadata) {
        return requireKernel().display(new KernelBridge.MimeBundle(data, metadata));
    }

    /** Replaces the output with this display id by a MIME bundle. Fails outside a kernel. */
    public static void updateDisplayData(String id, Map<String, ?> data, Map<String, ?> metadata) {
        requireKernel().updateDisplay(id, new KernelBridge.MimeBundle(data, metadata));
    }

    /** The output metadata key under which {@link #show} records its values for the notebook's tests. */
    public static final String VALUES_KEY = "neuralnotes/values";

    /**
     * Shows a sentence to the reader and records the numbers it states, by name, where tests read
     * them and readers never see them: in the output's metadata under {@value #VALUES_KEY}. Outside a
     * kernel the sentence is printed. Each value is a finite number, a boolean or a string; names are
     * lower-case words joined by underscores ({@code final_loss}).
     */
    public static void show(String sentence, Map<String, ?> values) {
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("sentence: expected the text the reader sees, found "
                    + (sentence == null ? "null" : "a blank string"));
        }
        if (values == null) {
            throw new IllegalArgumentException("values: expected a map of names to values, found null");
        }
        Map<String, Object> checked = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> checked.put(checkedName(name), checkedValue(name, value)));
        if (!install()) {
            System.out.println(sentence);
            return;
        }
        displayData(Map.of("text/plain", sentence), Map.of(VALUES_KEY, checked));
    }

    private static String checkedName(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("values: expected names of lower-case letters, digits and _,"
                    + " found " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    private static Object checkedValue(String name, Object value) {
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values." + name + ": expected a finite number, found " + v);
            }
            return n;
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw new IllegalArgumentException("values." + name + ": expected a number, a boolean or a string, found "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /** The HTML this notebook shows for a figure, a group or an {@link HtmlOutput}. */
    static String html(Object o) {
        if (o instanceof Figure f) {
            return FigureHtml.fragment(f, STATE);
        }
        if (o instanceof FigureGroup g) {
            return g.html(STATE);
        }
        if (o instanceof HtmlOutput h) {
            return h.html();
        }
        throw new IllegalArgumentException("o: expected a figure, a FigureGroup or an HtmlOutput, found "
                + (o == null ? "null" : o.getClass().getName()));
    }

    static RenderState state() {
        return STATE;
    }

    private static KernelBridge requireKernel() {
        install();
        return kernel.orElseThrow(() -> new IllegalStateException(
                "not running in a Jupyter Java kernel (IJava or JJava)"));
    }
}
