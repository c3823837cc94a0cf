package org.neuralnotes.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuralnotes.plot.FigureGroup;
import org.neuralnotes.plot.HtmlOutput;
import org.neuralnotes.plot.LineChart;
import org.neuralnotes.plot.Notebook;
import org.neuralnotes.plot.PlotFigure;

/**
 * The output widget's messages against jupyter-widgets' spec (packages/schema/messages.md and the
 * OutputModel of jupyterwidgetmodels.latest.md, @jupyter-widgets/output 1.0.0) and nbformat's
 * display_data output: the comm_open state that ipywidgets 8.1's {@code Output()} sends, and an
 * {@code update} of {@code outputs} that replaces what the area shows.
 */
class OutputWidgetTest {
    final WidgetMessagesTest.FakeFrontEnd front = new WidgetMessagesTest.FakeFrontEnd();
    final Widgets widgets = Widgets.over(front, m -> {});

    @Test
    void commOpenCarriesTheStateOfIpywidgetsOutput() {
        Output o = widgets.output();
        WidgetMessagesTest.FakeFrontEnd.Opened opened = front.openedFor(o);
        assertEquals("jupyter.widget", opened.target());
        assertEquals(Map.of("version", "2.1.0"), opened.metadata());
        assertEquals(List.of(), opened.data().get("buffer_paths"));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) opened.data().get("state");
        // ipywidgets 8.1.8: Output().get_state(), _view_count left out as our other widgets do
        assertEquals("@jupyter-widgets/output", state.get("_model_module"));
        assertEquals("1.0.0", state.get("_model_module_version"));
        assertEquals("OutputModel", state.get("_model_name"));
        assertEquals("@jupyter-widgets/output", state.get("_view_module"));
        assertEquals("1.0.0", state.get("_view_module_version"));
        assertEquals("OutputView", state.get("_view_name"));
        assertEquals("", state.get("msg_id"));
        assertEquals(List.of(), state.get("outputs"));
        assertEquals(List.of(), state.get("_dom_classes"));
        assertTrue(state.containsKey("tabbable") && state.get("tabbable") == null);
        assertTrue(state.containsKey("tooltip") && state.get("tooltip") == null);
        String layout = ((String) state.get("layout")).substring("IPY_MODEL_".length());
        @SuppressWarnings("unchecked")
        Map<String, Object> layoutState = (Map<String, Object>) front.opened.stream()
                .filter(x -> x.id().equals(layout)).findFirst().orElseThrow().data().get("state");
        assertEquals("LayoutModel", layoutState.get("_model_name"));
        assertEquals("2.0.0", layoutState.get("_model_module_version"));
    }

    @Test
    void showSendsAnUpdateOfOutputsWithDisplayDataDicts() {
        Output o = widgets.output();
        Map<String, Object> out = Output.displayData(Map.of("text/plain", "step 5"), Map.of());
        o.show(List.of(out));
        // nbformat 4: {"output_type": "display_data", "data": {mime: value}, "metadata": {}}
        Map<String, Object> expected = Map.of("method", "update", "buffer_paths", List.of(), "comm_id", o.id(),
                "state", Map.of("outputs", List.of(Map.of("output_type", "display_data",
                        "data", Map.of("text/plain", "step 5"), "metadata", Map.of()))));
        assertEquals(expected, front.sent.get(front.sent.size() - 1));
        o.clear();
        assertEquals(Map.of("outputs", List.of()), front.sent.get(front.sent.size() - 1).get("state"));
        assertEquals(List.of(), o.outputs());
        assertThrows(IllegalArgumentException.class, () -> Output.displayData(Map.of(), Map.of()));
    }

    @Test
    void figuresTravelAsPlotlysJsonObjectsOnePerFigureFromAnyThread() throws InterruptedException {
        Output o = widgets.output();
        PlotFigure a = LineChart.of("Loss").line("train", new double[] {0, 1, 2}, new double[] {3, 2, 1}).build();
        PlotFigure b = LineChart.of("Other").line("a", new double[] {0, 1}, new double[] {1, 2}).build();
        List<Map<String, Object>> outputs = new ArrayList<>(Notebook.outputs(new FigureGroup(List.of(a, b))));
        outputs.addAll(Notebook.outputs(new HtmlOutput("<b>W1</b>", "weights")));
        Thread t = new Thread(() -> o.show(outputs), "training");
        t.start();
        t.join();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sent = (List<Map<String, Object>>) ((Map<String, Object>) front.sent
                .get(front.sent.size() - 1).get("state")).get("outputs");
        assertEquals(3, sent.size());
        for (Map<String, Object> each : sent) {
            assertEquals("display_data", each.get("output_type"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plotly = (Map<String, Object>) ((Map<String, Object>) sent.get(0).get("data"))
                .get(Notebook.PLOTLY_MIME);
        assertTrue(plotly.get("data") instanceof List && plotly.get("layout") instanceof Map, plotly.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> title = (Map<String, Object>) ((Map<String, Object>) plotly.get("layout")).get("title");
        assertEquals("Loss", title.get("text"));
        assertEquals(Map.of("text/html", "<b>W1</b>", "text/plain", "weights"), sent.get(2).get("data"));
        assertThrows(IllegalArgumentException.class, () -> Notebook.outputs("text"));
    }
}
