package org.neuralnotes.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A drop-down list ({@code DropdownModel} of the controls 2.0): the front end shows
 * {@code _options_labels} and syncs the selected {@code index}.
 */
public final class Dropdown extends Widget {
    private final List<String> options;

    Dropdown(Widgets w, String description, List<String> options, String selected) {
        super(w, CONTROLS, "DropdownModel", CONTROLS, "DropdownView", state(w, description, options, selected));
        this.options = List.copyOf(options);
    }

    private static Map<String, Object> state(Widgets w, String description, List<String> options, String selected) {
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException(description + ": expected at least one option, found none");
        }
        int index = options.indexOf(selected);
        if (index < 0) {
            throw new IllegalArgumentException(description + ": expected one of " + options + ", found '"
                    + selected + "'");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", description);
        s.put("_options_labels", List.copyOf(options));
        s.put("index", index);
        s.put("disabled", false);
        s.put("layout", w.newLayout(Map.of()));
        s.put("style", w.newStyle("DescriptionStyleModel", Map.of("description_width", "initial")));
        return s;
    }

    /** The options, in order. */
    public List<String> options() {
        return options;
    }

    /** The option selected. */
    public String selected() {
        return options.get(((Number) get("index")).intValue());
    }

    /** Selects an option (the front end follows). */
    public void select(String option) {
        int index = options.indexOf(option);
        if (index < 0) {
            throw new IllegalArgumentException("option: expected one of " + options + ", found '" + option + "'");
        }
        set("index", index);
    }

    /** Calls {@code listener} with the option the student picks. */
    public void onSelect(Consumer<String> listener) {
        onChange(key -> {
            if (key.equals("index")) {
                listener.accept(selected());
            }
        });
    }
}
