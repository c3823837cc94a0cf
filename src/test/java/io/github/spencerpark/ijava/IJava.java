package io.github.spencerpark.ijava;

/**
 * Test stand-in for IJava's entry class: only the method the plot package calls by reflection
 * ({@code getKernelInstance()}). Null unless a test puts a kernel there.
 */
public final class IJava {
    public static volatile Object instance;

    private IJava() {}

    public static Object getKernelInstance() {
        return instance;
    }
}
