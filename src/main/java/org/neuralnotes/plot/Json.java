package org.neuralnotes.plot;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * JSON for figures (Jackson), safe inside an inline {@code <script>}: {@code <}, {@code >},
 * {@code &} and the JavaScript line separators are written as backslash-u escapes, so no string
 * can close the script element. A non-finite number has no JSON form: it is written as null,
 * which plotly reads as a gap.
 */
final class Json {
    private static final JsonMapper MAPPER = mapper();

    private Json() {}

    /** Writes maps, lists, strings, numbers, booleans, arrays and null as JSON. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value: cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A string as a JSON literal. */
    static String string(String s) {
        return write(s);
    }

    private static JsonMapper mapper() {
        SimpleModule finite = new SimpleModule("finite numbers");
        finite.addSerializer(Double.class, new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
        });
        finite.addSerializer(double[].class, new StdSerializer<>(double[].class) {
            @Override
            public void serialize(double[] a, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray();
                for (double v : a) {
                    if (Double.isFinite(v)) {
                        g.writeNumber(v);
                    } else {
                        g.writeNull();
                    }
                }
                g.writeEndArray();
            }
        });
        JsonMapper mapper = JsonMapper.builder().addModule(finite).build();
        mapper.getFactory().setCharacterEscapes(new ScriptSafe());
        return mapper;
    }

    /** {@code < > &} and U+2028, U+2029 as backslash-u escapes. */
    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '\u2028' || ch == '\u2029'
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
