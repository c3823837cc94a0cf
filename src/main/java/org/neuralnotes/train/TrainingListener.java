package org.neuralnotes.train;

import org.neuralnotes.nn.Network;

/**
 * Called after every step of training, e.g. to print the loss or redraw a plot, and able to
 * ask for a stop.
 *
 * <pre>{@code
 * TrainingListener.watch((step, loss, net) -> System.out.println(step + " " + loss))
 * (step, loss, net) -> loss < 0.01        // stop as soon as a batch loss is below 0.01
 * }</pre>
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * @param step    the step just taken, 1 for the first
     * @param loss    the loss of that step's batch, computed before its update
     * @param network the network after the update (live: read it, do not change it)
     * @return true to stop training after this step ("stopped by a listener")
     */
    boolean afterStep(int step, double loss, Network network);

    /** A listener that only watches and never stops training. */
    static TrainingListener watch(Watcher watcher) {
        if (watcher == null) {
            throw new IllegalArgumentException("watcher: expected a watcher, found null");
        }
        return (step, loss, network) -> {
            watcher.accept(step, loss, network);
            return false;
        };
    }

    /** The body of a listener that never stops training. */
    @FunctionalInterface
    interface Watcher {
        void accept(int step, double loss, Network network);
    }
}
