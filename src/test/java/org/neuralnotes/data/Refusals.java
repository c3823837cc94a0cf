package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a call is refused with a message naming the argument and saying what was wrong. */
final class Refusals {
    private Refusals() {}

    /**
     * The call must throw IllegalArgumentException whose message starts with "argument:" and
     * contains every fragment.
     */
    static String assertRefused(String argument, Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String message = e.getMessage();
        assertTrue(message != null && message.startsWith(argument + ":"),
                () -> "message should name \"" + argument + "\" first, was: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment),
                    () -> "message should contain \"" + fragment + "\", was: " + message);
        }
        return message;
    }
}
