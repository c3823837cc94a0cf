package org.neuralnotes.train;

import org.neuralnotes.nn.Network;

/**
 * The memory bounds of a run's {@link History}: whether it keeps the weights (when asked, or
 * for networks of at most {@link Trainer#AUTO_WEIGHT_ENTRIES} entries) and how many records fit
 * in the trainer's {@code maxHistoryBytes} (8 bytes per weight entry and a little per record).
 */
final class HistoryBounds {
    /** Bytes of a record besides its weights: the boxed step and losses, the array headers. */
    private static final long RECORD_BYTES = 96;

    private HistoryBounds() {}

    /** An empty history for one run of {@code settings} on {@code network}, its bounds worked out. */
    static History of(Network network, Trainer settings) {
        long entries = network.parameterCount();
        boolean weights = settings.recordsWeightsOf(network);
        long perRecord = RECORD_BYTES + (weights ? 8 * entries + 16L * network.depth() * 2 : 0);
        long fit = settings.maxHistoryBytes() / perRecord;
        if (fit < 2) {
            throw new IllegalArgumentException("maxHistoryBytes: a record of this network's weights takes "
                    + perRecord + " bytes (" + entries + " entries), so " + settings.maxHistoryBytes()
                    + " bytes do not hold the 2 records of the start and the end; raise maxHistoryBytes"
                    + " or call recordWeights(false)");
        }
        History h = new History(network.parameters(), weights, settings.recordEvery(),
                (int) Math.min(settings.maxRecords(), fit));
        if (!weights && settings.recordWeights()) {
            h.weightsLeftOut(", weights not recorded: " + entries + " parameter entries, more than "
                    + Trainer.AUTO_WEIGHT_ENTRIES + " (recordWeights(true) records them)");
        }
        return h;
    }
}
