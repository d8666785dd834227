package dev.surveyor.insar.pipeline;

import java.io.Serializable;

/**
 * Pass 1 result of one row block: per date, the sum of the block's non-NaN amplitudes (summed in
 * row-major order) and their count; {@code sums[q] = 0} and {@code counts[q] = 0} when the stack
 * has no amplitude for date q. Serializable (a cluster task's result).
 *
 * @param sums per date sum of amplitudes
 * @param counts per date number of non-NaN amplitudes
 */
public record AmplitudeSums(double[] sums, long[] counts) implements Serializable {
    private static final long serialVersionUID = 1L;
}
