package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class LiveLossDisplayTest {
    /** Records what the kernel's display and updateDisplay would receive. */
    static final class FakeKernel implements LiveLossDisplay.Sink {
        final List<String> calls = new ArrayList<>();
        final List<HtmlOutput> shown = new ArrayList<>();

        @Override
        public String show(Object o) {
            shown.add((HtmlOutput) o);
            calls.add("show " + o);
            return "id" + shown.size();
        }

        @Override
        public void update(String id, Object o) {
            shown.add((HtmlOutput) o);
            calls.add("update " + id + " " + o);
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
    void notebookShowsPlotlyOnceThenUpdatesOneOutputInPlace() {
        FakeKernel kernel = new FakeKernel();
        RenderState page = new RenderState();
        LiveLossDisplay live = new LiveLossDisplay(6, 2, null, kernel, page);
        for (int s = 1; s <= 6; s++) {
            live.update(s, 1.0 / s);
        }
        live.finish();
        // drawn at updates 1, 3, 5, then finish (step 6): plotly alone, the first state, three updates
        assertEquals(5, kernel.calls.size(), kernel.calls.toString());
        assertTrue(kernel.calls.get(0).startsWith("show plotly.js 2."), kernel.calls.get(0));
        assertTrue(kernel.shown.get(0).html().contains("inlined by neuralnotes"));
        assertEquals("show step 1/6  loss 1.00000", kernel.calls.get(1));
        assertEquals("update id2 step 3/6  loss 0.333333", kernel.calls.get(2));
        assertEquals("update id2 step 6/6  loss 0.166667", kernel.calls.get(4));
        String last = kernel.shown.get(4).html();
        assertTrue(last.contains("width:100.0%"), "the bar is full at the end");
        assertTrue(last.contains("class=\"neuralnotes-plot\""), "the loss curve is drawn");
        assertTrue(!last.contains("inlined by neuralnotes"), "plotly.js is not sent again");
        // a second display on the same page does not send plotly.js again
        FakeKernel second = new FakeKernel();
        LiveLossDisplay again = new LiveLossDisplay(0, 1, null, second, page);
        again.update(1, 0.5);
        assertEquals(List.of("show step 1  loss 0.500000"), second.calls);
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
