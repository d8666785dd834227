package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Runs one pass of per-point work over the index range {@code [0, n)} of a point set, split into
 * contiguous chunks, and hands the chunks' results back in index order. The single-machine runner
 * ({@link LocalRangeRunner}) uses a thread pool; a cluster runner (surveyor-spark) runs each chunk
 * as a task on an executor. Functions and shared values are {@link Serializable} so that they can
 * be shipped; a function must compute each point from its inputs only (never from the chunk
 * boundaries), so that every chunking gives bit-identical results.
 */
public interface RangeRunner {
    /** Work on the points {@code [from, to)}; serializable, captures only serializable values. */
    @FunctionalInterface
    interface RangeFunction<R extends Serializable> extends Serializable {
        /**
         * @param from first point
         * @param to one past the last point
         * @return the chunk's result
         */
        R apply(int from, int to) throws Exception;
    }

    /** A value shared read-only by every chunk of one or more passes (e.g. a Spark broadcast). */
    interface Shared<T> extends Serializable {
        /** The value; do not modify it. */
        T get();
    }

    /**
     * Makes a value available to the chunks of later passes; ship it once instead of with every
     * chunk.
     *
     * @param value (Input) the value. Not modified afterwards by the caller.
     */
    <T extends Serializable> Shared<T> share(T value);

    /**
     * Runs {@code f} over {@code [0, n)} in chunks and returns their results in index order.
     *
     * @param stage name of the pass (for progress and logs)
     * @param n number of points
     * @param f the per-chunk work
     * @param progress one step per point, reported as chunks finish (null = none)
     * @throws IOException an IOException or RuntimeException of {@code f} is rethrown as it is
     */
    <R extends Serializable> List<R> map(
            String stage, int n, RangeFunction<R> f, ProgressListener progress) throws IOException;
}
