package org.neuralnotes.playground;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the page that plays counts as gone: times in seconds (as nanoseconds), a limit of 5 s. */
class PageWatchTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aPageThatTicksStaysAndASilentOneIsGoneAfterTheLimit() {
        PageWatch w = new PageWatch(5 * S, 0);
        for (long t = 1; t <= 20; t++) {
            assertFalse(w.gone(t * S - S / 2, false, t * S), "ticking every half second, at " + t + " s");
        }
        // the last tick at 19.5 s: still there at 24 s, gone after 24.5 s
        assertFalse(w.gone(0, false, 24 * S));
        assertTrue(w.gone(0, false, 25 * S));
    }

    @Test
    void playPressedCountsAsATick() {
        PageWatch w = new PageWatch(5 * S, 100 * S);
        assertFalse(w.gone(0, false, 104 * S), "no tick yet, but play was pressed at 100 s");
        assertTrue(w.gone(0, false, 106 * S));
    }

    @Test
    void timeWhileACellRunsIsNotSilence() {
        PageWatch w = new PageWatch(5 * S, 0);
        assertFalse(w.gone(0, false, 2 * S));
        for (long t = 3; t <= 60; t++) {
            assertFalse(w.gone(0, true, t * S), "a cell runs from 2 s to 60 s, at " + t + " s");
        }
        // the cell ended: 2 s of silence were counted before it, 3 more are allowed
        assertFalse(w.gone(0, false, 62 * S));
        assertTrue(w.gone(0, false, 64 * S), "silent for 2 s before the cell and 4 s after");
    }

    @Test
    void shortCellsNowAndThenDoNotKeepAGonePageAlive() {
        PageWatch w = new PageWatch(5 * S, 0);
        boolean gone = false;
        long t = 0;
        // a check every 200 ms; a cell runs at every tenth check (one check in two seconds)
        for (int i = 1; i <= 100 && !gone; i++) {
            t = i * S / 5;
            gone = w.gone(0, i % 10 == 0, t);
        }
        assertTrue(gone && t <= 6 * S, "gone at " + t / 1e9 + " s");
    }
}
