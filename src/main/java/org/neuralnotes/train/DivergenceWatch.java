package org.neuralnotes.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The watch over the loss of a training run, and the copy of the parameters taken when the
 * run started, to put back when the run diverges.
 *
 * <p>A run has diverged when its loss is not finite, or when it is finite but far above where
 * it started: with L₀ the first loss seen (the loss at the start),
 * <pre>
 *   diverged at iteration t  when  L_t &gt; 10⁶ · max(L₀, 1).
 * </pre>
 * A run that learns lowers its loss; a healthy noisy run (small batches, a large but working
 * learning rate) may rise a few times above its start, never a million times. The floor 1
 * keeps a start near zero (a network already at a minimum) from making a tiny rise count.
 *
 * <p>{@link #restore()} copies the starting parameters back: after a divergence the network
 * is as it was when {@code fit} was called (the last finite parameters are usually already far
 * off, so they are not kept). Used by {@link Trainer#fit} and by
 * {@code LogisticRegression.fit}.
 */
public final class DivergenceWatch {
    /** How far above max(L₀, 1) a finite loss may rise before the run counts as diverged. */
    public static final double RISE_LIMIT = 1e6;
    /** How many of the latest losses the path in the message shows. */
    private static final int SHOWN = 5;

    private final List<DMatrixRMaj> parameters;
    private final List<DMatrixRMaj> start = new ArrayList<>();
    private double first = Double.NaN;
    private int firstIteration;
    /** the latest (iteration, loss) pairs seen, oldest first */
    private final Deque<double[]> latest = new ArrayDeque<>();

    /** Watches a run over these parameter matrices (used, not copied), copying their values now. */
    public DivergenceWatch(List<DMatrixRMaj> parameters) {
        this.parameters = parameters;
        for (DMatrixRMaj p : parameters) {
            start.add(p.copy());
        }
    }

    /**
     * Notes the loss of iteration t (0 for the start) and says whether the run has diverged:
     * the loss is not finite, or above {@link #limit()}.
     */
    public boolean diverged(int iteration, double loss) {
        if (Double.isNaN(first) && Double.isFinite(loss)) {
            first = loss;
            firstIteration = iteration;
        }
        latest.addLast(new double[] {iteration, loss});
        if (latest.size() > SHOWN) {
            latest.removeFirst();
        }
        return !Double.isFinite(loss) || loss > limit();
    }

    /** 10⁶ · max(L₀, 1), L₀ the first finite loss seen; +∞ before any. */
    public double limit() {
        return Double.isNaN(first) ? Double.POSITIVE_INFINITY : RISE_LIMIT * Math.max(first, 1);
    }

    /** What the finite rule saw: "the loss rose from 95.5000 (iteration 0) to 8.50000e+11 (iteration 7), …". */
    public String rise() {
        double[] last = latest.peekLast();
        return String.format(Locale.ROOT, "the loss rose from %.6g (iteration %d) to %.6g (iteration %d),"
                + " above 10^6 * max(%.6g, 1) = %.6g", first, firstIteration, last[1], (int) last[0],
                first, limit());
    }

    /** The latest losses seen, "losses seen last: 5: 12.0000 -> 6: 804.000 -> …"; "" before any. */
    public String path() {
        StringBuilder s = new StringBuilder();
        for (double[] p : latest) {
            s.append(s.length() == 0 ? "losses seen last: " : " -> ")
                    .append(String.format(Locale.ROOT, "%d: %.6g", (int) p[0], p[1]));
        }
        return s.toString();
    }

    /** Copies the starting values back into the parameters; returns the sentence saying so. */
    public String restore() {
        for (int i = 0; i < parameters.size(); i++) {
            DMatrixRMaj p = parameters.get(i);
            System.arraycopy(start.get(i).data, 0, p.data, 0, p.getNumElements());
        }
        return "the parameters are back at their values from the start of fit";
    }
}
