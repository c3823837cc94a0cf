package org.neuralnotes.widgets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The comms of the Java kernel this code runs in, found by reflection like the display calls of
 * {@code org.neuralnotes.plot.Notebook}:
 * <ul>
 *   <li>IJava 1.3.0: {@code io.github.spencerpark.ijava.IJava.getKernelInstance().getCommManager()},
 *       classes in {@code io.github.spencerpark.jupyter.kernel.comm}, Gson in {@code com.google.gson};</li>
 *   <li>JJava 1.0a8: {@code org.dflib.jjava.kernel.JavaNotebookStatics.kernel().getCommManager()},
 *       classes in {@code org.dflib.jjava.jupyter.kernel.comm}, Gson shaded in
 *       {@code org.dflib.jjava.shaded.com.google.gson}.</li>
 * </ul>
 * Both kernels model a comm as a subclass of their abstract {@code Comm}, which a proxy cannot
 * implement, and both open comms with empty data and no metadata. So the first widget compiles a
 * small subclass, {@code KernelComm} (its source is the resource {@code KernelComm.java.template}),
 * with the JDK's compiler against the kernel's jar, and loads it beside the kernel's classes.
 */
public final class KernelComms implements CommTransport {
    private record Kernel(String name, String kernelClass, String kernelMethod, String packagePrefix,
            String gson) {}

    private static final List<Kernel> KNOWN = List.of(
            new Kernel("IJava", "io.github.spencerpark.ijava.IJava", "getKernelInstance",
                    "io.github.spencerpark", "com.google.gson"),
            new Kernel("JJava", "org.dflib.jjava.kernel.JavaNotebookStatics", "kernel",
                    "org.dflib.jjava", "org.dflib.jjava.shaded.com.google.gson"));

    private final String kernelName;
    private final Object manager;
    private final Method open;
    private final Method send;
    private final Method close;

    private KernelComms(String kernelName, Object manager, Class<?> adapter) throws NoSuchMethodException {
        this.kernelName = kernelName;
        this.manager = manager;
        this.open = adapter.getMethod("open", Object.class, String.class, String.class, String.class, Map.class,
                Consumer.class);
        this.send = adapter.getMethod("sendJson", String.class);
        this.close = adapter.getMethod("close");
    }

    /** The running kernel's comms, or empty outside IJava and JJava. */
    public static Optional<KernelComms> find() {
        return running().map(found -> {
            Kernel k = found.kernel();
            try {
                Object manager = found.instance().getClass().getMethod("getCommManager").invoke(found.instance());
                return new KernelComms(k.name(), manager, compileAdapter(k, manager.getClass()));
            } catch (ReflectiveOperationException | IOException e) {
                throw new IllegalStateException("the " + k.name() + " kernel was found but its comms cannot be"
                        + " used: " + e, e);
            }
        });
    }

    /** The kernel object of the running IJava or JJava (its JavaKernel), or empty. */
    static Optional<Object> kernelInstance() {
        return running().map(Running::instance);
    }

    private record Running(Kernel kernel, Object instance) {}

    private static Optional<Running> running() {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), KernelComms.class.getClassLoader(),
            ClassLoader.getSystemClassLoader()};
        for (Kernel k : KNOWN) {
            for (ClassLoader loader : loaders) {
                try {
                    Object kernel = Class.forName(k.kernelClass(), true, loader).getMethod(k.kernelMethod()).invoke(null);
                    if (kernel != null) {
                        return Optional.of(new Running(k, kernel));
                    }
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    // not this kernel
                }
            }
        }
        return Optional.empty();
    }

    /** "IJava" or "JJava". */
    public String kernelName() {
        return kernelName;
    }

    @Override
    public Comm open(String commId, String target, String dataJson, Map<String, Object> metadata,
            Consumer<String> inbox) {
        Object comm = invoke(open, null, manager, commId, target, dataJson, metadata, inbox);
        return new Comm() {
            @Override
            public void send(String json) {
                invoke(send, comm, json);
            }

            @Override
            public void close() {
                invoke(close, comm);
            }
        };
    }

    private Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(kernelName + " comm " + m.getName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m.getName() + " of the " + kernelName + " comm", e);
        }
    }

    /** Compiles KernelComm for this kernel and loads it with the kernel's class loader as parent. */
    private static Class<?> compileAdapter(Kernel k, Class<?> managerClass)
            throws IOException, ClassNotFoundException {
        String source;
        try (InputStream in = KernelComms.class.getResourceAsStream("KernelComm.java.template")) {
            if (in == null) {
                throw new IOException("the resource KernelComm.java.template is missing from the library's jar");
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@KERNEL@", k.packagePrefix()).replace("@GSON@", k.gson());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler in this JVM (a JDK is needed, not a JRE)");
        }
        String name = "org.neuralnotes.widgets.kernel.KernelComm";
        Map<String, byte[]> classes = new HashMap<>();
        StringWriter errors = new StringWriter();
        StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        JavaFileObject unit = new SimpleJavaFileObject(uri(name, JavaFileObject.Kind.SOURCE), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(uri(className, kind), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        // the kernel's jar holds its comm classes and (both kernels) the Gson they use
        String classpath = jarOf(managerClass);
        boolean ok = javac.getTask(errors, memory, null, List.of("-classpath", classpath, "-proc:none"), null,
                List.of(unit)).call();
        if (!ok) {
            throw new IOException("compiling the comm adapter against " + classpath + " failed:\n" + errors);
        }
        ClassLoader loader = new ClassLoader(managerClass.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                byte[] bytes = classes.get(className);
                if (bytes == null) {
                    throw new ClassNotFoundException(className);
                }
                return defineClass(className, bytes, 0, bytes.length);
            }
        };
        return loader.loadClass(name);
    }

    private static URI uri(String className, JavaFileObject.Kind kind) {
        return URI.create("string:///" + className.replace('.', '/') + kind.extension);
    }

    private static String jarOf(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find the jar of " + c.getName(), e);
        }
    }
}
