package org.neuralnotes.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure as plotly's own JSON, {@code {"data": [...], "layout": {...}}}: what the MIME type
 * {@code application/vnd.plotly.v1+json} carries and what {@code Plotly.newPlot} takes.
 *
 * <p>Tablesaw writes a figure only as JavaScript: {@code var layout = {...};} and one
 * {@code var traceK = {...};} per trace, object literals with unquoted keys and single-quoted
 * strings. Jackson reads those literals when told to accept that syntax; the entries that
 * Tablesaw cannot hold ({@link PlotFigure#layoutExtra()}, {@link PlotFigure#traceExtra()}) are
 * then merged in, object by object. Two things are made plain for every plotly.js from 2 to 4:
 * a title given as a string becomes {@code {"text": ...}} (plotly.js 3 dropped string titles),
 * and numbers that Tablesaw quotes ({@code "0.25"}) become numbers again.
 */
final class FigureJson {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private FigureJson() {}

    /** The figure's data (one object per trace) and layout. */
    static Map<String, Object> of(Figure figure) {
        Map<String, Object> layout = figure.getLayout() == null ? new LinkedHashMap<>()
                : literal(figure.getLayout().asJavascript(), "layout");
        Trace[] traces = figure.getTraces();
        List<Object> data = new ArrayList<>();
        for (int k = 0; k < traces.length; k++) {
            Map<String, Object> trace = literal(traces[k].asJavascript(k), "trace " + k);
            if (figure instanceof PlotFigure p && p.traceExtra().containsKey(k)) {
                merge(trace, p.traceExtra().get(k));
            }
            data.add(plain(trace));
        }
        if (figure instanceof PlotFigure p) {
            merge(layout, p.layoutExtra());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", data);
        json.put("layout", plain(layout));
        return json;
    }

    /** The object literal in Tablesaw's {@code var name = {...};}. */
    private static Map<String, Object> literal(String js, String what) {
        int start = js.indexOf('{');
        int end = js.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalStateException(what + ": expected an object literal in Tablesaw's script, found " + js);
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = LENIENT.readValue(js.substring(start, end + 1), LinkedHashMap.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + ": cannot read Tablesaw's object literal: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Merges b into a: objects key by key (recursively), anything else replaced, as plotly reads it. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> a, Map<String, ?> b) {
        for (Map.Entry<String, ?> e : b.entrySet()) {
            Object old = a.get(e.getKey());
            if (old instanceof Map<?, ?> oldMap && e.getValue() instanceof Map<?, ?> newMap) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) oldMap);
                merge(copy, (Map<String, ?>) newMap);
                a.put(e.getKey(), copy);
            } else {
                a.put(e.getKey(), e.getValue());
            }
        }
    }

    /** String titles as {@code {"text": ...}}, quoted numbers as numbers, NaN and ±∞ as null (a gap). */
    @SuppressWarnings("unchecked")
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                Object v = e.getValue();
                out.put(e.getKey(), e.getKey().equals("title") && v instanceof String s
                        ? Map.of("text", s) : plain(v));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) {
                out.add(v instanceof String s ? number(s) : plain(v));
            }
            return out;
        }
        if (value instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double v : a) {
                out.add(Double.isFinite(v) ? v : null);
            }
            return out;
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return value;
    }

    /** A quoted number inside a data array as the number; other strings (category names) as they are. */
    private static Object number(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
