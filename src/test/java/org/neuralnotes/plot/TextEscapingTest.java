package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Names with quotes, backslashes and newlines reach plotly as the same text. */
class TextEscapingTest {
    static final String[] NAMES = {
        "it's", "say \"hi\"", "back\\slash", "two\nlines", "crlf\r\nline", "a\\nb (backslash n)",
        "</script><b>x</b> &amp; &", "tab\there", "quote' \" \\ mix\n"
    };

    static Table lossTable() {
        return Table.create("loss", IntColumn.create("step", 1, 2, 3),
                DoubleColumn.create("loss", 0.9, 0.5, 0.3),
                DoubleColumn.create("validation_loss", 1.0, 0.7, 0.6));
    }

    static String expected(String name) {
        // plotly has no tab in labels: a tab is drawn as a space; \r\n and \r are one line break
        return name.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void figureTitleIsDrawnAsGiven(int i) {
        String name = NAMES[i];
        PlotFigure f = LossCurves.of(lossTable()).title(name).build();
        String js = f.getLayout().asJavascript();
        assertEquals(expected(name), Scripts.plotlyText(Scripts.decodeJs(Scripts.literal(js, "title"))));
        assertEquals(name, f.title());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void runLabelIsDrawnAsGivenInTheLegend(int i) {
        String name = NAMES[i];
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put(name, lossTable());
        PlotFigure f = LossCurves.of(runs).build();
        String training = Scripts.literal(Scripts.trace(f, 0), "name");
        String validation = Scripts.literal(Scripts.trace(f, 1), "name");
        assertEquals(expected(name), Scripts.plotlyText(Scripts.decodeJs(training)));
        assertEquals(expected(name) + " (validation)", Scripts.plotlyText(Scripts.decodeJs(validation)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void parameterNameIsDrawnAsGivenInPanelTitles(int i) {
        String name = NAMES[i];
        Table w = Table.create("w", IntColumn.create("step", 1, 2),
                StringColumn.create("parameter", name, name), IntColumn.create("row", 0, 0),
                IntColumn.create("col", 0, 0), DoubleColumn.create("value", 0.5, 0.25));
        PlotFigure f = WeightPaths.of(w, name).build();
        List<Map<String, Object>> annotations = Scripts.annotations(f);
        String panel = (String) annotations.get(0).get("text");
        // the JSON text is what plotly gets; it reads <br> and entities in it
        assertEquals(expected(name) + "[0,0]", Scripts.plotlyText(panel));
        String title = Scripts.plotlyText(Scripts.decodeJs(Scripts.literal(f.getLayout().asJavascript(), "title")));
        assertEquals(expected(name) + " (1x1): paths over the steps", title);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void noNameCanCloseTheInlineScript(int i) {
        String name = NAMES[i];
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put(name, lossTable());
        PlotFigure f = LossCurves.of(runs).title(name).build();
        String html = FigureHtml.figureOnly(f, new RenderState());
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.lastIndexOf("</script>"));
        assertFalse(script.toLowerCase().contains("</script"), script);
        assertFalse(script.contains("<!--"), script);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void jsonStringsReadBackExactly(int i) {
        String name = NAMES[i];
        Map<String, Object> back = Scripts.json(Map.of("s", name));
        assertEquals(name, back.get("s"));
        assertFalse(Json.write(name).contains("<"), "'<' must be escaped in inline scripts");
    }
}
