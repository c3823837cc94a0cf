package org.neuralnotes.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.neuralnotes.widgets.CommTransport;
import org.neuralnotes.widgets.KernelInterrupts;
import org.neuralnotes.widgets.Widgets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live playground over a recording front end: play trains in frames on a daemon thread,
 * pausing stops it within one frame and ends the thread, the page closing the comms stops it, a
 * kernel interrupt stops play and {@code train}, and so does a page whose heartbeat falls silent.
 */
class PlaygroundLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records what Java sends; {@link #send} and {@link #closeFromPage} act as the page would. */
    static final class Page implements CommTransport {
        final Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        final Map<String, Consumer<String>> inboxes = new LinkedHashMap<>();
        final List<String> updates = new CopyOnWriteArrayList<>();   // comm id of each update message
        final List<String> outputUpdates = new CopyOnWriteArrayList<>();   // JSON of each update with outputs

        @Override
        public synchronized Comm open(String commId, String target, String dataJson, Map<String, Object> metadata,
                Consumer<String> inbox) {
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) parse(dataJson).get("state");
            states.put(commId, state);
            inboxes.put(commId, inbox);
            return new Comm() {
                @Override
                public void send(String json) {
                    Map<String, Object> m = parse(json);
                    if ("update".equals(m.get("method"))) {
                        updates.add(commId);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> changed = (Map<String, Object>) m.get("state");
                        synchronized (Page.this) {
                            states.get(commId).putAll(changed);
                        }
                        if (((Map<?, ?>) m.get("state")).containsKey("outputs")) {
                            outputUpdates.add(json);
                        }
                    }
                }

                @Override
                public void close() {}
            };
        }

        synchronized Object stateOf(String id, String key) {
            return states.get(id).get(key);
        }

