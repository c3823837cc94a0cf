package org.rapaio.jupyter.kernel;

/** Test stand-in: Rapaio keeps its running kernel in this static field (null outside a kernel). */
public final class MainApp {
    public static Object kernel;

    private MainApp() {}
}
