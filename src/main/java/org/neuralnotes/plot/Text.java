package org.neuralnotes.plot;

/**
 * Text that goes into a figure: titles, trace names, panel labels.
 *
 * <p>Tablesaw writes such strings into single-quoted JavaScript literals after HTML-escaping
 * them ({@code ' " & < >} become entities). It does not escape backslashes or line breaks, so
 * a name like {@code a\b} or one with a newline would break the script, and plotly turns
 * back only some entities into characters ({@code &amp; &lt; &gt;} and numeric ones, not
 * {@code &quot;}). {@link #forTablesaw} writes the characters that need it as JavaScript
 * escapes, which Tablesaw leaves alone, and a newline as plotly's line break {@code <br>}.
 */
final class Text {
    private Text() {}

    /** Escapes a label for Tablesaw's templates so that plotly draws exactly this text. */
    static String forTablesaw(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\u0022");
                case '\'' -> out.append("\\u0027");
                case '\n' -> out.append("\\u003cbr\\u003e");      // <br>: a line break in plotly
                case '\r' -> {                                  // \r\n is one break, so is a lone \r
                    if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                        out.append("\\u003cbr\\u003e");
                    }
                }
                case '\t' -> out.append(' ');
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);                          // & < > become entities in Tablesaw
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Text for plotly fields written as JSON (panel titles): plotly reads a small HTML subset
     * in labels, so {@code & < >} are written as entities, a newline as a line break and a
     * tab as a space (as {@link #forTablesaw} does).
     */
    static String forPlotlyLabel(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>").replace('\t', ' ');
    }

    /** Escapes text for an HTML element or a double-quoted attribute. */
    static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
