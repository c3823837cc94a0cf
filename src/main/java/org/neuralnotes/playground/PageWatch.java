package org.neuralnotes.playground;

/**
 * Decides, once a frame of play, whether the page that pressed play is still there: it is gone
 * when its heartbeat has been silent for longer than the limit, not counting the time a cell ran
 * (the kernel hears no page while it runs a cell; the ticks wait until the cell ends). Times are
 * {@link System#nanoTime()} values, passed in, so that tests choose them.
 */
final class PageWatch {
    private final long limitNanos;
    private long quietSince;
    private long lastCheck;

    /** A watch that starts now: play was just pressed, which counts as hearing the page. */
    PageWatch(long limitNanos, long now) {
        this.limitNanos = limitNanos;
        this.quietSince = now;
        this.lastCheck = now;
    }

    /**
     * True when the page is gone: {@code lastTick} is when it last ticked, {@code cellRunning}
     * whether a cell runs now (the time since the last check is then excused).
     */
    boolean gone(long lastTick, boolean cellRunning, long now) {
        quietSince = Math.max(quietSince, lastTick);
        if (cellRunning) {
            quietSince = Math.min(now, quietSince + (now - lastCheck));
        }
        lastCheck = now;
        return now - quietSince > limitNanos;
    }
}
