package org.neuralnotes.widgets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * A slider: {@code FloatSlider}, {@code IntSlider} or {@code FloatLogSlider} of
 * {@code @jupyter-widgets/controls} 2.0. The value is the number shown; a log slider's
 * {@code min}, {@code max} and {@code step} are exponents of its {@code base} (10), so dragging it
 * one step multiplies the value by 10^step.
 */
public final class Slider extends Widget {
    private final boolean integer;

    private Slider(Widgets widgets, String kind, boolean integer, Map<String, Object> state) {
        super(widgets, CONTROLS, kind + "Model", CONTROLS, kind + "View", state);
        this.integer = integer;
    }

    static Slider linear(Widgets w, String kind, String description, double min, double max, double step,
            double value, String format) {
        check(description, min, max, value, "min", "max");
        boolean integer = kind.equals("IntSlider");
        Map<String, Object> s = common(w, description, format);
        s.put("min", integer ? (Object) (int) min : min);
        s.put("max", integer ? (Object) (int) max : max);
        s.put("step", integer ? (Object) (int) step : step);
        s.put("value", integer ? (Object) (int) value : value);
        return new Slider(w, kind, integer, s);
    }

    static Slider log(Widgets w, String description, double minExponent, double maxExponent, double step,
            double value) {
        check(description, Math.pow(10, minExponent), Math.pow(10, maxExponent), value, "10^minExponent",
                "10^maxExponent");
        Map<String, Object> s = common(w, description, ".2g");
        s.put("base", 10.0);
        s.put("min", minExponent);
        s.put("max", maxExponent);
        s.put("step", step);
        s.put("value", value);
        return new Slider(w, "FloatLogSlider", false, s);
    }

    private static Map<String, Object> common(Widgets w, String description, String format) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", description);
        s.put("continuous_update", false);   // one update when the student lets go, not one per pixel
        s.put("orientation", "horizontal");
        s.put("readout", true);
        s.put("readout_format", format);
        s.put("disabled", false);
        s.put("behavior", "drag-tap");
        s.put("layout", w.newLayout(Map.of()));
        s.put("style", w.newStyle("SliderStyleModel", Map.of("description_width", "initial")));
        return s;
    }

    private static void check(String description, double min, double max, double value, String minName,
            String maxName) {
        if (!(min < max)) {
            throw new IllegalArgumentException(description + ": expected " + minName + " < " + maxName + ", found "
                    + min + " and " + max);
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(description + ": expected a value in [" + min + ", " + max
                    + "], found " + value);
        }
    }

    /** The value shown. */
    public double value() {
        return ((Number) get("value")).doubleValue();
    }

    /** Moves the slider (the front end follows). */
    public void setValue(double value) {
        set("value", integer ? (Object) (int) Math.round(value) : value);
    }

    /** Calls {@code listener} with the new value whenever the student moves the slider. */
    public void onValue(DoubleConsumer listener) {
        onChange(key -> {
            if (key.equals("value")) {
                listener.accept(value());
            }
        });
    }
}
