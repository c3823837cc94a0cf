package org.neuralnotes.train;

import java.util.IdentityHashMap;
import java.util.Map;
import org.neuralnotes.nn.Network;

/**
 * The networks being trained now: a second {@link Trainer#fit} on one of them, from another
 * thread or from a listener of the first, would mix two runs' updates in the same matrices,
 * so it is refused.
 */
final class FitLock {
    /** each network being trained, with the name of the thread training it */
    private static final Map<Network, String> TRAINING = new IdentityHashMap<>();

    private FitLock() {}

    /** Marks the network as being trained; refuses one that already is. */
    static void acquire(Network network) {
        synchronized (TRAINING) {
            String owner = TRAINING.putIfAbsent(network, Thread.currentThread().getName());
            if (owner != null) {
                throw new IllegalStateException("network: " + network + " is already being trained by"
                        + " a fit on thread \"" + owner + "\"; a network is trained by one fit at a time"
                        + " (train a copy() in parallel instead)");
            }
        }
    }

    static void release(Network network) {
        synchronized (TRAINING) {
            TRAINING.remove(network);
        }
    }
}
