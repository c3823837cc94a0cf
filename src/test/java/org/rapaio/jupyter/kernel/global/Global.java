package org.rapaio.jupyter.kernel.global;

import java.util.ArrayList;
import java.util.List;

import org.rapaio.jupyter.kernel.display.DisplaySystem;

/** Test stand-in: Rapaio's display calls, recording what they were given. */
public final class Global {
    public static final List<String> CALLS = new ArrayList<>();

    private Global() {}

    public static String display(Object o) {
        CALLS.add("display " + DisplaySystem.inst().render(o).data());
        return "rapaio-" + CALLS.size();
    }

    public static void updateDisplay(String id, Object o) {
        CALLS.add("update " + id + " " + DisplaySystem.inst().render(o).data());
    }
}
