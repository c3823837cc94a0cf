package org.neuralnotes.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.init.Initializers;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.nn.Gradients;
import org.neuralnotes.nn.Network;
import org.neuralnotes.random.Rng;

class SelectorGradientTest {

    @Test
    void selectorsPickOneEntryAsTheNoteShows() {
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{2}, {3}, {5}});
        // o_3 v = c (the note counts from 1; here index 2)
        DMatrixRMaj s = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(SelectorGradient.o(2, 3), v, s);
        assertEquals(5.0, s.get(0, 0), 0.0);
        // O_3 v = (0, 0, c)ᵀ
        DMatrixRMaj kept = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.mult(SelectorGradient.O(2, 3), v, kept);
        assertEquals(0.0, kept.get(0), 0.0);
        assertEquals(0.0, kept.get(1), 0.0);
        assertEquals(5.0, kept.get(2), 0.0);
        assertThrows(IllegalArgumentException.class, () -> SelectorGradient.o(3, 3));
    }

    static Network net(int hiddenLayers, Rng rng) {
        Network.Builder b = Network.builder(2);
        for (int l = 0; l < hiddenLayers; l++) {
            b.dense(3 + l, Activations.tanh());
        }
        return b.dense(2, Activations.sigmoid()).loss(Losses.l2())
                .build(Initializers.xavierNormal(), Initializers.normal(0, 0.3), rng);
    }

    @Test
    void nestedProductsEqualBackpropagationAndCentralDifferencesAtDepthsOneToFour() {
        Rng rng = new Rng(5);
        DMatrixRMaj X = new DMatrixRMaj(7, 2);
        DMatrixRMaj Y = new DMatrixRMaj(7, 2);
        for (int i = 0; i < X.getNumElements(); i++) {
            X.data[i] = rng.uniform(-1, 1);
            Y.data[i] = rng.uniform(0, 1);
        }
        for (int depth = 1; depth <= 4; depth++) {
            Network net = net(depth - 1, new Rng(100 + depth));
            Gradients backprop = net.gradients(X, Y);
            for (int m = 0; m < depth; m++) {
                // note 004's W^m is the library's W_(m+1) transposed
                DMatrixRMaj note = SelectorGradient.dL2dW(net, X, Y, m);
                DMatrixRMaj library = CommonOps_DDRM.transpose(backprop.get("W" + (m + 1)), null);
                assertEquals(0.0, relativeDifference(note, library), 1e-13, "W, depth " + depth + ", m " + m);
                DMatrixRMaj noteB = SelectorGradient.dL2db(net, X, Y, m);
                DMatrixRMaj libraryB = CommonOps_DDRM.transpose(backprop.get("b" + (m + 1)), null);
                assertEquals(0.0, relativeDifference(noteB, libraryB), 1e-13, "b, depth " + depth + ", m " + m);
                // and against (ℓ2(W + h) − ℓ2(W − h)) / 2h for one entry
                DMatrixRMaj W = net.layer(m + 1).W();
                double saved = W.get(0, 0);
                double h = 1e-6;
                W.set(0, 0, saved + h);
                double plus = net.loss(X, Y);
                W.set(0, 0, saved - h);
                double minus = net.loss(X, Y);
                W.set(0, 0, saved);
                assertEquals((plus - minus) / (2 * h), note.get(0, 0), 1e-8);
            }
        }
    }

    @Test
    void refusesASoftmaxLayerAndALayerOutOfRange() {
        Network softmax = Network.builder(2).dense(3, Activations.softmax()).loss(Losses.l2())
                .build(Initializers.xavierNormal(), new Rng(1));
        DMatrixRMaj X = new DMatrixRMaj(2, 2);
        DMatrixRMaj Y = new DMatrixRMaj(2, 3);
        assertThrows(IllegalArgumentException.class, () -> SelectorGradient.dL2dW(softmax, X, Y, 0));
        Network one = net(0, new Rng(1));
        assertThrows(IllegalArgumentException.class, () -> SelectorGradient.dL2dW(one, X, new DMatrixRMaj(2, 2), 1));
    }

    private static double relativeDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double d = 0;
        double s = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
            s = Math.max(s, Math.abs(b.data[i]));
        }
        return d / s;
    }
}
