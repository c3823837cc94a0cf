package org.neuralnotes.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The widget messages against the examples of jupyter-widgets' packages/schema/messages.md
 * (protocol 2.1): comm_open with state and buffer_paths, update both ways, echo_update,
 * request_state, custom messages for a button's click, and the display_data of a view.
 */
class WidgetMessagesTest {
    /** A transport that records what the widgets send and lets the test play the front end. */
    static final class FakeFrontEnd implements CommTransport {
        record Opened(String id, String target, Map<String, Object> data, Map<String, Object> metadata) {}

        final List<Opened> opened = new ArrayList<>();
        final List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();
        final List<String> closed = new ArrayList<>();
        final Map<String, Consumer<String>> inboxes = new LinkedHashMap<>();

        @Override
        public Comm open(String commId, String target, String dataJson, Map<String, Object> metadata,
                Consumer<String> inbox) {
            opened.add(new Opened(commId, target, Messages.parse(dataJson), metadata));
            inboxes.put(commId, inbox);
            return new Comm() {
                @Override
                public void send(String json) {
                    Map<String, Object> m = Messages.parse(json);
                    m.put("comm_id", commId);
                    sent.add(m);
                }

                @Override
                public void close() {
                    closed.add(commId);
                }
            };
        }

        /** The front end sends a comm_msg (as the kernel's shell thread would hand it over). */
        void message(Widget w, String json) {
            inboxes.get(w.id()).accept(json);
        }

        Opened openedFor(Widget w) {
            return opened.stream().filter(o -> o.id().equals(w.id())).findFirst().orElseThrow();
        }
    }

    final FakeFrontEnd front = new FakeFrontEnd();
    final List<Map<String, Object>> shown = new ArrayList<>();
    final Widgets widgets = Widgets.over(front, shown::add);

