package io.github.spencerpark.jupyter.kernel.display;

/** Test stand-in: a render context holding the output being filled. */
public final class RenderContext {
    private final DisplayData out = new DisplayData();

    public DisplayData getOutputContainer() {
        return out;
    }
}
