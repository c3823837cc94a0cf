package org.neuralnotes.widgets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A button that stays pressed ({@code ToggleButtonModel}): its value is true while it is down. */
public final class Toggle extends Widget {
    Toggle(Widgets w, String description, boolean value) {
        super(w, CONTROLS, "ToggleButtonModel", CONTROLS, "ToggleButtonView", state(w, description, value));
    }

    private static Map<String, Object> state(Widgets w, String description, boolean value) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", description);
        s.put("tooltip", description);
        s.put("value", value);
        s.put("button_style", "");
        s.put("icon", "");
        s.put("disabled", false);
        s.put("layout", w.newLayout(Map.of("width", "auto")));
        s.put("style", w.newStyle("ToggleButtonStyleModel", Map.of()));
        return s;
    }

    /** True while the button is down. */
    public boolean value() {
        return Boolean.TRUE.equals(get("value"));
    }

    /** Presses or releases it (the front end follows). */
    public void setValue(boolean value) {
        set("value", value);
    }

    /** Calls {@code listener} with the new value whenever the student presses or releases it. */
    public void onValue(Consumer<Boolean> listener) {
        onChange(key -> {
            if (key.equals("value")) {
                listener.accept(value());
            }
        });
    }
}
