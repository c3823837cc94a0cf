package org.neuralnotes.plot;

import java.io.PrintStream;
import java.util.Locale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Training progress shown while it runs. In a notebook: a loss curve whose title is the
 * current step and loss, one output redrawn in place (the kernel's {@code updateDisplay}) every
 * few steps, standing on its own like every figure ({@link Notebook#bundle}; after
 * {@link Notebook#setup()} also a progress bar in its HTML). Elsewhere: one plain line per
 * redraw on a stream.
 *
 * <p>It takes its numbers through {@link #update(int, double, double)}, so any training loop
 * can feed it, for instance from a training listener:
 * <pre>{@code
 * LiveLossDisplay live = LiveLossDisplay.create(500, 10);   // 500 steps, redraw every 10
 * for (int step = 1; step <= 500; step++) { ...; live.update(step, loss); }
 * live.finish();
 * }</pre>
 */
public final class LiveLossDisplay {
    static {
        Notebook.install();
    }

    /** Where the notebook output goes: the kernel's display and updateDisplay. */
    interface Sink {
        String show(Object o);

        void update(String id, Object o);
    }

    private final int totalSteps;
    private final int every;
    private final PrintStream console;
    private final Sink sink;
    private final RenderState page;
    private final IntColumn steps = IntColumn.create("step");
    private final DoubleColumn losses = DoubleColumn.create("loss");
    private final DoubleColumn validation = DoubleColumn.create("validation_loss");
    private String displayId;
    private int updates;
    private boolean finished;

    LiveLossDisplay(int totalSteps, int every, PrintStream console, Sink sink, RenderState page) {
        if (totalSteps < 0) {
            throw new IllegalArgumentException("totalSteps: expected an integer >= 0 (0: unknown), found "
                    + totalSteps);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every: expected an integer >= 1, found " + every);
        }
        this.totalSteps = totalSteps;
        this.every = every;
        this.console = console;
        this.sink = sink;
        this.page = page;
    }

    /**
     * In a notebook (IJava, JJava or Rapaio running this code) the live plot, else console lines on
     * {@code System.out}. {@code totalSteps} may be 0 when unknown (no bar then).
     */
    public static LiveLossDisplay create(int totalSteps, int every) {
        return Notebook.inKernel() ? notebook(totalSteps, every) : console(System.out, totalSteps, every);
    }

    /** Plain lines on {@code out}, one per redraw. */
    public static LiveLossDisplay console(PrintStream out, int totalSteps, int every) {
        if (out == null) {
            throw new IllegalArgumentException("out: expected a stream, found null");
        }
        return new LiveLossDisplay(totalSteps, every, out, null, null);
    }

    /** The live plot in the notebook; fails outside a Jupyter Java kernel. */
    public static LiveLossDisplay notebook(int totalSteps, int every) {
        if (!Notebook.inKernel()) {
            throw new IllegalStateException("not running in a Jupyter Java kernel (IJava, JJava or Rapaio); use "
                    + "LiveLossDisplay.console(System.out, ...) or LiveLossDisplay.create(...)");
        }
        return new LiveLossDisplay(totalSteps, every, null, new Sink() {
            @Override
            public String show(Object o) {
                return Notebook.display(o);
            }

            @Override
            public void update(String id, Object o) {
                Notebook.updateDisplay(id, o);
            }
        }, Notebook.state());
    }

    /** True when it draws into a notebook. */
    public boolean inNotebook() {
        return sink != null;
    }

    /** Records the training loss at a step (no validation loss). */
    public void update(int step, double loss) {
        update(step, loss, Double.NaN);
    }

    /** Records the losses at a step; redraws on the first call and then every {@code every} calls. */
    public void update(int step, double loss, double validationLoss) {
        if (finished) {
            throw new IllegalStateException("update after finish()");
        }
        if (steps.size() > 0 && step <= steps.getInt(steps.size() - 1)) {
            throw new IllegalArgumentException("step: expected a step after " + steps.getInt(steps.size() - 1)
                    + ", found " + step);
        }
        steps.append(step);
        losses.append(loss);
        validation.append(validationLoss);
        if (updates++ % every == 0) {
            draw();
        }
    }

    /** Draws the final state (once), whatever the step count. */
    public void finish() {
        if (!finished) {
            finished = true;
            if (steps.size() > 0 && (updates - 1) % every != 0) {
                draw();
            }
        }
    }

    /** The losses recorded so far, in the format of {@code History.lossTable()}. */
    public Table lossTable() {
        return Table.create("loss", steps.copy(), losses.copy(), validation.copy());
    }

    /** The text of the current state, as the console line shows it. */
    String statusLine() {
        int last = steps.size() - 1;
        StringBuilder s = new StringBuilder("step ").append(steps.getInt(last));
        if (totalSteps > 0) {
            s.append('/').append(totalSteps);
        }
        s.append(String.format(Locale.ROOT, "  loss %.6g", losses.getDouble(last)));
        double v = validation.getDouble(last);
        if (!Double.isNaN(v)) {
            s.append(String.format(Locale.ROOT, "  validation %.6g", v));
        }
        return s.toString();
    }

    private void draw() {
        String line = statusLine();
        if (sink == null) {
            console.println(line);
            return;
        }
        // the status line is the plot's title too: plotly's renderer shows only the figure
        PlotFigure curve = LossCurves.of(lossTable()).title("Loss during training: " + line).build();
        KernelBridge.MimeBundle out = Notebook.bundle(curve, line, progressHtml(line), page);
        if (displayId == null) {
            displayId = sink.show(out);
        } else {
            sink.update(displayId, out);
        }
    }

    private String progressHtml(String line) {
        StringBuilder s = new StringBuilder("<div style=\"font-family:monospace;margin:4px 0\">");
        if (totalSteps > 0) {
            double done = Math.min(1.0, steps.getInt(steps.size() - 1) / (double) totalSteps);
            s.append("<div style=\"display:inline-block;width:300px;height:12px;background:#e6e6e6;"
                    + "vertical-align:middle;margin-right:8px\"><div style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * done))
                    .append("%;height:100%;background:#1f77b4\"></div></div>");
        }
        return s.append(Text.html(line)).append("</div>\n").toString();
    }

    @Override
    public String toString() {
        return "LiveLossDisplay(" + (inNotebook() ? "notebook" : "console") + ", every " + every + " steps"
                + (totalSteps > 0 ? ", " + totalSteps + " steps" : "") + ")";
    }
}
