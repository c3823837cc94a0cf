package io.github.spencerpark.ijava.runtime;

import java.util.ArrayList;
import java.util.List;

/** Test stand-in for IJava's display functions: records the calls. */
public final class Display {
    public static final List<String> CALLS = new ArrayList<>();

    private Display() {}

    public static String display(Object o) {
        CALLS.add("display " + o);
        return "display-" + CALLS.size();
    }

    public static void updateDisplay(String id, Object o) {
        CALLS.add("update " + id + " " + o);
    }
}
