package org.neuralnotes.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The interrupt hook against kernels shaped as IJava 1.3.0 and JJava are inside (the field names and
 * the provider's method of their classes), and against the interrupt as both kernels run it:
 * {@code running.forEach((id, future) -> future.cancel(true))}.
 */
class KernelInterruptsTest {
    /** JJava: JavaKernel.evaluator -> CodeEvaluator.execControl -> JJavaExecutionControl.running. */
    static final class JJavaShaped {
        static final class Control {
            private final Map<String, Future<Object>> running = new ConcurrentHashMap<>();
        }

        static final class Evaluator {
            private final Control execControl = new Control();
        }

        private final Evaluator evaluator = new Evaluator();
    }

    /** IJava: JavaKernel.evaluator -> executionControlProvider.getRegisteredControlByID(executionControlID). */
    static final class IJavaShaped {
        static final class Control {
            private final Map<String, Future<Object>> running = new ConcurrentHashMap<>();
        }

        public static final class Provider {
            final Map<String, Control> controllers = Map.of("id-1", new Control());

            public Control getRegisteredControlByID(String id) {
                return controllers.get(id);
            }
        }

        static final class Evaluator {
            private final Provider executionControlProvider = new Provider();
            private final String executionControlID = "id-1";
        }

        private final Evaluator evaluator = new Evaluator();
    }

    @Test
    void findsTheMapOfRunningCellCodeInBothKernels() throws Exception {
        JJavaShaped jjava = new JJavaShaped();
        assertSame(jjava.evaluator.execControl.running, KernelInterrupts.runningMap(jjava));
        IJavaShaped ijava = new IJavaShaped();
        assertSame(ijava.evaluator.executionControlProvider.controllers.get("id-1").running,
                KernelInterrupts.runningMap(ijava));
    }

    @Test
    void eachInterruptOfTheKernelReachesTheListenersOnAThreadOfItsOwn() throws Exception {
        Map<String, Future<Object>> running = new ConcurrentHashMap<>();
        running.put("hook", new KernelInterrupts.Hook());
        List<String> heard = new CopyOnWriteArrayList<>();
        KernelInterrupts.Registration r = KernelInterrupts.onInterrupt(
                () -> heard.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : "")));
        try {
            running.forEach((id, f) -> f.cancel(true));   // what the kernel's interrupt does
            assertTrue(waitFor(() -> heard.size() == 1), "the listener did not run");
            assertEquals("neuralnotes-interrupt daemon", heard.get(0));
            Future<Object> hook = running.get("hook");
            assertFalse(hook.isDone() || hook.isCancelled(), "the hook must stay for the next interrupt");
            running.forEach((id, f) -> f.cancel(true));
            assertTrue(waitFor(() -> heard.size() == 2), "the second interrupt was not heard");
        } finally {
            r.close();
        }
        running.forEach((id, f) -> f.cancel(true));
        TimeUnit.MILLISECONDS.sleep(200);
        assertEquals(2, heard.size(), "a closed registration still heard an interrupt");
    }

    @Test
    void outsideAKernelNothingIsHookedAndNoCellRuns() {
        assertFalse(KernelInterrupts.hooked());
        assertFalse(KernelInterrupts.cellRunning());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 3000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
