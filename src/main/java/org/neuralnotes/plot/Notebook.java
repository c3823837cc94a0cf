package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tech.tablesaw.plotly.components.Figure;

/**
 * Figures in a Jupyter notebook under the IJava, JJava or Rapaio kernel.
 *
 * <p>When this package is first used inside a kernel, it registers renderers with the kernel
 * (found by reflection, see {@link KernelBridge}) for Tablesaw figures (so also
 * {@link PlotFigure}), {@link FigureGroup} and {@link HtmlOutput}. From then on such an object
 * shows as a plot when it is a cell's result, through {@code display(fig)}, and through
 * {@code updateDisplay(id, fig)}. Outside a kernel nothing is registered and nothing changes.
 *
 * <p>Each figure is one output that stands on its own: plotly's JSON
 * ({@value #PLOTLY_MIME}, which JupyterLab 4 and Notebook 7 draw with the renderer of the
 * {@code plotly} Python package, and VS Code draws by itself), its title as text, and in its
 * metadata under {@value #PLOT_KEY} the title and trace count. No output carries plotly.js.
 * {@code make notebooks} adds a PNG of every figure to the executed copy, and the HTML reports
 * draw the JSON with plotly.js loaded once per report (docs/PLOTS.md says why).
 *
 * <p>A frontend without plotly's renderer (the classic Notebook 6, nbclassic) shows the text.
 * There, end the first cell with {@link #setup()}: its output loads plotly.js into the page,
 * and from then on every figure also carries a {@code text/html} part, a div and a script that
 * draws the same JSON with it.
 */
public final class Notebook {
    /** The MIME type of plotly's figure JSON. */
    public static final String PLOTLY_MIME = "application/vnd.plotly.v1+json";
    /** The output metadata key under which a figure's title and trace count are recorded. */
    public static final String PLOT_KEY = "neuralnotes/plot";
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
                k.registerBundle(Figure.class, o -> bundle((Figure) o));
                k.registerBundle(PlotFigure.class, o -> bundle((Figure) o));
                k.registerBundle(FigureGroup.class, o -> group((FigureGroup) o));
                k.register(HtmlOutput.class, Notebook::html, String::valueOf);
                k.registerBundles();
            });
        }
        return kernel.isPresent();
    }

    /** True when this code runs inside IJava, JJava or Rapaio. */
    public static boolean inKernel() {
        return install();
    }

    /** "IJava", "JJava", "Rapaio", or "none". */
    public static String kernelName() {
        install();
        return kernel.map(KernelBridge::name).orElse("none");
    }

    /** The next figure shown carries plotly.js again. */
    public static void resendPlotly() {
        STATE.resendPlotly();
    }

    /**
     * For a frontend that cannot draw plotly's JSON (no renderer for {@value #PLOTLY_MIME}): as a
     * cell's result, loads plotly.js into the page, and makes every figure shown afterwards also
     * carry HTML that draws it with that plotly.js. Running the cell again sends plotly.js again
     * (it repairs a page that lost it). Not needed in JupyterLab 4, Notebook 7 or VS Code.
     */
    public static HtmlOutput setup() {
        install();
        STATE.resendPlotly();
        STATE.takePlotly();
        STATE.sendHtml();
        return new HtmlOutput(PlotlyJs.loaderScript(),
                "plotly.js " + PlotlyJs.version() + " (inline, once per notebook)");
    }

    /**
     * The output of one figure: plotly's JSON, the title as text, after {@link #setup()} also
     * HTML; the title and trace count in the metadata.
     */
    static KernelBridge.MimeBundle bundle(Figure figure) {
        return bundle(figure, String.valueOf(figure), "", STATE);
    }

    /** The output of one figure on a page, with this text, and this HTML before the figure's own (after setup()). */
    static KernelBridge.MimeBundle bundle(Figure figure, String text, String htmlBefore, RenderState page) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(PLOTLY_MIME, FigureJson.of(figure));
        data.put("text/plain", text);
        if (page.sendsHtml()) {
            data.put("text/html", htmlBefore + FigureHtml.figureOnly(figure, page));
        }
        Map<String, Object> plot = new LinkedHashMap<>();
        plot.put("title", FigureHtml.title(figure));
        plot.put("traces", figure.getTraces().length);
        return new KernelBridge.MimeBundle(data, Map.of(PLOT_KEY, plot));
    }

    /**
     * A group shows as one output per figure, each standing on its own (plotly's JSON holds one
     * figure): every figure but the last through the kernel's display, the last as this output.
     */
    private static KernelBridge.MimeBundle group(FigureGroup group) {
        List<PlotFigure> figures = group.figures();
        for (PlotFigure f : figures.subList(0, figures.size() - 1)) {
            requireKernel().display(bundle(f));
        }
        return bundle(figures.get(figures.size() - 1));
    }

    /**
     * The outputs that showing {@code o} makes, as nbformat's output dicts
     * ({@code {"output_type": "display_data", "data": ..., "metadata": ...}}), for a place that
     * takes outputs as data, such as the output widget of {@code org.neuralnotes.widgets}: one per
     * figure of a {@link FigureGroup}, one for a {@link PlotFigure} or Tablesaw figure, one
     * ({@code text/html}) for an {@link HtmlOutput}. Works outside a kernel too.
     */
    public static List<Map<String, Object>> outputs(Object o) {
        List<KernelBridge.MimeBundle> bundles = new ArrayList<>();
        if (o instanceof FigureGroup g) {
            g.figures().forEach(f -> bundles.add(bundle(f)));
        } else if (o instanceof Figure f) {
            bundles.add(bundle(f));
        } else if (o instanceof HtmlOutput h) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("text/html", h.html());
            data.put("text/plain", h.toString());
            bundles.add(new KernelBridge.MimeBundle(data, Map.of()));
        } else {
            throw new IllegalArgumentException("o: expected a FigureGroup, a figure or an HtmlOutput, found "
                    + (o == null ? "null" : o.getClass().getName()));
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (KernelBridge.MimeBundle b : bundles) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("output_type", "display_data");
            out.put("data", b.data());
            out.put("metadata", b.metadata());
            outputs.add(out);
        }
        return outputs;
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

    /** The HTML this notebook shows for an {@link HtmlOutput}. */
    static String html(Object o) {
        if (o instanceof HtmlOutput h) {
            return h.html();
        }
        throw new IllegalArgumentException("o: expected an HtmlOutput, found "
                + (o == null ? "null" : o.getClass().getName()));
    }

    static RenderState state() {
        return STATE;
    }

    private static KernelBridge requireKernel() {
        install();
        return kernel.orElseThrow(() -> new IllegalStateException(
                "not running in a Jupyter Java kernel (IJava, JJava or Rapaio)"));
    }
}
