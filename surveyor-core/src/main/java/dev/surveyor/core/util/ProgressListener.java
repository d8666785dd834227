package dev.surveyor.core.util;

/**
 * Receives progress of long work. Algorithms report; the CLI draws a bar (or nothing when output is
 * not a terminal). Implementations must be thread-safe: blocks may finish on several threads.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE =
            new ProgressListener() {
                @Override
                public void start(String task, long totalSteps) {}

                @Override
                public void advance(long steps) {}

                @Override
                public void finish(String summary) {}
            };

    /**
     * A new task begins.
     *
     * @param task short name shown to the user, e.g. {@code "estimate"}
     * @param totalSteps number of steps, or -1 when unknown
     */
    void start(String task, long totalSteps);

    /** {@code steps} more steps are done. */
    void advance(long steps);

    /** The task ended; {@code summary} is one line for the user (may be empty). */
    void finish(String summary);
}
