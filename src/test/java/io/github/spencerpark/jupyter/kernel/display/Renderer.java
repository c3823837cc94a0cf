package io.github.spencerpark.jupyter.kernel.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test stand-in for the kernel's renderer registry (createRegistration → preferring → register). */
public final class Renderer {
    public final Map<Class<?>, RenderFunction<Object>> functions = new LinkedHashMap<>();
    public final Map<Class<?>, List<String>> preferred = new LinkedHashMap<>();

    public <T> Registration createRegistration(Class<T> type) {
        return new Registration(type);
    }

    /** Renders like the kernel: the function registered for the object's class. */
    public DisplayData render(Object o) {
        RenderContext context = new RenderContext();
        functions.get(o.getClass()).render(o, context);
        return context.getOutputContainer();
    }

    public final class Registration {
        private final Class<?> type;
        private final List<String> types = new ArrayList<>();

        Registration(Class<?> type) {
            this.type = type;
        }

        public Registration preferring(String... mimeTypes) {
            types.addAll(List.of(mimeTypes));
            return this;
        }

        @SuppressWarnings("unchecked")
        public void register(RenderFunction<?> function) {
            functions.put(type, (RenderFunction<Object>) function);
            preferred.put(type, types);
        }
    }
}
