package io.github.spencerpark.jupyter.kernel.display;

/** Test stand-in for the kernel's render function interface. */
public interface RenderFunction<T> {
    void render(T data, RenderContext context);
}
