package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.plotly.components.Figure;

/**
 * Reads back what a figure's script says, the way a browser and plotly would: JavaScript
 * string literals are decoded, then the entities and line breaks that plotly reads in labels.
 */
final class Scripts {
    private Scripts() {}

    /** The script of trace k as Tablesaw writes it. */
    static String trace(Figure f, int k) {
        return f.getTraces()[k].asJavascript(k);
    }

    /** The raw literal of {@code name: '...',} on its own line (the first one). */
    static String literal(String js, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + ": '(.*)',\\s*$").matcher(js);
        if (!m.find()) {
            fail("no " + name + ": '...' line in\n" + js);
        }
        return m.group(1);
    }

    /** The numbers of {@code name: [...]} (Tablesaw writes them as quoted strings). */
    static double[] numbers(String js, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": \\[(.*)\\],\\s*$").matcher(js);
        if (!m.find()) {
            fail("no " + name + ": [...] line in\n" + js);
        }
        String[] parts = m.group(1).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i].replace("\"", "").trim());
        }
        return v;
    }

    /** Decodes the body of a single-quoted JavaScript literal; a raw line break is a syntax error. */
    static String decodeJs(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                fail("raw line break inside a JavaScript string literal: " + body);
            }
            if (c == '\'') {
                fail("unescaped quote inside a single-quoted literal: " + body);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /**
     * What plotly draws for a label: {@code <br>} is a line break; of the entities it knows
     * only &amp;amp; &amp;lt; &amp;gt; and numeric ones are decoded (not &amp;quot;).
     */
    static String plotlyText(String s) {
        String t = s.replace("<br>", "\n");
        Matcher m = Pattern.compile("&(#\\d+|amp|lt|gt);").matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> String.valueOf((char) Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        assertTrue(!out.toString().contains("&quot;"), "plotly would show &quot; literally: " + s);
        return out.toString();
    }

    /** The JSON written for the extra layout or trace entries, read back. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object extra) {
        try {
            return new ObjectMapper().readValue(Json.write(extra), Map.class);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + Json.write(extra), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> annotations(PlotFigure f) {
        return new ArrayList<>((List<Map<String, Object>>) json(f.layoutExtra()).get("annotations"));
    }
}
