package org.rapaio.jupyter.kernel.display;

/** Test stand-in: Rapaio's renderer interface. */
public interface DisplayRenderer {
    Class<?> rendererClass();

    boolean canRender(String mimeType);

    DisplayData render(String mimeType, Object o);
}
