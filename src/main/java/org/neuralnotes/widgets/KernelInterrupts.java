package org.neuralnotes.widgets;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Hears the kernel's interrupt (JupyterLab's ■ button, Kernel ▸ Interrupt Kernel) in threads of our
 * own, which the kernel itself never interrupts.
 *
 * <p>How IJava 1.3.0 and JJava (1.0a8 on PyPI) interrupt: their kernelspecs say
 * {@code "interrupt_mode": "message"}, so the server sends an {@code interrupt_request}, which the
 * kernel's {@code BaseKernel.handleInterruptRequest} answers and passes to
 * {@code JavaKernel.interrupt()}, then {@code CodeEvaluator.interrupt()}, then the execution
 * control's {@code interrupt()}: {@code running.forEach((id, future) -> future.cancel(true))}, over
 * the map of the cell code running now ({@code IJavaExecutionControl.running},
 * {@code JJavaExecutionControl.running}). Only the cell's own thread is interrupted.
 *
 * <p>So the hook is one more entry of that map, found by reflection ({@code JavaKernel.evaluator},
 * then IJava's {@code executionControlProvider.getRegisteredControlByID(executionControlID)} or
 * JJava's {@code execControl}, then {@code running}): a future that never completes, whose
 * {@code cancel} calls the listeners, on a daemon thread of its own so that the kernel's thread
 * never waits. Outside these kernels (or if a kernel changes its insides) nothing is hooked,
 * {@link #hooked()} is false, and {@link #interrupt()} still calls the listeners.
 */
public final class KernelInterrupts {
    private static final String KEY = "neuralnotes-interrupt-hook";
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();
    private static Map<String, Future<Object>> running;
    private static boolean tried;

    private KernelInterrupts() {}

    /** A listener's registration: {@link #close()} removes it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Calls {@code listener} at every kernel interrupt until the returned registration is closed. */
    public static Registration onInterrupt(Runnable listener) {
        install();
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** True when the running kernel's interrupts reach the listeners. */
    public static synchronized boolean hooked() {
        install();
        return running != null;
    }

    /** True while the kernel runs the code of a cell (not while it compiles it); false when not hooked. */
    public static boolean cellRunning() {
        Map<String, Future<Object>> map;
        synchronized (KernelInterrupts.class) {
            install();
            map = running;
        }
        return map != null && map.size() > 1;
    }

    /** What the kernel's interrupt calls: runs every listener on a new daemon thread. */
    public static void interrupt() {
        List<Runnable> now = List.copyOf(LISTENERS);
        if (now.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> now.forEach(KernelInterrupts::runSafely), "neuralnotes-interrupt");
        t.setDaemon(true);
        t.start();
    }

    private static void runSafely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException | Error e) {
            System.err.println("an interrupt listener failed: " + e);
        }
    }

    private static synchronized void install() {
        if (tried) {
            return;
        }
        tried = true;
        KernelComms.kernelInstance().ifPresent(kernel -> {
            try {
                running = runningMap(kernel);
                running.put(KEY, new Hook());
            } catch (ReflectiveOperationException | RuntimeException e) {
                running = null;   // a kernel of another make: interrupts stop only the cell
            }
        });
    }

    /** The execution control's map of running cell code, from the kernel object (IJava's or JJava's shape). */
    @SuppressWarnings("unchecked")
    static Map<String, Future<Object>> runningMap(Object kernel) throws ReflectiveOperationException {
        Object evaluator = field(kernel, "evaluator");
        Object control;
        Field jjava = declared(evaluator.getClass(), "execControl");
        if (jjava != null) {
            control = jjava.get(evaluator);
        } else {
            Object provider = field(evaluator, "executionControlProvider");
            Object id = field(evaluator, "executionControlID");
            control = provider.getClass().getMethod("getRegisteredControlByID", String.class).invoke(provider, id);
        }
        if (control == null) {
            throw new NoSuchFieldException("the kernel has no execution control yet");
        }
        return (Map<String, Future<Object>>) field(control, "running");
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = declared(o.getClass(), name);
        if (f == null) {
            throw new NoSuchFieldException(o.getClass().getName() + "." + name);
        }
        return f.get(o);
    }

    private static Field declared(Class<?> c, String name) {
        for (; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // the superclass then
            }
        }
        return null;
    }

    /** The map entry: never done, and each cancel is one interrupt. */
    static final class Hook implements Future<Object> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            interrupt();
            return false;   // stays in the map for the next interrupt
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("the interrupt hook has no result");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return get();
        }
    }
}
