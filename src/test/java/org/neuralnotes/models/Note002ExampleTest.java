package org.neuralnotes.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neuralnotes.data.RegressionData;
import org.neuralnotes.random.Rng;

class Note002ExampleTest {

    @Test
    void dataFollowTheDrawOrderAndTheFormula() {
        RegressionData data = Note002Example.data(new Rng(11));
        assertEquals(256, data.n());
        Rng rng = new Rng(11);
        for (int i = 0; i < 256; i++) {
            double x1 = rng.uniform(-1, 1);
            double x2 = rng.uniform(-1, 1);
            double noise = rng.normal(0, 0.1);
            assertEquals(x1, data.X().get(i, 0), 0.0);
            assertEquals(x2, data.X().get(i, 1), 0.0);
            // o = |x1| − x2 + ε
            assertEquals(Math.abs(x1) - x2 + noise, data.Y().get(i, 0), 1e-15);
        }
        assertThrows(IllegalArgumentException.class, () -> Note002Example.data(0, new Rng(1)));
    }

    @Test
    void networkHasTheNotes30Parameters() {
        // (2·3 + 3) + (3·4 + 4) + (4·1 + 1)
        assertEquals(30, Note002Example.network(new Rng(2)).parameterCount());
        assertEquals(4, Note002Example.network(new Rng(2)).depth() + 1);
    }
}
