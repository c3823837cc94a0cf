package org.neuralnotes.playground;

import java.util.Collections;

import org.neuralnotes.data.TwoD;
import org.neuralnotes.widgets.Box;
import org.neuralnotes.widgets.Button;
import org.neuralnotes.widgets.Dropdown;
import org.neuralnotes.widgets.Heartbeat;
import org.neuralnotes.widgets.Label;
import org.neuralnotes.widgets.Slider;
import org.neuralnotes.widgets.Toggle;
import org.neuralnotes.widgets.Widgets;

/**
 * The playground's controls: one widget per part of a {@link Setting}, the play / one step / reset
 * buttons and the status line. Each listener turns the student's change into a new setting for
 * {@link Playground#load}; they run on the widgets' listener thread (see {@link Widgets}).
 */
final class Controls {
    private final Dropdown dataset;
    private final Slider noise;
    private final Slider testPercent;
    private final Slider layers;
    private final Slider units;
    private final Dropdown activation;
    private final Dropdown init;
    private final Slider learningRate;
    private final Slider batch;
    private final Dropdown optimizer;
    private final Slider seed;
    private final Toggle play;
    private final Button step;
    private final Button reset;
    private final Label status;
    private final Heartbeat heartbeat;
    private final Box root;

    Controls(Widgets w, Playground pg, Setting s) {
        dataset = w.dropdown("data", TwoD.NAMES, s.dataset());
        noise = w.floatSlider("noise", 0, 0.5, 0.05, s.noise());
        testPercent = w.intSlider("test %", 10, 90, (int) Math.round(100 * s.testFraction()));
        layers = w.intSlider("hidden layers", 1, 3, s.hidden().size());
        units = w.intSlider("units per layer", 1, 8, Collections.max(s.hidden()));
        activation = w.dropdown("activation", Setting.ACTIVATIONS, s.activation());
        init = w.dropdown("initial weights", Setting.INITS, s.init());
        // exponents of 10: from 1e-4 to 10, a tenth of a decade per step
        learningRate = w.logSlider("learning rate", -4, 1, 0.1, s.learningRate());
        batch = w.intSlider("batch size", 1, 140, Math.min(s.batchSize(), 140));
        optimizer = w.dropdown("optimizer", Setting.OPTIMIZERS, s.optimizer());
        seed = w.intSlider("seed", 0, 99, (int) Math.min(99, s.seed()));
        play = w.toggle("play", false);
        step = w.button("one step");
        reset = w.button("reset");
        status = w.label("step 0");
        heartbeat = w.heartbeat(Playground.HEARTBEAT_MILLIS);
        root = w.vbox(w.hbox(play, step, reset, status, heartbeat),
                w.hbox(dataset, noise, testPercent, seed),
                w.hbox(layers, units, activation, init),
                w.hbox(learningRate, optimizer, batch));

        dataset.onSelect(v -> pg.load(pg.setting().withDataset(v)));
        noise.onValue(v -> pg.load(pg.setting().withNoise(v)));
        testPercent.onValue(v -> pg.load(pg.setting().withTestFraction(v / 100)));
        layers.onValue(v -> pg.load(pg.setting().withHidden(hidden((int) v, (int) units.value()))));
        units.onValue(v -> pg.load(pg.setting().withHidden(hidden((int) layers.value(), (int) v))));
        activation.onSelect(v -> pg.load(pg.setting().withActivation(v)));
        init.onSelect(v -> pg.load(pg.setting().withInit(v)));
        learningRate.onValue(v -> pg.load(pg.setting().withLearningRate(v)));
        batch.onValue(v -> pg.load(pg.setting().withBatchSize((int) v)));
        optimizer.onSelect(v -> pg.load(pg.setting().withOptimizer(v)));
        seed.onValue(v -> pg.load(pg.setting().withSeed((long) v)));
        play.onValue(on -> {
            if (on) {
                pg.play();
            } else {
                pg.pause();
            }
        });
        step.onClick(pg::step);
        reset.onClick(pg::reset);
    }

    private static Integer[] hidden(int layers, int units) {
        return Collections.nCopies(layers, units).toArray(new Integer[0]);
    }

    Box root() {
        return root;
    }

    void status(String line) {
        status.setText(line);
    }

    /** The play button follows, and the page's heartbeat ticks while playing. */
    void playing(boolean on) {
        if (play.value() != on) {
            play.setValue(on);
        }
        heartbeat.beat(on);
    }

    Heartbeat heartbeat() {
        return heartbeat;
    }

    /** The controls follow a setting loaded from code. */
    void show(Setting s) {
        setIfChanged(dataset, s.dataset());
        setIfChanged(activation, s.activation());
        setIfChanged(init, s.init());
        setIfChanged(optimizer, s.optimizer());
        setIfChanged(noise, s.noise());
        setIfChanged(testPercent, Math.round(100 * s.testFraction()));
        setIfChanged(layers, s.hidden().size());
        setIfChanged(units, Collections.max(s.hidden()));
        setIfChanged(learningRate, s.learningRate());
        setIfChanged(batch, Math.min(s.batchSize(), 140));
        setIfChanged(seed, Math.min(99, s.seed()));
    }

    private static void setIfChanged(Slider s, double v) {
        if (s.value() != v) {
            s.setValue(v);
        }
    }

    private static void setIfChanged(Dropdown d, String v) {
        if (!d.selected().equals(v)) {
            d.select(v);
        }
    }
}
