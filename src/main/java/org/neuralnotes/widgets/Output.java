package org.neuralnotes.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An area of outputs ({@code OutputModel} of {@code @jupyter-widgets/output} 1.0.0, ipywidgets 8)
 * whose content Java replaces: {@link #show} sets the {@code outputs} key to a list of nbformat
 * output dicts, {@code {"output_type": "display_data", "data": {mime: value}, "metadata": {}}}, and
 * the front end draws them with its own renderers (plotly's JSON with plotly's renderer).
 *
 * <p>Unlike the kernel's display and update_display, this is a comm message: it reaches the page
 * from any thread, also after the cell that opened the widget has ended. {@code msg_id} stays
 * empty, so the front end never captures a cell's outputs into it.
 */
public final class Output extends Widget {
    /** The module of the output widget, and its version in ipywidgets 8. */
    static final String MODULE = "@jupyter-widgets/output";
    static final String VERSION = "1.0.0";

    Output(Widgets w) {
        super(w, MODULE, VERSION, "OutputModel", MODULE, "OutputView", state(w));
    }

    private static Map<String, Object> state(Widgets w) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("_dom_classes", List.of());
        s.put("layout", w.newLayout(Map.of()));
        s.put("msg_id", "");
        s.put("outputs", List.of());
        s.put("tabbable", null);
        s.put("tooltip", null);
        return s;
    }

    /**
     * One display_data output dict: {@code data} maps MIME types to their content (a String, or a
     * Map or List, sent as JSON), {@code metadata} is the output's metadata.
     */
    public static Map<String, Object> displayData(Map<String, ?> data, Map<String, ?> metadata) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("data: expected at least one MIME type, found "
                    + (data == null ? "null" : "none"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output_type", "display_data");
        out.put("data", new LinkedHashMap<>(data));
        out.put("metadata", metadata == null ? Map.of() : new LinkedHashMap<>(metadata));
        return out;
    }

    /** Replaces everything shown by these outputs (output dicts as {@link #displayData} makes them). */
    public void show(List<Map<String, Object>> outputs) {
        set("outputs", new ArrayList<>(outputs));
    }

    /** Empties the area. */
    public void clear() {
        set("outputs", List.of());
    }

    /** The outputs shown. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> outputs() {
        return (List<Map<String, Object>>) get("outputs");
    }
}
