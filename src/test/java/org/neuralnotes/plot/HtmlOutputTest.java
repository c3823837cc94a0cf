package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** HTML of figures and pages: plotly once, safe deterministic ids, no network. */
class HtmlOutputTest {
    static final String LOADER = "inlined by neuralnotes";

    static PlotFigure figure(String title) {
        return LossCurves.of(TextEscapingTest.lossTable()).title(title).build();
    }

    static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<div id=\"([^\"]+)\" class=\"neuralnotes-plot\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void plotlyIsSentOncePerPage() {
        RenderState page = new RenderState();
        String first = FigureHtml.fragment(figure("a"), page);
        String second = FigureHtml.fragment(figure("b"), page);
        assertEquals(1, count(first, LOADER));
        assertEquals(0, count(second, LOADER));
        page.resendPlotly();
        assertEquals(1, count(FigureHtml.fragment(figure("c"), page), LOADER));
    }

    @Test
    void idsAreSafeUniqueOnAPageAndTheSameRunToRun() {
        RenderState page = new RenderState();
        String html = FigureHtml.figureOnly(figure("a"), page) + FigureHtml.figureOnly(figure("a"), page)
                + FigureHtml.figureOnly(figure("b"), page);
        List<String> ids = ids(html);
        assertEquals(3, ids.size());
        assertEquals(3, ids.stream().distinct().count());
        for (String id : ids) {
            assertTrue(id.matches("[A-Za-z][A-Za-z0-9_]*"), id);
            assertTrue(html.contains("document.getElementById('" + id + "')"), id);
        }
        assertEquals(ids.get(0) + "_2", ids.get(1));
        String again = FigureHtml.figureOnly(figure("a"), new RenderState());
        assertEquals(ids.get(0), ids(again).get(0));
        assertNotEquals(ids.get(0), ids.get(2));
    }

    @Test
    void pageHasOneInlinePlotlyAndNoNetworkReference() {
        Table w = WeightPathsTest.table("W1", 3, 4, 3, 1);
        String html = HtmlPage.of("Report", List.of(figure("loss"), WeightPaths.all(w), figure("again")));
        assertEquals(1, count(html, LOADER));
        assertEquals(3, ids(html).size());   // loss, W1 (the group of one), again
        // script tags outside the inlined plotly.js (whose code is no markup) load nothing from a URL
        int loader = html.indexOf(LOADER);
        String markup = html.substring(0, loader) + html.substring(html.indexOf("</script>", loader));
        assertFalse(Pattern.compile("<script[^>]*\\ssrc=").matcher(markup).find(), "a script from a URL");
        assertFalse(markup.contains("plotly-latest"), "Tablesaw's default page, which loads plotly-latest from a CDN");
        // the loader comes before the first figure, and figures wait for it if it comes later
        assertTrue(html.indexOf(LOADER) < html.indexOf("class=\"neuralnotes-plot\""));
        assertTrue(html.contains("window.neuralnotesPending"));
    }

    @Test
    void pageRefusesWhatItCannotDraw() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtmlPage.of("x", List.of("not a figure")));
        assertTrue(e.getMessage().startsWith("items:") && e.getMessage().contains("index 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HtmlPage.of("x", List.of()));
        assertTrue(e.getMessage().startsWith("items:"), e.getMessage());
    }

    @Test
    void plotlyIsAPinnedTwoPointXBundleThatCanBeInlined() {
        // plotly.js 3 ignores the string titles Tablesaw writes
        assertTrue(PlotlyJs.version().startsWith("2."), PlotlyJs.version());
        String src = PlotlyJs.source();
        assertFalse(src.toLowerCase().contains("</script"));
        assertTrue(src.contains("v" + PlotlyJs.version()), "bundle header names its version");
        String loader = PlotlyJs.loaderScript();
        // the UMD bundle must not see RequireJS's define (nbconvert pages load RequireJS)
        assertTrue(loader.contains("(function (define, module, exports) {"));
        assertTrue(loader.contains("}).call(window);"));
        assertTrue(loader.contains("if (!window.Plotly)"));
    }

    @Test
    void plainTablesawFiguresGetTheSameTreatment() {
        Figure plain = new Figure(Layout.builder("plain").build(),
                ScatterTrace.builder(new double[] {1, 2}, new double[] {3, 4}).build());
        String html = FigureHtml.figureOnly(plain, new RenderState());
        assertTrue(html.contains("data-title=\"plain\" data-traces=\"1\""), html);
        assertEquals(1, ids(html).size());
        Figure untitled = new Figure(ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
        assertTrue(FigureHtml.figureOnly(untitled, new RenderState()).contains("data-title=\"\""));
    }

    @Test
    void heatmapTracesAreNumberedInOrder() {
        String js = "var trace0 =\n{type: 'heatmap'};\nvar trace0 =\n{type: 'heatmap'};\nvar trace2 =\n{};\n"
                + "name: 'var trace0 = inside a string',\n";
        String fixed = FigureHtml.numberTraces(js);
        assertEquals("var trace0 =\n{type: 'heatmap'};\nvar trace1 =\n{type: 'heatmap'};\nvar trace2 =\n{};\n"
                + "name: 'var trace0 = inside a string',\n", fixed);
    }

    @Test
    void setupSendsPlotlyEveryTimeAndFiguresAfterItCarryHtmlWithoutIt() {
        RenderState fresh = new RenderState();
        KernelBridge.MimeBundle before = Notebook.bundle(figure("before setup"), "t", "", fresh);
        assertEquals(java.util.Set.of(Notebook.PLOTLY_MIME, "text/plain"), before.data().keySet(),
                "a figure is plotly's JSON and text, nothing else, before setup");
        HtmlOutput first = Notebook.setup();
        assertEquals(1, count(first.html(), LOADER));
        String after = (String) Notebook.bundle(figure("after setup")).data().get("text/html");
        assertEquals(1, ids(after).size(), "after setup a figure also carries its div and script");
        assertEquals(0, count(after, LOADER));
        assertEquals(1, count(Notebook.setup().html(), LOADER), "running the setup cell again resends it");
        assertTrue(first.toString().startsWith("plotly.js 2."), first.toString());
    }

    @Test
    void outsideAKernelNothingIsRegisteredAndDisplayFails() {
        assertFalse(Notebook.inKernel());
        assertEquals("none", Notebook.kernelName());
        assertThrows(IllegalStateException.class, () -> Notebook.display(figure("x")));
        assertThrows(IllegalStateException.class, () -> LiveLossDisplay.notebook(10, 1));
        assertFalse(LiveLossDisplay.create(10, 1).inNotebook());
    }

    @Test
    void figureTextIsItsPlainDescription() {
        assertEquals("PlotFigure \"two lines\" (2 traces, 700x440)", figure("two\nlines").toString());
        assertEquals("text", new HtmlOutput("<b>x</b>", "text").toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new PrintStream(bytes, true, StandardCharsets.UTF_8).print(WeightPaths.all(WeightPathsTest.table("W1", 1, 2, 2, 1)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("FigureGroup of 1:"));
    }
}
