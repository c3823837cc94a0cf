package org.neuralnotes.plot;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;

/**
 * Renderers for Rapaio's Java kernel, found by reflection like the kernel itself ({@link KernelBridge}).
 *
 * <p>Rapaio looks up a {@code org.rapaio.jupyter.kernel.display.DisplayRenderer} for a cell's result
 * and for {@code display(...)}: first those its service loader found, then its own list
 * {@code systemDisplayRenderers} of {@code DisplaySystem.inst()} (collections, images, tables). It
 * has no call to add one at run time and its service loader does not see the notebook's classpath,
 * so our renderer goes to the front of that list (the service loader's list is cleared whenever it
 * reloads; this one is not). A renderer says which class it renders ({@code rendererClass}) and
 * returns the output, a {@code DisplayData}, from {@code render(mimeType, object)}.
 */
final class RapaioRenderers {
    private static final String DISPLAY = "org.rapaio.jupyter.kernel.display.";

    private RapaioRenderers() {}

    /** Registers the renderer with the Rapaio whose classes {@code loader} loads. */
    static void register(ClassLoader loader, Class<?> type, Function<Object, KernelBridge.MimeBundle> bundle)
            throws ReflectiveOperationException {
        Class<?> system = Class.forName(DISPLAY + "DisplaySystem", true, loader);
        Class<?> rendererType = Class.forName(DISPLAY + "DisplayRenderer", false, loader);
        Class<?> displayData = Class.forName(DISPLAY + "DisplayData", false, loader);
        Object displaySystem = system.getMethod("inst").invoke(null);
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "rendererClass" -> type;
            case "canRender" -> true; // any MIME type asked for: the bundle says which it has
            case "render" -> {
                Object out = displayData.getMethod("withType", String.class, String.class)
                        .invoke(null, "text/plain", String.valueOf(args[1]));
                KernelBridge.put(bundle.apply(args[1]), out);
                yield out;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "neuralnotes renderer for " + type.getName();
            default -> throw new UnsupportedOperationException(method.getName());
        };
        Object renderer = Proxy.newProxyInstance(rendererType.getClassLoader(), new Class<?>[] {rendererType},
                handler);
        Field field = system.getDeclaredField("systemDisplayRenderers");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<Object> renderers = (List<Object>) field.get(displaySystem);
        synchronized (renderers) {
            // one renderer per class: a second registration replaces the first
            renderers.removeIf(r -> Proxy.isProxyClass(r.getClass()) && type.equals(rendererClass(r)));
            renderers.add(0, renderer);
        }
    }

    private static Object rendererClass(Object renderer) {
        try {
            return renderer.getClass().getMethod("rendererClass").invoke(renderer);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
