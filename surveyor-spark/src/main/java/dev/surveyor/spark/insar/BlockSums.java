package dev.surveyor.spark.insar;

import java.io.Serializable;

/**
 * Pass 1 result of one block: per date, the sum of the block's non-NaN amplitudes (summed in
 * row-major order) and their count; {@code counts[q] = 0} and {@code sums[q] = 0} when the stack
 * has no amplitude for date q.
 *
 * @param sums per date sum of amplitudes
 * @param counts per date number of non-NaN amplitudes
 */
record BlockSums(double[] sums, long[] counts) implements Serializable {
    private static final long serialVersionUID = 1L;
}
