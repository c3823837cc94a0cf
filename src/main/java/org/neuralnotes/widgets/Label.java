package org.neuralnotes.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** A line of text ({@code LabelModel}) that Java rewrites with {@link #setText}. */
public final class Label extends Widget {
    Label(Widgets w, String text) {
        super(w, CONTROLS, "LabelModel", CONTROLS, "LabelView", state(w, text));
    }

    private static Map<String, Object> state(Widgets w, String text) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", text);
        s.put("description", "");
        s.put("placeholder", "");
        s.put("layout", w.newLayout(Map.of()));
        s.put("style", w.newStyle("LabelStyleModel", Map.of()));
        return s;
    }

    /** The text shown. */
    public String text() {
        return (String) get("value");
    }

    /** Replaces the text. */
    public void setText(String text) {
        set("value", text);
    }
}
