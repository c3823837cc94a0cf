package org.neuralnotes.playground;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.neuralnotes.plot.HtmlOutput;
import org.neuralnotes.plot.Notebook;
import org.neuralnotes.widgets.KernelInterrupts;
import org.neuralnotes.widgets.Widgets;

/**
 * A network to play with in a notebook: pick the data, the layers, the activation, the learning
 * rate, press play, and watch the decision boundary, the losses and the weights move.
 *
 * <pre>{@code
 * Playground pg = Playground.open();                                   // the default setting
 * Playground.open(Setting.defaults().withDataset("xor").withInit("zeros"));   // a starting state
 * }</pre>
 *
 * <p><b>In a notebook page</b> (JupyterLab, Notebook 7; IJava or JJava) {@code open} shows the
 * controls ({@link Controls}) above the figures and returns at once; while play is down a
 * background thread trains {@link #STEPS_PER_FRAME} steps and redraws, at most once every
 * {@link #FRAME_MILLIS} ms, and play comes up by itself after {@link #MAX_PLAY_STEPS} steps.
 *
 * <p><b>What stops play</b>, each within one frame, after which the thread ends (a paused
 * playground holds no thread, and the thread is a daemon, so it never keeps the kernel alive):
 * <ul>
 *   <li>pausing (the play button), {@link #train}, {@link #step}, opening another playground;</li>
 *   <li>a kernel interrupt (the ■ button): the kernels interrupt only the cell's thread, so the thread
 *       listens for it through {@link KernelInterrupts};</li>
 *   <li>the page going away: while playing, the page ticks a hidden heartbeat every
 *       {@link #HEARTBEAT_MILLIS} ms, and play pauses after {@link #PAGE_SILENCE_MILLIS} ms without a
 *       tick (the notebook's tab or the browser closed, the connection lost; JupyterLab closes no
 *       comm then), not counting time the kernel spent running a cell, when it hears no page;</li>
 *   <li>{@link #close()}, or the page closing the widgets' comms; shutting the kernel down.</li>
 * </ul>
 *
 * <p><b>Headless</b> (nbclient, {@code make notebooks}: no page to draw widgets) {@code open}
 * trains the setting for {@link #HEADLESS_STEPS} steps on the cell's own thread (a kernel
 * interrupt stops it) and shows the final figures as ordinary outputs, so a report shows them.
 *
 * <p><b>Threads.</b> The run belongs to {@code lock}: the training thread takes it for a burst of steps,
 * the widgets' listener thread to change the setting, so a change lands between bursts, never in a step.
 */
public final class Playground implements AutoCloseable {
    /** Steps trained when there is no page to press play on. */
    public static final int HEADLESS_STEPS = 1000;
    /** Play pauses by itself after this many steps. */
    public static final int MAX_PLAY_STEPS = 20_000;
    /** Steps trained between two redraws while playing. */
    public static final int STEPS_PER_FRAME = 25;
    /** Least time between two redraws while playing: at most 1000 / FRAME_MILLIS frames per second. */
    public static final long FRAME_MILLIS = 200;
    /** While playing, the page ticks a hidden heartbeat widget this often. */
    public static final int HEARTBEAT_MILLIS = 500;
    /** Play pauses when the page has not ticked for this long (its tab closed, its connection lost). */
    public static final long PAGE_SILENCE_MILLIS = 5000;

    private static Playground current;

    private final Object lock = new Object();
    private Run run;
    private boolean playing;
    private boolean closed;
    private int stepsLeft;
    private Thread trainer;
    private final View view;
    private final List<Long> frameTimes = Collections.synchronizedList(new ArrayList<>());

    private Playground(Setting setting, View view) {
        this.run = new Run(setting);
        this.view = view;
    }

    /** The playground at {@link Setting#defaults()}. */
    public static Playground open() {
        return open(Setting.defaults());
    }

    /** The playground at this setting (see the class comment for what happens with and without a page). */
    public static Playground open(Setting setting) {
        if (setting == null) {
            throw new IllegalArgumentException("setting: expected a Setting (e.g. Setting.defaults()), found null");
        }
        synchronized (Playground.class) {
            if (current != null) {
                current.pause();
            }
        }
        Optional<Widgets> widgets = Notebook.inKernel() ? Widgets.inNotebook() : Optional.empty();
        Playground pg;
        if (widgets.isPresent()) {
            pg = live(setting, widgets.get());
        } else {
            pg = new Playground(setting, Notebook.inKernel() ? new View.Outputs() : new View.Console());
            pg.train(HEADLESS_STEPS);
        }
        synchronized (Playground.class) {
            current = pg;
        }
        return pg;
    }

    /** A playground whose controls and figures are these widgets (open() in a page; tests). */
    static Playground live(Setting setting, Widgets widgets) {
        Playground pg = new Playground(setting, new View.Live(widgets));
        ((View.Live) pg.view).attach(pg);
        pg.draw(false);
        return pg;
    }

    /** True when the controls are live in a page. */
    public boolean live() {
        return view instanceof View.Live;
    }

    /** The setting of the run shown. */
    public Setting setting() {
        synchronized (lock) {
            return run.setting();
        }
    }

    /** Steps trained since the last reset. */
    public int steps() {
        synchronized (lock) {
            return run.steps();
        }
    }

    /** Loss of the whole training set at the last redraw. */
    public double trainLoss() {
        synchronized (lock) {
            run.record();
            return run.lastTrainLoss();
        }
    }

    /** Loss of the test set at the last redraw. */
    public double testLoss() {
        synchronized (lock) {
            run.record();
            return run.lastTestLoss();
        }
    }

