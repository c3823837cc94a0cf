package org.neuralnotes.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;
import org.neuralnotes.optim.Optimizer;

/**
 * The settings of a {@link Trainer}, as its {@link Trainer.Builder} gathers them (each value
 * checked there) and as the trainer keeps them, copied: the defaults are written here once.
 */
final class TrainerSettings {
    Optimizer optimizer;
    Batching batching = Batching.fullBatch();
    /** 0 when not bounded */
    int maxIterations;
    int maxEpochs;
    final List<StoppingRule> rules = new ArrayList<>();
    final List<TrainingListener> listeners = new ArrayList<>();
    int recordEvery = Trainer.DEFAULT_RECORD_EVERY;
    int maxRecords = Trainer.DEFAULT_MAX_RECORDS;
    long maxHistoryBytes = Trainer.DEFAULT_MAX_HISTORY_BYTES;
    /** true or false when asked, null to record the weights of small networks only */
    Boolean recordWeights;
    OnDivergence onDivergence = OnDivergence.THROW;
    boolean keepHistory = true;
    DMatrixRMaj validationX;
    DMatrixRMaj validationY;

    /** The same settings in new lists; the validation matrices copied when {@code copyData}. */
    TrainerSettings copy(boolean copyData) {
        TrainerSettings c = new TrainerSettings();
        c.optimizer = optimizer;
        c.batching = batching;
        c.maxIterations = maxIterations;
        c.maxEpochs = maxEpochs;
        c.rules.addAll(rules);
        c.listeners.addAll(listeners);
        c.recordEvery = recordEvery;
        c.maxRecords = maxRecords;
        c.maxHistoryBytes = maxHistoryBytes;
        c.recordWeights = recordWeights;
        c.onDivergence = onDivergence;
        c.keepHistory = keepHistory;
        c.validationX = copyData && validationX != null ? validationX.copy() : validationX;
        c.validationY = copyData && validationY != null ? validationY.copy() : validationY;
        return c;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Trainer(optimizer=").append(optimizer)
                .append(", batching=").append(batching);
        if (maxIterations > 0) {
            s.append(", maxIterations=").append(maxIterations);
        }
        if (maxEpochs > 0) {
            s.append(", maxEpochs=").append(maxEpochs);
        }
        if (!rules.isEmpty()) {
            s.append(", stopWhen=").append(rules);
        }
        if (!listeners.isEmpty()) {
            s.append(", listeners=").append(listeners.size());
        }
        s.append(", recordEvery=").append(recordEvery).append(", maxRecords=").append(maxRecords)
                .append(", recordWeights=").append(recordWeights == null ? "auto" : recordWeights)
                .append(onDivergence == OnDivergence.THROW ? "" : ", onDivergence=" + onDivergence)
                .append(keepHistory ? "" : ", keepHistory=false").append(", validation=")
                .append(validationX == null ? "none" : Checks.shape(validationX));
        return s.append(')').toString();
    }
}
