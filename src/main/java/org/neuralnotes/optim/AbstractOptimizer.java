package org.neuralnotes.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * What every optimizer here shares: the argument checks, the layout fixed by the first step,
 * the step count t and the learning rate α. A subclass writes only its update of one matrix,
 * as a tight loop over the row-major {@code double[]} data.
 */
public abstract class AbstractOptimizer implements Optimizer {
    private final double learningRate;
    /** rows and columns of each position, fixed by the first step; null before it */
    private int[][] shapes;
    private long t;

    /** @param learningRate α, finite and > 0 */
    protected AbstractOptimizer(double learningRate) {
        this.learningRate = Checks.positive("learningRate", learningRate);
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    /** The number of steps taken since construction or the last {@link #reset()}. */
    public final long stepsTaken() {
        return t;
    }

    @Override
    public final void step(List<DMatrixRMaj> params, List<DMatrixRMaj> grads) {
        check(params, grads);
        if (shapes == null) {
            shapes = new int[params.size()][];
            int[] sizes = new int[params.size()];
            for (int i = 0; i < shapes.length; i++) {
                DMatrixRMaj p = params.get(i);
                shapes[i] = new int[] {p.numRows, p.numCols};
                sizes[i] = p.getNumElements();
            }
            allocate(sizes);
        }
        t++;
        beginStep(t);
        for (int i = 0; i < shapes.length; i++) {
            DMatrixRMaj p = params.get(i);
            update(i, p.data, grads.get(i).data, p.getNumElements());
        }
    }

    @Override
    public final void reset() {
        shapes = null;
        t = 0;
        release();
    }

    /** Every check, before any parameter or state changes. */
    private void check(List<DMatrixRMaj> params, List<DMatrixRMaj> grads) {
        if (params == null) {
            throw new IllegalArgumentException("params: expected a list of matrices, found null");
        }
        if (grads == null) {
            throw new IllegalArgumentException("grads: expected a list of matrices, found null");
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException("params: expected at least one matrix, found none");
        }
        if (grads.size() != params.size()) {
            throw new IllegalArgumentException("grads: expected " + params.size()
                    + " matrices (one per parameter), found " + grads.size());
        }
        if (shapes != null && params.size() != shapes.length) {
            throw new IllegalArgumentException("params: expected " + shapes.length
                    + " matrices as in the previous steps (reset() starts over), found "
                    + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            String pName = "params[" + i + "]";
            String gName = "grads[" + i + "]";
            DMatrixRMaj p = params.get(i);
            DMatrixRMaj g = grads.get(i);
            Checks.nonEmpty(pName, p);
            Checks.sameShape(pName, p, gName, g);
            if (shapes != null && (p.numRows != shapes[i][0] || p.numCols != shapes[i][1])) {
                throw new IllegalArgumentException(pName + ": expected shape " + shapes[i][0] + "x"
                        + shapes[i][1] + " as in the previous steps (reset() starts over), found "
                        + Checks.shape(p));
            }
            Checks.finite(gName, g);
        }
    }

    /** Creates the state for matrices of these sizes (number of entries), on the first step. */
    protected abstract void allocate(int[] sizes);

    /** Drops the state. */
    protected abstract void release();

    /** Called once per step, before the updates, with the new step count t (1 on the first). */
    protected void beginStep(long t) {}

    /**
     * θ ← θ − (update) for position i, entry by entry.
     *
     * @param i position in the parameter list (the key of the state)
     * @param theta θ, the parameter's row-major data, changed in place
     * @param g the gradient's row-major data
     * @param n the number of entries
     */
    protected abstract void update(int i, double[] theta, double[] g, int n);
}
