package dev.surveyor.spark;

import java.io.IOException;

/**
 * Receives results on the driver, one call per work unit, in unit order.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ResultSink<R> {
    /**
     * @param index the unit's index
     * @param result its result
     */
    void accept(int index, R result) throws IOException;
}
