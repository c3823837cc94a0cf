package org.neuralnotes.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Children in a row ({@code HBox}) or a column ({@code VBox}); the state refers to them by model id. */
public final class Box extends Widget {
    Box(Widgets w, String kind, List<Widget> children) {
        super(w, CONTROLS, kind + "Model", CONTROLS, kind + "View", state(w, children));
    }

    private static Map<String, Object> state(Widgets w, List<Widget> children) {
        List<String> refs = new ArrayList<>();
        for (Widget c : children) {
            refs.add(c.reference());
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("children", refs);
        s.put("box_style", "");
        s.put("layout", w.newLayout(Map.of("flex_flow", "row wrap")));
        return s;
    }
}