    /** The status line shown above the figures. */
    public String status() {
        synchronized (lock) {
            return Figures.status(run);
        }
    }

    /** Redraws per second over the last play (0 before any). */
    public double framesPerSecond() {
        synchronized (frameTimes) {
            int n = frameTimes.size();
            return n < 2 ? 0 : (n - 1) * 1e9 / (frameTimes.get(n - 1) - frameTimes.get(0));
        }
    }

    /**
     * Trains {@code steps} steps now, on this thread, then redraws: what a cell calls to move the
     * run on by a known amount. Stops early when the thread is interrupted (a kernel interrupt) or
     * the training diverges.
     */
    public void train(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected a number >= 0, found " + steps);
        }
        pause();
        synchronized (lock) {
            for (int i = 0; i < steps && !Thread.currentThread().isInterrupted(); i++) {
                if (!run.step()) {
                    break;
                }
                if (run.steps() % 10 == 0) {
                    run.record();
                }
            }
            run.record();
        }
        draw(false);
    }

    /** Starts training in the background (a page only; headless it trains {@link #HEADLESS_STEPS} now). */
    public void play() {
        if (!live()) {
            train(HEADLESS_STEPS);
            return;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this playground was closed");
            }
            playing = true;
            stepsLeft = MAX_PLAY_STEPS;
            frameTimes.clear();
            if (trainer == null) {
                trainer = new Thread(this::trainLoop, "neuralnotes-playground");
                trainer.setDaemon(true);
                trainer.start();
            }
            lock.notifyAll();
        }
        view.playing(true);
    }

    /** Stops the background training at the next redraw. */
    public void pause() {
        synchronized (lock) {
            playing = false;
        }
        view.playing(false);
    }

    /** One step, then a redraw. */
    public void step() {
        train(1);
    }

    /** The run of the current setting from step 0 again (the same seed: the same start). */
    public void reset() {
        load(setting());
    }

    /** Another setting: a new run when the data or the network change, else the new rule from here. */
    public void load(Setting next) {
        if (next == null) {
            throw new IllegalArgumentException("next: expected a Setting, found null");
        }
        synchronized (lock) {
            if (run.setting().needsReset(next) || next.equals(run.setting())) {
                run = new Run(next);
            } else {
                run.useRule(next);
            }
        }
        view.showSetting(next);
        draw(false);
    }

    /** Pauses, stops the training thread and closes the controls (also what the page closing the comms does). */
    @Override
    public void close() {
        synchronized (lock) {
            playing = false;
            closed = true;
            lock.notifyAll();
        }
        synchronized (Playground.class) {
            if (current == this) {
                current = null;
            }
        }
        view.close();
    }

    /**
     * The training thread: a frame is {@link #STEPS_PER_FRAME} steps, then a redraw, at most one frame
     * every {@link #FRAME_MILLIS} ms. It ends as soon as play is up (paused, closed, or done), so a
     * paused playground holds no thread.
     */
    private void trainLoop() {
        try (KernelInterrupts.Registration interrupts = KernelInterrupts.onInterrupt(this::pause)) {
            while (true) {
                long frameStart = System.nanoTime();
                synchronized (lock) {
                    if (!playing || closed) {
                        trainer = null;   // under the lock: play() starts a new thread from here on
                        return;
                    }
                    for (int i = 0; i < STEPS_PER_FRAME && stepsLeft > 0 && run.step(); i++) {
                        stepsLeft--;
                    }
                    run.record();
                    if (stepsLeft == 0 || run.diverged() != null) {
                        playing = false;
                    }
                }
                frameTimes.add(System.nanoTime());
                draw(true);
                if (view.pageGone()) {
                    pause();   // the page stopped ticking: closed, or its connection lost
                }
                synchronized (lock) {
                    if (!playing) {
                        continue;   // ends the thread at the top, after the controls say so below
                    }
                    long left = FRAME_MILLIS - (System.nanoTime() - frameStart) / 1_000_000;
                    if (left > 0) {
                        lock.wait(left);   // pause() and close() wake it at once
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            System.err.println("the playground stopped: " + e);
        } finally {
            boolean stoppedItself;
            boolean wasClosed;
            synchronized (lock) {
                stoppedItself = playing || stepsLeft == 0 || run.diverged() != null;
                wasClosed = closed;
                playing = false;
                if (trainer == Thread.currentThread()) {
                    trainer = null;
                }
            }
            if (!wasClosed) {
                draw(false);   // the interactive figures of where play stopped
                if (stoppedItself) {
                    view.playing(false);   // the play button comes up by itself
                }
            }
        }
    }

    /** True while the training thread of this playground is alive (it ends when play is up). */
    public boolean training() {
        synchronized (lock) {
            return trainer != null;
        }
    }

    /**
     * Builds the figures under the lock (they read the network), then shows them: a frame of play
     * ({@code sketch}: SVG images in a page) or the interactive figures.
     */
    private void draw(boolean sketch) {
        View.Frame frame;
        synchronized (lock) {
            run.record();
            HtmlOutput weights = Figures.weights(run);
            frame = sketch && live()
                    ? new View.Frame(null, weights, Figures.status(run), Figures.values(run), Sketches.frame(run, weights))
                    : new View.Frame(Figures.plots(run), weights, Figures.status(run), Figures.values(run), null);
        }
        view.show(frame);
    }

    /** "Playground: " and the status line. */
    @Override
    public String toString() {
        return "Playground: " + status();
    }
}
