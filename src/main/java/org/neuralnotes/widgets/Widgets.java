package org.neuralnotes.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.neuralnotes.plot.Notebook;

/**
 * The widgets of one notebook: it opens their comms, shows them, and runs their listeners.
 *
 * <p><b>Threads.</b> The kernel hands a comm message to a widget on the kernel's own thread. The
 * widget updates its state there (under the widget's lock) and answers at once, but every listener
 * runs later on this object's one listener thread, a daemon, one listener at a time in the order the
 * messages came. So a listener may take its time without holding up the kernel, two listeners never
 * race each other, and code that shares data with a listener needs to guard it only against its own
 * threads. The thread ends after 30 s without a listener (an idle page holds no thread) and when
 * {@link #close()} runs; being a daemon, it never keeps the kernel's JVM alive.
 */
public final class Widgets implements AutoCloseable {
    /** The MIME type of a widget's view in a display_data message. */
    public static final String VIEW_MIME = "application/vnd.jupyter.widget-view+json";

    private final CommTransport transport;
    private final Consumer<Map<String, Object>> display;
    private final ExecutorService listeners;
    private final Map<String, Widget> open = new LinkedHashMap<>();
    private final List<Runnable> frontEndClosed = new ArrayList<>();
    private boolean frontEndClosedOne;
    private int next;
    private volatile boolean closed;

