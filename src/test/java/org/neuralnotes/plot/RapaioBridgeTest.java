package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.global.Global;

/**
 * The reflection path to Rapaio's kernel, against stand-ins with its class, field and method names
 * (the real kernel runs every notebook in the Python tests, kernel java-rapaio).
 */
class RapaioBridgeTest {
    @Test
    void findsRapaioPutsItsRendererFirstOnceAndCallsDisplay() {
        assertTrue(KernelBridge.find().isEmpty(), "no kernel while MainApp.kernel is null");
        MainApp.kernel = new Object();
        try {
            KernelBridge bridge = KernelBridge.find().orElseThrow();
            assertEquals("Rapaio", bridge.name());
            int before = DisplaySystem.inst().renderers();
            for (int i = 0; i < 2; i++) { // a second registration replaces the first
                bridge.registerBundle(StringBuilder.class, o -> new KernelBridge.MimeBundle(
                        Map.of("text/html", "<b>" + o + "</b>"), Map.of("neuralnotes/plot", Map.of("traces", 1))));
            }
            assertEquals(before + 1, DisplaySystem.inst().renderers());
            DisplayData out = DisplaySystem.inst().render(new StringBuilder("x"));
            assertEquals("<b>x</b>", out.data().get("text/html"));
            assertEquals("x", out.data().get("text/plain"), "the object's text as well");
            assertEquals(Map.of("traces", 1), out.metadata().get("neuralnotes/plot"));

            Global.CALLS.clear();
            String id = bridge.display(new StringBuilder("first"));
            bridge.updateDisplay(id, new StringBuilder("second"));
            assertEquals(List.of("display {text/plain=first, text/html=<b>first</b>}",
                    "update rapaio-1 {text/plain=second, text/html=<b>second</b>}"), Global.CALLS);
        } finally {
            MainApp.kernel = null;
        }
    }
}
