package org.neuralnotes.train;

/**
 * What {@link Trainer#fit} does when the loss rises far above its start while staying finite
 * (the rule of {@link DivergenceWatch}); a loss or gradient that stops being finite always stops
 * the run.
 */
public enum OnDivergence {
    /** Stop with a {@link DivergenceException}, the parameters put back to their start (the default). */
    THROW,
    /** Record a warning in {@link History#warnings()} and go on, to watch the run blow up. */
    WARN
}
