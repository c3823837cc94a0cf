package org.neuralnotes.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A push button ({@code ButtonModel}): a click arrives as the custom message {@code {"event": "click"}}. */
public final class Button extends Widget {
    private final List<Runnable> clicks = new ArrayList<>();

    Button(Widgets w, String description) {
        super(w, CONTROLS, "ButtonModel", CONTROLS, "ButtonView", state(w, description));
    }

    private static Map<String, Object> state(Widgets w, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", description);
        s.put("tooltip", description);
        s.put("button_style", "");
        s.put("icon", "");
        s.put("disabled", false);
        s.put("layout", w.newLayout(Map.of("width", "auto")));
        s.put("style", w.newStyle("ButtonStyleModel", Map.of()));
        return s;
    }

    /** Calls {@code listener} (on the listener thread) at each click. */
    public synchronized void onClick(Runnable listener) {
        clicks.add(listener);
    }

    /** What a click from the front end does; also for code that presses the button. */
    public void click() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(clicks);
        }
        now.forEach(Runnable::run);
    }

    @Override
    protected void onCustom(Map<String, Object> content) {
        if ("click".equals(content.get("event"))) {
            click();
        }
    }
}
