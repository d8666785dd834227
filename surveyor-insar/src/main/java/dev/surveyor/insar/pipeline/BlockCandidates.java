package dev.surveyor.insar.pipeline;

import java.io.Serializable;

/**
 * Pass 2 result of one row block: its PS candidates in row-major order and the temporal mean
 * amplitude of every pixel of the block. Serializable (a cluster task's result).
 *
 * @param rows row of each candidate (full-stack pixel, 0-based)
 * @param cols column of each candidate
 * @param dispersion amplitude dispersion D_A of each candidate
 * @param phaseRad interferometric phase, rad, candidate-major {@code [k * numDates + q]}
 * @param y0 first row of the block
 * @param meanAmplitude temporal mean amplitude of the block's pixels, row-major {@code [(y − y0) *
 *     width + x]}, NaN where a date's amplitude is NaN or the stack has none (see {@link
 *     PsPipeline#candidates})
 */
public record BlockCandidates(
        int[] rows, int[] cols, float[] dispersion, float[] phaseRad, int y0, float[] meanAmplitude)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Number of candidates. */
    public int size() {
        return rows.length;
    }
}
