package org.neuralnotes.playground;

import java.util.Map;

import org.neuralnotes.plot.FigureGroup;
import org.neuralnotes.plot.HtmlOutput;
import org.neuralnotes.plot.Notebook;
import org.neuralnotes.widgets.Widgets;

/** Where the playground draws: live in a page, as plain outputs of a cell, or as lines on the console. */
interface View {
    /** One redraw: the plots, the weights, the status line and its numbers. */
    record Frame(FigureGroup plots, HtmlOutput weights, String status, Map<String, Object> values) {}

    void show(Frame frame);

    /** Play went down or up (from code or by itself). */
    default void playing(boolean on) {}

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

    /** A page: the controls once, then the figures redrawn in place (the kernel's updateDisplay). */
    final class Live implements View {
        private final Widgets widgets;
        private Controls controls;
        private String plotsId;
        private String weightsId;

        Live(Widgets widgets) {
            this.widgets = widgets;
        }

        void attach(Playground pg) {
            controls = new Controls(widgets, pg, pg.setting());
            widgets.display(controls.root());
        }

        @Override
        public synchronized void show(Frame frame) {
            controls.status(frame.status());
            if (plotsId == null) {
                plotsId = Notebook.display(frame.plots());
                weightsId = Notebook.display(frame.weights());
            } else {
                Notebook.updateDisplay(plotsId, frame.plots());
                Notebook.updateDisplay(weightsId, frame.weights());
            }
        }

        @Override
        public void playing(boolean on) {
            controls.playing(on);
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
