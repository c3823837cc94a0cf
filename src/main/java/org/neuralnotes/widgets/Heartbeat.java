package org.neuralnotes.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells Java that the page is still there: a hidden {@code Play} widget ({@code PlayModel} of
 * {@code @jupyter-widgets/controls} 2.0) whose timer in the page sends its next value every
 * {@code intervalMillis} while {@link #beat beating}. Closing the notebook's tab, the browser or the
 * connection stops the ticks (JupyterLab sends no comm_close for them), so a silence means the
 * page is gone: {@link #silentMillis()}.
 *
 * <p>The ticks come as comm messages on the kernel's thread, which hears none while a cell runs; they
 * wait in the kernel's queue until the cell ends.
 */
public final class Heartbeat extends Widget {
    private volatile long lastHeard = System.nanoTime();

    Heartbeat(Widgets w, int intervalMillis) {
        super(w, CONTROLS, "PlayModel", CONTROLS, "PlayView", state(w, intervalMillis));
    }

    private static Map<String, Object> state(Widgets w, int intervalMillis) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", 0);
        s.put("min", 0);
        s.put("max", Integer.MAX_VALUE);
        s.put("step", 1);
        s.put("interval", intervalMillis);
        s.put("playing", false);
        s.put("repeat", true);
        s.put("show_repeat", false);
        s.put("description", "");
        s.put("disabled", false);
        s.put("layout", w.newLayout(Map.of("display", "none")));   // drawn, so it ticks, but not seen
        s.put("style", w.newStyle("DescriptionStyleModel", Map.of()));
        return s;
    }

    /** Starts (true) or stops the page's ticks; starting counts as hearing the page. */
    public void beat(boolean on) {
        if (on) {
            lastHeard = System.nanoTime();
        }
        set("playing", on);
    }

    /** Milliseconds since the page last ticked (or since {@link #beat}(true)). */
    public long silentMillis() {
        return (System.nanoTime() - lastHeard) / 1_000_000;
    }

    /** The time of the last tick, as {@link System#nanoTime()}. */
    public long lastHeardNanos() {
        return lastHeard;
    }

    @Override
    void updated(Map<String, Object> changed) {
        lastHeard = System.nanoTime();
    }
}
