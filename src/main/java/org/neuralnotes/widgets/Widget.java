package org.neuralnotes.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One Jupyter widget: a model whose state (a map of names to JSON values) lives on both sides of a
 * comm and is kept equal by {@code update} messages (protocol 2.1 of ipywidgets 8).
 *
 * <p>Opening: {@code comm_open} to target {@code jupyter.widget} with data
 * {@code {"state": {...}, "buffer_paths": []}} and metadata {@code {"version": "2.1.0"}}.
 * Java changes a key with {@link #set}: {@code {"method": "update", "state": {key: value},
 * "buffer_paths": []}}. The front end sends the same message when the student changes a control;
 * the widget takes the new values, answers {@code echo_update} with them (so every view of the model
 * agrees), and calls its listeners. {@code request_state} is answered with the whole state;
 * {@code custom} messages (a button's click) go to {@link #onCustom}.
 *
 * <p>Listeners never run on the kernel's thread: {@link Widgets} runs them one at a time on its
 * own thread, in the order the messages came.
 */
public class Widget {
    /** Protocol version sent with every comm_open. */
    public static final String PROTOCOL_VERSION = "2.1.0";
    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String BASE = "@jupyter-widgets/base";
    static final String MODULE_VERSION = "2.0.0";

    private final Widgets widgets;
    private final String id;
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<Consumer<String>> changeListeners = new ArrayList<>();
    private CommTransport.Comm comm;

    Widget(Widgets widgets, String module, String model, String viewModule, String view, Map<String, Object> initial) {
        this(widgets, module, MODULE_VERSION, model, viewModule, view, initial);
    }

    /** A widget of a module of its own version (the output widget's module is at 1.0.0). */
    Widget(Widgets widgets, String module, String version, String model, String viewModule, String view,
            Map<String, Object> initial) {
        this.widgets = widgets;
        this.id = widgets.newId();
        state.put("_model_module", module);
        state.put("_model_module_version", version);
        state.put("_model_name", model);
        state.put("_view_module", viewModule);
        state.put("_view_module_version", viewModule == null ? null
                : viewModule.equals(module) ? version : MODULE_VERSION);
        state.put("_view_name", view);
        state.putAll(initial);
        this.comm = widgets.open(this);
    }

    /** The model id: the comm's id. */
    public String id() {
        return id;
    }

    /** "IPY_MODEL_" + id: how another widget's state refers to this one. */
    public String reference() {
        return "IPY_MODEL_" + id;
    }

    /** The value of a state key (a JSON value: String, Number, Boolean, List, Map or null). */
    public synchronized Object get(String key) {
        return state.get(key);
    }

    /** A copy of the whole state. */
    public synchronized Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }

    /** Sets a state key here and on the front end (an {@code update} message). */
    public void set(String key, Object value) {
        synchronized (this) {
            state.put(key, value);
        }
        widgets.send(comm, Messages.update("update", Map.of(key, value)));
    }

    /** Calls {@code listener} with the key's name whenever the front end changes a key. */
    public synchronized void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /** A {@code custom} message to the front end. */
    public void sendCustom(Map<String, Object> content) {
        widgets.send(comm, Messages.custom(content));
    }

    /** Called on the kernel's thread for each update from the front end, before the listeners. */
    void updated(Map<String, Object> changed) {}

    /** Called on the listener thread for each custom message from the front end. */
    protected void onCustom(Map<String, Object> content) {}

    /** Closes the comm: the front end forgets the model. */
    public void close() {
        widgets.close(this, comm);
    }

    /** The JSON data of comm_open: {"state": ..., "buffer_paths": []}. */
    synchronized String openData() {
        return Messages.open(state);
    }

    /** A comm_msg from the front end (its data as JSON text); null when the front end closed the comm. */
    void receive(String dataJson) {
        if (dataJson == null) {
            widgets.closedByFrontEnd(this);
            return;
        }
        Map<String, Object> data = Messages.parse(dataJson);
        Object method = data.get("method");
        if ("update".equals(method)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> changed = (Map<String, Object>) data.getOrDefault("state", Map.of());
            List<Consumer<String>> listeners;
            synchronized (this) {
                state.putAll(changed);
                listeners = List.copyOf(changeListeners);
            }
            widgets.send(comm, Messages.update("echo_update", changed));
            updated(changed);
            for (String key : changed.keySet()) {
                for (Consumer<String> l : listeners) {
                    widgets.runListener(() -> l.accept(key));
                }
            }
        } else if ("request_state".equals(method)) {
            widgets.send(comm, Messages.update("update", state()));
        } else if ("custom".equals(method)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) data.getOrDefault("content", Map.of());
            widgets.runListener(() -> onCustom(content));
        }
    }
}
