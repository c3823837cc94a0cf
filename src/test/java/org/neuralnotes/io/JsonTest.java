package org.neuralnotes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.neuralnotes.Fixtures.refuses;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5, 3e2, 1E-5, -0.0], \"b\": {\"c\": true, \"d\": false, \"e\": null},"
                + " \"s\": \"x\\\"y\\\\z\\n\\u00e9\\/\"}\n");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("a", "b", "s"), List.copyOf(m.keySet()));
        assertEquals(List.of(1.0, -2.5, 300.0, 1e-5, -0.0), m.get("a"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) ((List<?>) m.get("a")).get(4)));
        Map<?, ?> b = (Map<?, ?>) m.get("b");
        assertEquals(Boolean.TRUE, b.get("c"));
        assertEquals(Boolean.FALSE, b.get("d"));
        assertNull(b.get("e"));
        assertEquals("x\"y\\z\né/", m.get("s"));
        assertEquals(List.of(), Json.parse("[]"));
        assertEquals(Map.of(), Json.parse("{ }"));
    }

    @Test
    void numbersRoundTripBitForBit() {
        Rng rng = new Rng(2024);
        int checked = 0;
        while (checked < 200_000) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            assertBits(v);
            checked++;
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310, 2e-323, 1e308,
                0.1, 1.0 / 3, 2e23, 1e23, 9007199254740993.0, Math.PI, -Math.E, 5e-324};
        for (double v : special) {
            assertBits(v);
        }
    }

    private static void assertBits(double v) {
        String text = Json.number(v);
        double back = (Double) Json.parse(text);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), () -> v + " wrote " + text);
    }

    @Test
    void quotesStrings() {
        String s = "a\"b\\c\n\t\u0001é";
        assertEquals(s, Json.parse(Json.quote(s)));
    }

    @Test
    void refusesMalformedTextNamingTheLineAndColumn() {
        refuses(() -> Json.parse("{\"a\": 1,\n \"b\" 2}"), "text:", "line 2, column 6", "expected ':'");
        refuses(() -> Json.parse("[1, 2"), "text:", "expected ',' or ']'", "end of the text");
        refuses(() -> Json.parse("[1, 2] x"), "text:", "expected the end of the text");
        refuses(() -> Json.parse("01"), "text:", "expected the end");
        refuses(() -> Json.parse("1."), "text:", "digit after the decimal point");
        refuses(() -> Json.parse("1e"), "text:", "digit in the exponent");
        refuses(() -> Json.parse("NaN"), "text:", "expected a value", "'N'");
        refuses(() -> Json.parse("-Infinity"), "text:", "expected a digit");
        refuses(() -> Json.parse("{\"a\": 1, \"a\": 2}"), "text:", "\"a\" appears twice");
        refuses(() -> Json.parse("{a: 1}"), "text:", "quoted field name");
        refuses(() -> Json.parse("\"abc"), "text:", "closing '\"'");
        refuses(() -> Json.parse("\"\\x\""), "text:", "found \\x");
        refuses(() -> Json.parse("tru"), "text:", "expected true");
        refuses(() -> Json.parse(""), "text:", "expected a value");
        refuses(() -> Json.parse(null), "text:", "null");
        refuses(() -> Json.parse("[".repeat(100_000)), "text:", "at most 256 nested");
        assertEquals(1, ((List<?>) Json.parse("[".repeat(256) + "]".repeat(256))).size());
        refuses(() -> Json.number(Double.NaN), "v:", "NaN");
        refuses(() -> Json.number(Double.NEGATIVE_INFINITY), "v:", "-Infinity");
    }
}
