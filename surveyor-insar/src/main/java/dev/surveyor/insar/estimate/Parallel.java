package dev.surveyor.insar.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a range of work on a fixed number of threads, in contiguous chunks. */
public final class Parallel {
    private Parallel() {}

    /** Work on {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to) throws Exception;
    }

    /** Number of threads for a setting (0 = all processors). */
    public static int threads(int setting) {
        return setting > 0 ? setting : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Splits {@code [0, n)} into chunks of at most {@code chunk} items and runs them on {@code
     * threads} threads. Exceptions are rethrown (IOException and RuntimeException as they are).
     */
    public static void forRanges(int n, int chunk, int threads, RangeTask task)
            throws java.io.IOException {
        if (n <= 0) {
            return;
        }
        int t = Math.max(1, Math.min(threads, (n + chunk - 1) / chunk));
        if (t == 1) {
            for (int from = 0; from < n; from += chunk) {
                call(task, from, Math.min(n, from + chunk));
            }
            return;
        }
        ExecutorService ex =
                Executors.newFixedThreadPool(
                        t,
                        r -> {
                            Thread th = new Thread(r, "surveyor-insar");
                            th.setDaemon(true);
                            return th;
                        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int from = 0; from < n; from += chunk) {
                int f = from;
                int to = Math.min(n, from + chunk);
                fs.add(
                        ex.submit(
                                () -> {
                                    call(task, f, to);
                                    return null;
                                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof java.io.IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
        } finally {
            ex.shutdownNow();
        }
    }

    private static void call(RangeTask task, int from, int to) throws java.io.IOException {
        try {
            task.run(from, to);
        } catch (java.io.IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
