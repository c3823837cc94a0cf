package org.neuralnotes.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralnotes.Fixtures;
import org.neuralnotes.activation.Activation;
import org.neuralnotes.activation.Activations;
import org.neuralnotes.check.GradientCheck;
import org.neuralnotes.check.GradientCheckReport;
import org.neuralnotes.loss.Loss;
import org.neuralnotes.loss.Losses;
import org.neuralnotes.random.Rng;

/** Backpropagation against central differences, depth 1 to 4, every sensible activation/loss pair. */
class NetworkGradientTest {

    static Stream<Arguments> cases() {
        List<Activation> hidden = List.of(Activations.sigmoid(), Activations.tanh(), Activations.relu(),
                Activations.leakyRelu(0.05), Activations.identity());
        List<Object[]> heads = List.of(
                new Object[] {Activations.identity(), Losses.sumOfSquares(), 2},
                new Object[] {Activations.identity(), Losses.halfSumOfSquares(), 1},
                new Object[] {Activations.identity(), Losses.meanSquaredError(), 2},
                new Object[] {Activations.identity(), Losses.l2(), 3},
                new Object[] {Activations.tanh(), Losses.halfMeanSquaredError(), 2},
                new Object[] {Activations.sigmoid(), Losses.binaryCrossEntropy(), 1},
                new Object[] {Activations.sigmoid(), Losses.meanSquaredError(), 1},
                new Object[] {Activations.softmax(), Losses.categoricalCrossEntropy(), 3},
                new Object[] {Activations.softmax(), Losses.halfMeanSquaredError(), 3},
                new Object[] {Activations.relu(), Losses.l2(), 2});
        List<Arguments> out = new ArrayList<>();
        for (int depth = 1; depth <= 4; depth++) {
            for (Activation g : hidden) {
                for (Object[] h : heads) {
                    if (depth == 1 && g != hidden.get(0)) {
                        continue; // depth 1 has no hidden layer: one case per head is enough
                    }
                    out.add(Arguments.of(depth, g, h[0], h[1], h[2]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "depth {0}, hidden {1}, output {2} + {3}")
    @MethodSource("cases")
    void backpropMatchesCentralDifferences(int depth, Activation hidden, Activation output, Loss loss,
                                           int outputs) {
        Rng rng = new Rng(1000L * depth + hidden.name().hashCode() + 31L * loss.name().hashCode());
        Network.Builder b = Network.builder(3);
        int[] widths = {4, 5, 3};
        for (int l = 1; l < depth; l++) {
            b.dense(widths[l - 1], hidden);
        }
        Network net = b.dense(outputs, output).loss(loss).build(Fixtures.uniformInit(0.8),
                Fixtures.uniformInit(0.3), rng);
        DMatrixRMaj X = Fixtures.uniform(7, 3, -1.5, 1.5, rng);
        DMatrixRMaj Y;
        if (loss == Losses.binaryCrossEntropy() || loss.name().equals("binary_cross_entropy")) {
            Y = Fixtures.binary(7, rng);
        } else if (output.name().equals("softmax")) {
            Y = Fixtures.oneHot(7, outputs, rng);
        } else if (output.name().equals("sigmoid")) {
            Y = Fixtures.binary(7, rng);
        } else {
            Y = Fixtures.uniform(7, outputs, -1, 1, rng);
        }
        GradientCheckReport report = GradientCheck.check(net, X, Y);
        assertTrue(report.passes(1e-7), () -> report.toString());
    }
}
