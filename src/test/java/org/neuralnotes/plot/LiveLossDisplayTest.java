package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class LiveLossDisplayTest {
    /** Records what the kernel's display and updateDisplay would receive. */
    static final class FakeKernel implements LiveLossDisplay.Sink {
        final List<String> calls = new ArrayList<>();
        final List<KernelBridge.MimeBundle> shown = new ArrayList<>();

        @Override
        public String show(Object o) {
            KernelBridge.MimeBundle b = (KernelBridge.MimeBundle) o;
            shown.add(b);
            calls.add("show " + b.data().get("text/plain"));
            return "id" + shown.size();
        }

        @Override
        public void update(String id, Object o) {
            KernelBridge.MimeBundle b = (KernelBridge.MimeBundle) o;
            shown.add(b);
            calls.add("update " + id + " " + b.data().get("text/plain"));
        }
    }

    @Test
    void consoleLinesOnFirstStepEveryFewStepsAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveLossDisplay live = LiveLossDisplay.console(new PrintStream(bytes, true, StandardCharsets.UTF_8), 7, 3);
        for (int s = 1; s <= 7; s++) {
            live.update(s, 1.0 / s);
        }
        live.finish();
        live.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(List.of("step 1/7  loss 1.00000", "step 4/7  loss 0.250000", "step 7/7  loss 0.142857"),
                List.of(lines));
    }

    @Test
    void finishDrawsTheLastStepWhenItWasNotDrawnYet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveLossDisplay live = LiveLossDisplay.console(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0, 5);
        live.update(10, 0.5, 0.75);
        live.update(20, 0.25, 0.5);
        live.finish();
        assertEquals(List.of("step 10  loss 0.500000  validation 0.750000",
                "step 20  loss 0.250000  validation 0.500000"),
                List.of(bytes.toString(StandardCharsets.UTF_8).split("\\R")));
        Table t = live.lossTable();
        assertEquals(2, t.rowCount());
        assertEquals(0.5, t.doubleColumn("validation_loss").getDouble(1), 0.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void notebookShowsOneStandaloneOutputAndUpdatesItInPlace() {
        FakeKernel kernel = new FakeKernel();
        RenderState page = new RenderState();
        LiveLossDisplay live = new LiveLossDisplay(6, 2, null, kernel, page);
        for (int s = 1; s <= 6; s++) {
            live.update(s, 1.0 / s);
        }
        live.finish();
        // drawn at updates 1, 3, 5, then finish (step 6): the first state, three updates; no plotly.js
        assertEquals(List.of("show step 1/6  loss 1.00000", "update id1 step 3/6  loss 0.333333",
                "update id1 step 5/6  loss 0.200000", "update id1 step 6/6  loss 0.166667"), kernel.calls);
        KernelBridge.MimeBundle last = kernel.shown.get(3);
        Map<String, Object> figure = (Map<String, Object>) last.data().get(Notebook.PLOTLY_MIME);
        List<Map<String, Object>> data = (List<Map<String, Object>>) figure.get("data");
        List<Object> y = (List<Object>) data.get(0).get("y");
        assertEquals(6, y.size(), "every recorded step is on the curve");
        assertEquals(1.0 / 6, ((Number) y.get(5)).doubleValue(), 1e-15);
        Map<String, Object> title = (Map<String, Object>) ((Map<String, Object>) figure.get("layout")).get("title");
        assertEquals("Loss during training: step 6/6  loss 0.166667", title.get("text"));
        assertFalse(last.data().containsKey("text/html"), "no HTML part before Notebook.setup()");
        // after setup, the same output also carries HTML: the progress bar and the curve's div
        page.sendHtml();
        FakeKernel second = new FakeKernel();
        LiveLossDisplay again = new LiveLossDisplay(4, 1, null, second, page);
        again.update(4, 0.5);
        String html = (String) second.shown.get(0).data().get("text/html");
        assertTrue(html.contains("width:100.0%"), "the bar is full at the last step");
        assertTrue(html.contains("class=\"neuralnotes-plot\""), "the loss curve's div");
        assertFalse(html.contains("inlined by neuralnotes"), "plotly.js is never in a figure's output");
    }

    @Test
    void badArgumentsAreRefused() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiveLossDisplay.console(out, 10, 0));
        assertTrue(e.getMessage().startsWith("every:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LiveLossDisplay.console(out, -1, 1));
        assertTrue(e.getMessage().startsWith("totalSteps:"), e.getMessage());
        LiveLossDisplay live = LiveLossDisplay.console(out, 10, 1);
        live.update(5, 0.1);
        e = assertThrows(IllegalArgumentException.class, () -> live.update(5, 0.1));
        assertTrue(e.getMessage().startsWith("step:"), e.getMessage());
        live.finish();
        assertThrows(IllegalStateException.class, () -> live.update(6, 0.1));
    }
}
