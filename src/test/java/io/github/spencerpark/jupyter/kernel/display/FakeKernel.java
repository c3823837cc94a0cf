package io.github.spencerpark.jupyter.kernel.display;

/** Test stand-in for the kernel object: only {@code getRenderer()}. */
public final class FakeKernel {
    private final Renderer renderer = new Renderer();

    public Renderer getRenderer() {
        return renderer;
    }
}
