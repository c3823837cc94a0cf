package org.rapaio.jupyter.kernel.display;

import java.util.ArrayList;
import java.util.List;

/** Test stand-in: Rapaio's lookup of a renderer by class, in its private list, else the object's text. */
public final class DisplaySystem {
    private static final DisplaySystem INST = new DisplaySystem();
    private final List<DisplayRenderer> systemDisplayRenderers = new ArrayList<>();

    public static DisplaySystem inst() {
        return INST;
    }

    public DisplayData render(Object o) {
        for (DisplayRenderer r : systemDisplayRenderers) {
            if (r.rendererClass().isAssignableFrom(o.getClass()) && r.canRender(null)) {
                return r.render(null, o);
            }
        }
        return DisplayData.withType("text/plain", String.valueOf(o));
    }

    public int renderers() {
        return systemDisplayRenderers.size();
    }
}
