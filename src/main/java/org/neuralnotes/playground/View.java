package org.neuralnotes.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neuralnotes.plot.FigureGroup;
import org.neuralnotes.plot.HtmlOutput;
import org.neuralnotes.plot.Notebook;
import org.neuralnotes.widgets.KernelInterrupts;
import org.neuralnotes.widgets.Output;
import org.neuralnotes.widgets.Widgets;

/** Where the playground draws: live in a page, as plain outputs of a cell, or as lines on the console. */
interface View {
    /**
     * One redraw: the plots, the weights, the status line and its numbers; while playing, instead
     * of the plots, {@code sketch}: the same figures as SVG images (see {@link Sketches}), else null.
     */
    record Frame(FigureGroup plots, HtmlOutput weights, String status, Map<String, Object> values,
            HtmlOutput sketch) {}

    void show(Frame frame);

    /** Play went down or up (from code or by itself). */
    default void playing(boolean on) {}

    /** True when the page that plays has gone away (checked once a frame while playing). */
    default boolean pageGone() {
        return false;
    }

    /** A setting was loaded from code: the controls follow. */
    default void showSetting(Setting s) {}

    default void close() {}

    /** Outside a kernel: the status line on standard output. */
    final class Console implements View {
        @Override
        public void show(Frame frame) {
            System.out.println(frame.status());
        }
    }

    /** A kernel without a page (headless): each redraw is a new set of outputs, as in a report. */
    final class Outputs implements View {
        @Override
        public void show(Frame frame) {
            Notebook.display(frame.plots());
            Notebook.display(frame.weights());
            Notebook.show(frame.status(), frame.values());
        }
    }

    /**
     * A page: the controls, then one output widget that holds the plots and the weights. Each
     * redraw replaces the widget's outputs with a comm message, which reaches the page from the
     * training thread also after the cell has ended (a display from there would go to the finished
     * cell's request, which IJava's page no longer shows).
     */
    final class Live implements View {
        private final Widgets widgets;
        private Controls controls;
        private Output figures;
        private PageWatch watch;

        Live(Widgets widgets) {
            this.widgets = widgets;
        }

        void attach(Playground pg) {
            controls = new Controls(widgets, pg, pg.setting());
            figures = widgets.output();
            widgets.onFrontEndClose(pg::close);
            widgets.display(controls.root());
            widgets.display(figures);
        }

        @Override
        public synchronized void show(Frame frame) {
            List<Map<String, Object>> outputs = new ArrayList<>();
            if (frame.sketch() != null) {
                outputs.addAll(Notebook.outputs(frame.sketch()));
            } else {
                outputs.addAll(Notebook.outputs(frame.plots()));
                outputs.addAll(Notebook.outputs(frame.weights()));
            }
            figures.show(outputs);
            controls.status(frame.status());
        }

        /** Play down starts the page's heartbeat and a fresh watch on it; play up stops both. */
        @Override
        public void playing(boolean on) {
            synchronized (this) {
                watch = on ? new PageWatch(Playground.PAGE_SILENCE_MILLIS * 1_000_000, System.nanoTime()) : null;
            }
            controls.playing(on);
        }

        @Override
        public synchronized boolean pageGone() {
            return watch != null && watch.gone(controls.heartbeat().lastHeardNanos(), KernelInterrupts.cellRunning(),
                    System.nanoTime());
        }

        @Override
        public void showSetting(Setting s) {
            controls.show(s);
        }

        @Override
        public void close() {
            widgets.close();
        }
    }
}