        synchronized String idOf(String model, String description) {
            return states.entrySet().stream()
                    .filter(e -> model.equals(e.getValue().get("_model_name"))
                            && (description == null || description.equals(e.getValue().get("description"))))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError(model + " " + description));
        }

        /** The student changes a control: an update from the page. */
        void send(String id, Map<String, Object> state) throws Exception {
            inboxes.get(id).accept(JSON.writeValueAsString(Map.of("method", "update", "state", state,
                    "buffer_paths", List.of())));
        }

        /** The student clicks a button: a custom message from the page. */
        void click(String id) throws Exception {
            inboxes.get(id).accept(JSON.writeValueAsString(Map.of("method", "custom",
                    "content", Map.of("event", "click"))));
        }

        void closeFromPage(String id) {
            inboxes.get(id).accept(null);
        }

        long figureUpdates(String outputId) {
            return updates.stream().filter(outputId::equals).count();
        }

        private static Map<String, Object> parse(String json) {
            try {
                return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Page page = new Page();
    private final Widgets widgets = Widgets.over(page, bundle -> {});

    private static boolean waitFor(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private static List<Thread> trainingThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("neuralnotes-playground") && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }

    @Test
    void playTrainsInFramesOnADaemonThreadAndPauseStopsWithinOneFrame() throws Exception {
        Playground pg = Playground.live(Setting.defaults(), widgets);
        assertTrue(pg.live());
        assertEquals(0, pg.steps());
        assertFalse(pg.training(), "no thread before play");
        String play = page.idOf("ToggleButtonModel", "play");
        String output = page.idOf("OutputModel", null);
        long before = page.figureUpdates(output);

        page.send(play, Map.of("value", true));
        assertTrue(waitFor(() -> pg.steps() >= 3 * Playground.STEPS_PER_FRAME, 10_000), "steps " + pg.steps());
        assertTrue(pg.training());
        for (Thread t : trainingThreads()) {
            assertTrue(t.isDaemon(), "the training thread must not keep the kernel alive");
        }
        assertEquals(0, pg.steps() % Playground.STEPS_PER_FRAME, "frames of " + Playground.STEPS_PER_FRAME);
        assertTrue(page.figureUpdates(output) > before, "the figures were redrawn");
        // while playing, a frame is one HTML output of SVG images, not three plotly figures
        String playingFrame = page.outputUpdates.get(page.outputUpdates.size() - 1);
        assertTrue(playingFrame.contains("nn-playground-frame") && playingFrame.contains("Training points, step ")
                && !playingFrame.contains("application/vnd.plotly.v1+json"), playingFrame.substring(0, 300));

        page.send(play, Map.of("value", false));
        assertTrue(waitFor(() -> !pg.training(), 2000), "the thread ends after pause");
        int paused = pg.steps();
        Thread.sleep(3 * Playground.FRAME_MILLIS);
        assertEquals(paused, pg.steps(), "no step after pause");
        assertTrue(trainingThreads().isEmpty(), "no training thread left: " + trainingThreads());
        // where play stopped, the interactive figures again
        String last = page.outputUpdates.get(page.outputUpdates.size() - 1);
        assertTrue(last.contains("application/vnd.plotly.v1+json") && last.contains("step " + paused), "plotly");
        // the rate: frames are paced at FRAME_MILLIS at most
        assertTrue(pg.framesPerSecond() > 0 && pg.framesPerSecond() <= 1000.0 / Playground.FRAME_MILLIS + 0.5,
                "fps " + pg.framesPerSecond());
        pg.close();
    }

    @Test
    void thePageClosingTheCommsStopsTraining() throws Exception {
        Playground pg = Playground.live(Setting.defaults(), widgets);
        String play = page.idOf("ToggleButtonModel", "play");
        page.send(play, Map.of("value", true));
        assertTrue(waitFor(() -> pg.steps() > 0, 10_000));
        page.closeFromPage(page.idOf("OutputModel", null));
        assertTrue(waitFor(() -> !pg.training(), 3000), "training goes on after the page closed the widgets");
        assertTrue(widgets.isClosed());
        int steps = pg.steps();
        Thread.sleep(3 * Playground.FRAME_MILLIS);
        assertEquals(steps, pg.steps());
        assertTrue(trainingThreads().isEmpty());
    }

    @Test
    void anInterruptStopsTrainOnTheCellsThread() throws Exception {
        Playground pg = Playground.live(Setting.defaults(), widgets);
        Thread cell = new Thread(() -> pg.train(50_000_000));
        cell.start();
        assertTrue(waitFor(() -> cell.getState() == Thread.State.RUNNABLE, 2000));
        Thread.sleep(300);
        cell.interrupt();
        cell.join(5000);
        assertFalse(cell.isAlive(), "train(...) did not stop at the interrupt");
        assertTrue(pg.steps() < 50_000_000);
        pg.close();
    }

    @Test
    void theLearningRateSliderReachesTheRunAndResetStartsOver() throws Exception {
        Playground pg = Playground.live(Setting.defaults(), widgets);
        String start = pg.status();
        page.send(page.idOf("FloatLogSliderModel", "learning rate"), Map.of("value", 0.1));
        assertTrue(widgets.awaitListeners(5));
        assertEquals(0.1, pg.setting().learningRate());
        assertTrue(pg.status().contains("learning rate 0.10"), pg.status());
        pg.train(5);
        assertEquals(5, pg.steps());
        page.click(page.idOf("ButtonModel", "reset"));
        assertTrue(widgets.awaitListeners(5));
        assertEquals(0, pg.steps());
        assertEquals(start.replace("learning rate 0.030", "learning rate 0.10"), pg.status());
        pg.close();
    }

    @Test
    void aKernelInterruptStopsPlayAndThePlayButtonComesUp() throws Exception {
        Playground pg = Playground.live(Setting.defaults(), widgets);
        String play = page.idOf("ToggleButtonModel", "play");
        String heartbeat = page.idOf("PlayModel", "");
        page.send(play, Map.of("value", true));
        assertTrue(waitFor(() -> pg.steps() >= 2 * Playground.STEPS_PER_FRAME, 10_000), "steps " + pg.steps());
        assertEquals(true, page.stateOf(heartbeat, "playing"), "the page's heartbeat ticks while playing");
        int atInterrupt = pg.steps();
        KernelInterrupts.interrupt();   // what the kernel's interrupt_request reaches
        assertTrue(waitFor(() -> !pg.training(), 2000), "play goes on after a kernel interrupt");
        int stopped = pg.steps();
        assertTrue(stopped - atInterrupt <= 2 * Playground.STEPS_PER_FRAME,
                "more than one frame after the interrupt: " + atInterrupt + " -> " + stopped);
        Thread.sleep(3 * Playground.FRAME_MILLIS);
        assertEquals(stopped, pg.steps(), "no step after the interrupt");
        assertEquals(false, page.stateOf(play, "value"), "the play button comes up");
        assertEquals(false, page.stateOf(heartbeat, "playing"), "the heartbeat stops");
        assertTrue(trainingThreads().isEmpty(), "no training thread left: " + trainingThreads());
        pg.close();
    }

    @Test
    void playGoesOnWhileThePageTicksAndPausesWhenItFallsSilent() throws Exception {
        Playground pg = Playground.live(Setting.defaults(), widgets);
        String play = page.idOf("ToggleButtonModel", "play");
        String heartbeat = page.idOf("PlayModel", "");
        page.send(play, Map.of("value", true));
        // the page ticks every HEARTBEAT_MILLIS for longer than the silence allowed: play goes on
        long tickingFor = Playground.PAGE_SILENCE_MILLIS + 1000;
        for (int i = 1; i <= tickingFor / Playground.HEARTBEAT_MILLIS; i++) {
            Thread.sleep(Playground.HEARTBEAT_MILLIS);
            page.send(heartbeat, Map.of("value", i));
        }
        assertTrue(pg.training(), "play stopped although the page ticked");
        // the tab closes: no tick any more, and no comm_close either
        long silentFrom = System.currentTimeMillis();
        assertTrue(waitFor(() -> !pg.training(), Playground.PAGE_SILENCE_MILLIS + 2000),
                "play goes on after the page fell silent");
        long tookMillis = System.currentTimeMillis() - silentFrom;
        assertTrue(tookMillis >= Playground.PAGE_SILENCE_MILLIS - Playground.HEARTBEAT_MILLIS,
                "stopped too early: " + tookMillis + " ms");
        int stopped = pg.steps();
        Thread.sleep(3 * Playground.FRAME_MILLIS);
        assertEquals(stopped, pg.steps(), "no step after the page fell silent");
        assertEquals(false, page.stateOf(play, "value"), "the play button comes up");
        assertTrue(trainingThreads().isEmpty(), "no training thread left: " + trainingThreads());
        pg.close();
    }
}