    private Widgets(CommTransport transport, Consumer<Map<String, Object>> display) {
        this.transport = transport;
        this.display = display;
        // one thread, started when a listener comes and ended after 30 s without one
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "neuralnotes-widget-listeners");
            t.setDaemon(true);
            return t;
        });
        one.allowCoreThreadTimeOut(true);
        this.listeners = one;
    }

    /**
     * Widgets over the kernel's comms, shown with the kernel's display: present when this code runs
     * in IJava or JJava started by a Jupyter server for a page (JupyterLab, Notebook), which sets
     * {@code JPY_SESSION_NAME} in the kernel's environment. Empty in a headless run (nbclient,
     * {@code make notebooks}), where no page would draw the widgets.
     */
    public static Optional<Widgets> inNotebook() {
        if (System.getenv("JPY_SESSION_NAME") == null || !Notebook.inKernel()) {
            return Optional.empty();
        }
        return KernelComms.find().map(comms -> new Widgets(comms, bundle -> Notebook.displayData(bundle, Map.of())));
    }

    /** Widgets over any transport; {@code display} receives each widget's view bundle. */
    public static Widgets over(CommTransport transport, Consumer<Map<String, Object>> display) {
        if (transport == null || display == null) {
            throw new IllegalArgumentException("transport, display: expected both, found "
                    + (transport == null ? "no transport" : "no display"));
        }
        return new Widgets(transport, display);
    }

    /** A float slider from min to max. */
    public Slider floatSlider(String description, double min, double max, double step, double value) {
        return Slider.linear(this, "FloatSlider", description, min, max, step, value, ".3g");
    }

    /** An integer slider from min to max. */
    public Slider intSlider(String description, int min, int max, int value) {
        return Slider.linear(this, "IntSlider", description, min, max, 1, value, "d");
    }

    /** A slider over base^minExponent .. base^maxExponent whose steps are steps of the exponent. */
    public Slider logSlider(String description, double minExponent, double maxExponent, double exponentStep,
            double value) {
        return Slider.log(this, description, minExponent, maxExponent, exponentStep, value);
    }

    /** A drop-down list of options, the given one selected. */
    public Dropdown dropdown(String description, List<String> options, String selected) {
        return new Dropdown(this, description, options, selected);
    }

    /** A button; see {@link Button#onClick}. */
    public Button button(String description) {
        return new Button(this, description);
    }

    /** A button that stays down or up: a boolean value. */
    public Toggle toggle(String description, boolean value) {
        return new Toggle(this, description, value);
    }

    /** A line of text. */
    public Label label(String text) {
        return new Label(this, text);
    }

    /** An area of outputs that Java fills from any thread; see {@link Output#show}. */
    public Output output() {
        return new Output(this);
    }

    /** A hidden widget whose page ticks every {@code intervalMillis} while beating; see {@link Heartbeat}. */
    public Heartbeat heartbeat(int intervalMillis) {
        return new Heartbeat(this, intervalMillis);
    }

    /** Children side by side. */
    public Box hbox(Widget... children) {
        return new Box(this, "HBox", List.of(children));
    }

    /** Children one above the other. */
    public Box vbox(Widget... children) {
        return new Box(this, "VBox", List.of(children));
    }

    /** Shows a widget (with its children) as an output of the current cell. */
    public void display(Widget w) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("model_id", w.id());
        view.put("version_major", 2);
        view.put("version_minor", 0);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(VIEW_MIME, view);
        bundle.put("text/plain", w.get("_model_name") + " (shown by the Jupyter widgets of JupyterLab or Notebook 7)");
        display.accept(bundle);
    }

    /**
     * Waits until every listener queued so far has run (at most {@code seconds}); true when they
     * all ran. For tests and for code that must see the effect of a message.
     */
    public boolean awaitListeners(double seconds) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        listeners.execute(done::countDown);
        return done.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    /** Closes every widget's comm and stops the listener thread. */
    @Override
    public void close() {
        List<Widget> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(open.values());
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
        listeners.shutdownNow();
    }

    /**
     * Calls {@code listener} (on the listener thread) the first time the front end closes the comm
     * of one of these widgets: the page is done with them (the notebook's widget state was
     * cleared). A playground stops its training there.
     */
    public synchronized void onFrontEndClose(Runnable listener) {
        frontEndClosed.add(listener);
    }

    /** True once {@link #close()} ran. */
    public boolean isClosed() {
        return closed;
    }

    synchronized String newId() {
        // random like the kernels' own comm ids, and unique within this object for certain
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24) + String.format("%08x", next++);
    }

    synchronized CommTransport.Comm open(Widget w) {
        if (closed) {
            throw new IllegalStateException("these widgets were closed");
        }
        open.put(w.id(), w);
        Map<String, Object> metadata = Map.of("version", Widget.PROTOCOL_VERSION);
        return transport.open(w.id(), "jupyter.widget", w.openData(), metadata, w::receive);
    }

    void send(CommTransport.Comm comm, String dataJson) {
        if (!closed) {
            comm.send(dataJson);
        }
    }

    void close(Widget w, CommTransport.Comm comm) {
        boolean was;
        synchronized (this) {
            was = open.remove(w.id()) != null;
        }
        if (was) {
            comm.close();
        }
    }

    /** The front end closed w's comm (comm_close): w is gone there, and its comm is closed already. */
    void closedByFrontEnd(Widget w) {
        List<Runnable> now;
        synchronized (this) {
            open.remove(w.id());
            if (frontEndClosedOne) {
                return;
            }
            frontEndClosedOne = true;
            now = List.copyOf(frontEndClosed);
        }
        now.forEach(this::runListener);
    }

    void runListener(Runnable listener) {
        if (closed) {
            return;
        }
        listeners.execute(() -> {
            try {
                listener.run();
            } catch (RuntimeException | Error e) {
                System.err.println("a widget listener failed: " + e);
                e.printStackTrace();
            }
        });
    }

    /** A Layout model (from @jupyter-widgets/base), one per widget as ipywidgets makes them. */
    String newLayout(Map<String, Object> css) {
        Widget layout = new Widget(this, Widget.BASE, "LayoutModel", Widget.BASE, "LayoutView", css);
        return layout.reference();
    }

    /** A style model of the controls (SliderStyleModel, ButtonStyleModel, ...). */
    String newStyle(String model, Map<String, Object> style) {
        Widget s = new Widget(this, Widget.CONTROLS, model, Widget.BASE, "StyleView", style);
        return s.reference();
    }
}
