package org.neuralnotes.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and the two writing helpers the library's files need.
 *
 * <p>{@link #parse} turns a JSON text into plain Java values: an object becomes a
 * {@code Map<String, Object>} (keys in file order), an array a {@code List<Object>}, a
 * number a {@code Double} (read with {@link Double#parseDouble}, so a number written by
 * {@link #number(double)} comes back as the same bits), a string a {@code String},
 * {@code true}/{@code false} a {@code Boolean} and {@code null} the null reference.
 * Syntax errors name the line and column where reading stopped.
 */
public final class Json {
    /** The deepest nesting of arrays and objects read; deeper text is refused. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Reads one JSON value from the whole text (surrounding white space allowed).
     *
     * @param text the JSON text
     * @throws IllegalArgumentException naming {@code text} and the line and column of the first error
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text: expected JSON text, found null");
        }
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("expected the end of the text after a complete value, found '"
                    + text.charAt(p.pos) + "'");
        }
        return v;
    }

    /**
     * A double as a JSON number that {@link Double#parseDouble} reads back to the same bits:
     * {@link Double#toString(double)}, which keeps the sign of −0.0, subnormals and large
     * exponents ("4.9E-324", "-0.0", "1.7976931348623157E308").
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("v: expected a finite number (JSON has no NaN or"
                    + " infinity), found " + v);
        }
        return Double.toString(v);
    }

    /** A string as a quoted JSON string, escaping quotes, backslashes and control characters. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("expected a value, found the end of the text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
            case '[':
                if (++depth > MAX_DEPTH) {
                    throw error("expected at most " + MAX_DEPTH + " nested arrays and objects, found more");
                }
                Object nested = c == '{' ? object() : array();
                depth--;
                return nested;
            case '"': return string();
            case 't': literal("true"); return Boolean.TRUE;
            case 'f': literal("false"); return Boolean.FALSE;
            case 'n': literal("null"); return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a value, found '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++; // '{'
        skipSpace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(out);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted field name, found " + describe());
            }
            String key = string();
            if (out.containsKey(key)) {
                throw error("field \"" + key + "\" appears twice");
            }
            skipSpace();
            expect(':');
            skipSpace();
            out.put(key, value());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return Collections.unmodifiableMap(out);
            } else {
                throw error("expected ',' or '}' in an object, found " + describe());
            }
        }
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        pos++; // '['
        skipSpace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(out);
        }
        while (true) {
            skipSpace();
            out.add(value());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return Collections.unmodifiableList(out);
            } else {
                throw error("expected ',' or ']' in an array, found " + describe());
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("expected a closing '\"', found the end of the text");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("expected an escaped control character inside a string, found code "
                        + (int) c);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("expected an escape after '\\', found the end of the text");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw error("expected four hex digits after \\u, found the end of the text");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("expected four hex digits after \\u, found \""
                                + text.substring(pos, pos + 4) + "\"");
                    }
                    pos += 4;
                    break;
                default:
                    pos--;
                    throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u, found \\" + e);
            }
        }
    }

    /** number = -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit in a number, found " + describe());
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point, found " + describe());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + describe());
            }
            digits();
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word + ", found " + describe());
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describe());
        }
        pos++;
    }

    /** The current character, or 0 at the end of the text. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private String describe() {
        return pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end of the text";
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new IllegalArgumentException("text: malformed JSON at line " + line + ", column " + col
                + ": " + what);
    }
}
