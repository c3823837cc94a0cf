package org.neuralnotes.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.nn.Network;
import org.neuralnotes.optim.GradientDescent;
import org.neuralnotes.random.Rng;

class OneFitAtATimeTest {
    private final Rng data = new Rng(81);
    private final DMatrixRMaj X = TrainData.inputs(12, 2, data);
    private final DMatrixRMaj Y = TrainData.labels(X, data);

    @Test
    void aSecondFitOnTheSameNetworkFromAnotherThreadIsRefused() throws Exception {
        Network net = TrainData.classifier(2);
        Network alone = net.copy();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Trainer waiting = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(5)
                .listener(TrainingListener.watch((step, loss, n) -> {
                    if (step == 1) {
                        inside.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })).build();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "first-fit"));
        try {
            Future<History> first = pool.submit(() -> waiting.fit(net, X, Y, null));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            Trainer other = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(5).build();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.fit(net, X, Y, null));
            assertTrue(e.getMessage().startsWith("network: " + net), e.getMessage());
            assertTrue(e.getMessage().contains("thread \"first-fit\""), e.getMessage());
            release.countDown();
            assertEquals(5, first.get(30, TimeUnit.SECONDS).iterations());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        // the refused call changed nothing: the network moved exactly as one run alone moves it
        Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(5).build().fit(alone, X, Y, null);
        for (int i = 0; i < net.parameterValues().size(); i++) {
            assertArrayEquals(alone.parameterValues().get(i).data, net.parameterValues().get(i).data, 0.0);
        }
        // and once the first run is over the network can be trained again
        Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(1).build().fit(net, X, Y, null);
    }

    @Test
    void aFitFromInsideAListenerOfTheSameNetworkIsRefused() {
        Network net = TrainData.classifier(2);
        Trainer inner = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(1).build();
        Trainer outer = Trainer.builder().optimizer(new GradientDescent(0.5)).maxIterations(2)
                .listener(TrainingListener.watch((step, loss, n) -> inner.fit(n, X, Y, null))).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> outer.fit(net, X, Y, null));
        assertTrue(e.getMessage().contains("one fit at a time"), e.getMessage());
        // a failed run lets go of the network
        inner.fit(net, X, Y, null);
    }
}
