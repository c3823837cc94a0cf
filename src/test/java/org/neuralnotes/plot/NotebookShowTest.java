package org.neuralnotes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NotebookShowTest {

    @Test
    void outsideAKernelTheSentenceIsPrintedAndTheValuesStayOut() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Notebook.show("The loss fell to 0.25 of its start.", Map.of("loss_ratio", 0.25, "converged", true));
        } finally {
            System.setOut(saved);
        }
        assertEquals("The loss fell to 0.25 of its start.", bytes.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aValueThatIsNotFiniteIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.show("x", Map.of("final_loss", Double.NaN)));
        assertEquals("values.final_loss: expected a finite number, found NaN", e.getMessage());
    }

    @Test
    void aNameThatTestsCannotReadIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.show("x", Map.of("Final loss", 1.0)));
        assertTrue(e.getMessage().startsWith("values: expected names of lower-case"), e.getMessage());
    }

    @Test
    void aValueOfAnotherKindIsRefusedByName() {
        Map<String, Object> values = new HashMap<>();
        values.put("weights", new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.show("x", values));
        assertTrue(e.getMessage().startsWith("values.weights: expected a number, a boolean or a string, found"),
                e.getMessage());
    }

    @Test
    void aBlankSentenceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.show(" ", Map.of()));
        assertEquals("sentence: expected the text the reader sees, found a blank string", e.getMessage());
    }
}
