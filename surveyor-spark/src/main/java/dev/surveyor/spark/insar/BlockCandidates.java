package dev.surveyor.spark.insar;

import java.io.Serializable;

/**
 * Pass 2 result of one block: its PS candidates in row-major order.
 *
 * @param rows row of each candidate (full-stack pixel, 0-based)
 * @param cols column of each candidate
 * @param dispersion amplitude dispersion D_A of each candidate
 * @param phaseRad interferometric phase, rad, candidate-major {@code [k * numDates + q]}
 */
record BlockCandidates(int[] rows, int[] cols, float[] dispersion, float[] phaseRad)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    int size() {
        return rows.length;
    }
}
