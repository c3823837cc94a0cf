package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.neuralnotes.random.Rng;

class Note004ExampleTest {

    @Test
    void targetsFollowTheirFormulas() {
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{-0.5, 0.25}, {0.8, -1}});
        DMatrixRMaj Y = Note004Example.targets(X);
        assertEquals((0.5 - 0.25 + 2) / 4, Y.get(0, 0), 1e-15);
        assertEquals((-0.125 + 1) / 2, Y.get(0, 1), 1e-15);
        assertEquals((0.8 + 1 + 2) / 4, Y.get(1, 0), 1e-15);
        assertEquals((-0.8 + 1) / 2, Y.get(1, 1), 1e-15);
    }

    @Test
    void depthsOneToFour() {
        // parameters: depth 1: 2·2+2; depth 3: (2·3+3)+(3·4+4)+(4·2+2)
        assertEquals(6, Note004Example.network(1, new Rng(1)).parameterCount());
        assertEquals(35, Note004Example.network(3, new Rng(1)).parameterCount());
        for (int d = 1; d <= 4; d++) {
            assertEquals(d, Note004Example.network(d, new Rng(1)).depth());
        }
        assertThrows(IllegalArgumentException.class, () -> Note004Example.network(5, new Rng(1)));
    }
}