    @Test
    void commOpenCarriesTheWholeStateTheProtocolVersionAndNoBuffers() {
        Slider s = widgets.floatSlider("noise", 0, 0.5, 0.05, 0.1);
        FakeFrontEnd.Opened o = front.openedFor(s);
        assertEquals("jupyter.widget", o.target());
        assertEquals(Map.of("version", "2.1.0"), o.metadata());
        assertEquals(List.of(), o.data().get("buffer_paths"));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) o.data().get("state");
        assertEquals("@jupyter-widgets/controls", state.get("_model_module"));
        assertEquals("2.0.0", state.get("_model_module_version"));
        assertEquals("FloatSliderModel", state.get("_model_name"));
        assertEquals("FloatSliderView", state.get("_view_name"));
        assertEquals(0.1, state.get("value"));
        assertEquals(0.5, state.get("max"));
        assertEquals("noise", state.get("description"));
        // layout and style are models opened before the slider, referred to as IPY_MODEL_<id>
        String layout = ((String) state.get("layout")).substring("IPY_MODEL_".length());
        String style = ((String) state.get("style")).substring("IPY_MODEL_".length());
        assertEquals("LayoutModel", stateOf(layout).get("_model_name"));
        assertEquals("@jupyter-widgets/base", stateOf(layout).get("_model_module"));
        assertEquals("SliderStyleModel", stateOf(style).get("_model_name"));
        assertEquals("StyleView", stateOf(style).get("_view_name"));
        assertTrue(indexOf(layout) < indexOf(s.id()) && indexOf(style) < indexOf(s.id()));
    }

    @Test
    void anUpdateFromTheFrontEndIsTakenEchoedAndHeardByListeners() throws InterruptedException {
        Slider s = widgets.floatSlider("noise", 0, 0.5, 0.05, 0.1);
        List<Double> heard = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        s.onValue(v -> {
            heard.add(v);
            threads.add(Thread.currentThread().getName());
        });
        front.message(s, "{\"method\": \"update\", \"state\": {\"value\": 0.35}, \"buffer_paths\": []}");
        assertEquals(0.35, s.value());
        Map<String, Object> echo = front.sent.get(front.sent.size() - 1);
        assertEquals("echo_update", echo.get("method"));
        assertEquals(Map.of("value", 0.35), echo.get("state"));
        assertEquals(List.of(), echo.get("buffer_paths"));
        assertTrue(widgets.awaitListeners(5));
        assertEquals(List.of(0.35), heard);
        assertNotEquals(Thread.currentThread().getName(), threads.get(0));
        assertEquals("neuralnotes-widget-listeners", threads.get(0));
    }

    @Test
    void javaSettingAValueSendsAnUpdateWithOnlyThatKey() {
        Slider s = widgets.intSlider("units", 1, 8, 4);
        s.setValue(6);
        Map<String, Object> m = front.sent.get(front.sent.size() - 1);
        assertEquals(Map.of("method", "update", "state", Map.of("value", 6), "buffer_paths", List.of(),
                "comm_id", s.id()), m);
        assertEquals(6.0, s.value());
    }

    @Test
    void aClickArrivesAsACustomMessageAndRunsTheButtonsListeners() throws InterruptedException {
        Button b = widgets.button("step");
        int[] clicks = {0};
        b.onClick(() -> clicks[0]++);
        front.message(b, "{\"method\": \"custom\", \"content\": {\"event\": \"click\"}}");
        front.message(b, "{\"method\": \"custom\", \"content\": {\"event\": \"click\"}}");
        front.message(b, "{\"method\": \"custom\", \"content\": {\"event\": \"something else\"}}");
        assertTrue(widgets.awaitListeners(5));
        assertEquals(2, clicks[0]);
        assertEquals("ButtonModel", stateOf(b.id()).get("_model_name"));
    }

    @Test
    void requestStateIsAnsweredWithTheWholeState() {
        Toggle t = widgets.toggle("play", false);
        t.setValue(true);
        front.message(t, "{\"method\": \"request_state\"}");
        Map<String, Object> m = front.sent.get(front.sent.size() - 1);
        assertEquals("update", m.get("method"));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) m.get("state");
        assertEquals(true, state.get("value"));
        assertEquals("ToggleButtonModel", state.get("_model_name"));
        assertEquals("play", state.get("description"));
    }

    @Test
    void aLogSliderSendsExponentsAndShowsTheValue() {
        Slider lr = widgets.logSlider("learning rate", -4, 1, 0.1, 0.03);
        Map<String, Object> state = stateOf(lr.id());
        assertEquals("FloatLogSliderModel", state.get("_model_name"));
        assertEquals(10.0, state.get("base"));
        assertEquals(-4.0, state.get("min"));
        assertEquals(1.0, state.get("max"));
        assertEquals(0.03, lr.value());
        front.message(lr, "{\"method\": \"update\", \"state\": {\"value\": 3.0}, \"buffer_paths\": []}");
        assertEquals(3.0, lr.value());
        assertThrows(IllegalArgumentException.class, () -> widgets.logSlider("learning rate", -4, 1, 0.1, 20));
    }

    @Test
    void aDropdownSyncsTheIndexOfItsLabels() throws InterruptedException {
        Dropdown d = widgets.dropdown("data", List.of("two blobs", "circles", "xor"), "circles");
        assertEquals(List.of("two blobs", "circles", "xor"), stateOf(d.id()).get("_options_labels"));
        assertEquals(1, stateOf(d.id()).get("index"));
        List<String> picked = new CopyOnWriteArrayList<>();
        d.onSelect(picked::add);
        front.message(d, "{\"method\": \"update\", \"state\": {\"index\": 2}, \"buffer_paths\": []}");
        assertTrue(widgets.awaitListeners(5));
        assertEquals(List.of("xor"), picked);
        d.select("two blobs");
        assertEquals(Map.of("index", 0), front.sent.get(front.sent.size() - 1).get("state"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.select("moons"));
        assertTrue(e.getMessage().contains("moons"), e.getMessage());
    }

    @Test
    void aBoxRefersToItsChildrenAndADisplayNamesTheModel() {
        Label l = widgets.label("step 0");
        Button b = widgets.button("reset");
        Box box = widgets.hbox(l, b);
        assertEquals(List.of("IPY_MODEL_" + l.id(), "IPY_MODEL_" + b.id()), stateOf(box.id()).get("children"));
        widgets.display(box);
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) shown.get(0).get(Widgets.VIEW_MIME);
        assertEquals(Map.of("model_id", box.id(), "version_major", 2, "version_minor", 0), view);
    }

    @Test
    void closingClosesEveryCommAndSendsNothingMore() {
        Label l = widgets.label("x");
        int opened = front.opened.size();
        widgets.close();
        assertEquals(opened, front.closed.size());
        int before = front.sent.size();
        l.setText("y");
        assertEquals(before, front.sent.size());
        assertThrows(IllegalStateException.class, () -> widgets.label("z"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stateOf(String id) {
        return (Map<String, Object>) front.opened.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow()
                .data().get("state");
    }

    private int indexOf(String id) {
        for (int i = 0; i < front.opened.size(); i++) {
            if (front.opened.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
