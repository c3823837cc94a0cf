package org.neuralnotes.bench;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.linalg.Rows;
import org.neuralnotes.random.Rng;

/**
 * W2 and W3: a ReLU network with a softmax output and cross-entropy, trained by mini-batch
 * gradient descent over the rows in order (a full batch when batch = N).
 * Data: X = U(0, 1) row by row (N×p), then N labels nextInt(K), then W1, W2, … Xavier uniform;
 * all b zero.
 */
final class Mlp implements Workload {
    private final int[] sizes;
    private final int examples;
    private final int batch;
    private final int epochs;
    private final double rate;
    private final long seed;
    private final int layers;

    private DMatrixRMaj X;
    private int[] labels;
    private final List<DMatrixRMaj> batchesX = new ArrayList<>();
    private final List<DMatrixRMaj> batchesY = new ArrayList<>();
    private final DMatrixRMaj[] W0;
    private final DMatrixRMaj[] W;
    private final DMatrixRMaj[] b;
    private final DMatrixRMaj[] dW;
    private final DMatrixRMaj[] db;
    private final DMatrixRMaj[] A;
    private final DMatrixRMaj[] dZ;
    private final DMatrixRMaj dA = new DMatrixRMaj(1, 1);

    /**
     * @param sizes  p, hidden widths…, K
     * @param epochs passes over the data per timed run (one iteration = one pass)
     */
    Mlp(long seed, int[] sizes, int examples, int batch, int epochs, double rate) {
        this.seed = seed;
        this.sizes = sizes.clone();
        this.examples = examples;
        this.batch = batch;
        this.epochs = epochs;
        this.rate = rate;
        this.layers = sizes.length - 1;
        W0 = new DMatrixRMaj[layers + 1];
        W = new DMatrixRMaj[layers + 1];
        b = new DMatrixRMaj[layers + 1];
        dW = new DMatrixRMaj[layers + 1];
        db = new DMatrixRMaj[layers + 1];
        A = new DMatrixRMaj[layers + 1];
        dZ = new DMatrixRMaj[layers + 1];
        for (int l = 1; l <= layers; l++) {
            W[l] = new DMatrixRMaj(sizes[l - 1], sizes[l]);
            b[l] = new DMatrixRMaj(1, sizes[l]);
            dW[l] = new DMatrixRMaj(sizes[l - 1], sizes[l]);
            db[l] = new DMatrixRMaj(1, sizes[l]);
            A[l] = new DMatrixRMaj(1, 1);
            dZ[l] = new DMatrixRMaj(1, 1);
        }
    }

    @Override
    public long setup() {
        Rng rng = new Rng(seed);
        int p = sizes[0];
        int K = sizes[layers];
        X = Data.uniform(rng, examples, p, 0, 1);
        labels = Data.labels(rng, examples, K);
        DMatrixRMaj Y = Data.oneHot(labels, K);
        DMatrixRMaj[] hashed = new DMatrixRMaj[layers + 2];
        hashed[0] = X;
        hashed[1] = Y;
        for (int l = 1; l <= layers; l++) {
            W0[l] = Data.xavier(rng, sizes[l - 1], sizes[l]);
            hashed[l + 1] = W0[l];
        }
        // the batches as matrices of their own, made once (numpy slices views; not timed)
        for (int start = 0; start < examples; start += batch) {
            int rows = Math.min(batch, examples - start);
            DMatrixRMaj Xb = new DMatrixRMaj(rows, p);
            DMatrixRMaj Yb = new DMatrixRMaj(rows, K);
            System.arraycopy(X.data, start * p, Xb.data, 0, rows * p);
            System.arraycopy(Y.data, start * K, Yb.data, 0, rows * K);
            batchesX.add(Xb);
            batchesY.add(Yb);
        }
        return Data.hash(hashed);
    }

    @Override
    public int iterations() {
        return epochs;
    }

    @Override
    public double flopsPerIteration() {
        double perExample = 0;
        for (int l = 1; l <= layers; l++) {
            double product = 2.0 * sizes[l - 1] * sizes[l];
            // forward Z = A·W, gradient dW = Aᵀ·dZ, and dA = dZ·Wᵀ below the first layer
            perExample += product * (l > 1 ? 3 : 2);
        }
        return perExample * examples;
    }

    @Override
    public void reset() {
        for (int l = 1; l <= layers; l++) {
            W[l].setTo(W0[l]);
            b[l].zero();
        }
    }

    @Override
    public void run() {
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < batchesX.size(); i++) {
                step(batchesX.get(i), batchesY.get(i));
            }
        }
    }

    private DMatrixRMaj forward(DMatrixRMaj Xb) {
        DMatrixRMaj input = Xb;
        for (int l = 1; l <= layers; l++) {
            // Z = A·W + b
            Products.multAddRow(input, W[l], b[l], A[l]);
            if (l < layers) {
                // A = max(Z, 0), in place
                Elementwise.relu(A[l]);
            }
            input = A[l];
        }
        return A[layers];
    }

    private void step(DMatrixRMaj Xb, DMatrixRMaj Yb) {
        int rows = Xb.numRows;
        forward(Xb);
        // A_L = softmax(Z_L); dZ_L = (A_L − Y)/B
        Elementwise.softmaxRows(A[layers]);
        Elementwise.scaledDifference(1.0 / rows, A[layers], Yb, dZ[layers]);
        for (int l = layers; l >= 1; l--) {
            DMatrixRMaj below = l > 1 ? A[l - 1] : Xb;
            // dW = Aᵀ·dZ, db = Σᵢ dZ
            Products.multTransA(below, dZ[l], dW[l]);
            Rows.sumRows(1.0, dZ[l], db[l]);
            if (l > 1) {
                // dA = dZ·Wᵀ, dZ_below = dA ⊙ [Z_below > 0]
                Products.multTransB(dZ[l], W[l], dA);
                Elementwise.reluBackward(A[l - 1], dA, dZ[l - 1]);
            }
        }
        for (int l = 1; l <= layers; l++) {
            // W ← W − α·dW, b ← b − α·db
            Elementwise.subtractScaled(W[l], rate, dW[l]);
            Elementwise.subtractScaled(b[l], rate, db[l]);
        }
    }

    @Override
    public double result() {
        // L = (1/N)·Σᵢ [log Σₖ e^(Z_ik) − Z_i,yᵢ] over all N examples, by batches
        double total = 0.0;
        int K = sizes[layers];
        int offset = 0;
        for (DMatrixRMaj Xb : batchesX) {
            DMatrixRMaj Z = forward(Xb);
            for (int i = 0; i < Z.numRows; i++) {
                total += Elementwise.logSumExp(Z.data, i * K, K) - Z.data[i * K + labels[offset + i]];
            }
            offset += Xb.numRows;
        }
        return total / examples;
    }
}
