package dev.surveyor.spark.insar;

import dev.surveyor.insar.estimate.PointSet;
import java.io.Serializable;

/**
 * A consecutive range of PS candidates shipped to an executor for estimation (a few MB at most: the
 * candidates' phases, not raster data).
 *
 * @param rows row of each point
 * @param cols column of each point
 * @param numDates N
 * @param phaseRad phases, point-major
 * @param amplitudeDispersion D_A of each point
 */
record PointChunk(
        int[] rows, int[] cols, int numDates, float[] phaseRad, float[] amplitudeDispersion)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Points {@code [from, to)} of a set. */
    static PointChunk of(PointSet s, int from, int to) {
        int n = s.numDates();
        return new PointChunk(
                java.util.Arrays.copyOfRange(s.rows(), from, to),
                java.util.Arrays.copyOfRange(s.cols(), from, to),
                n,
                java.util.Arrays.copyOfRange(s.phaseRad(), from * n, to * n),
                java.util.Arrays.copyOfRange(s.amplitudeDispersion(), from, to));
    }

    PointSet toPointSet() {
        return new PointSet(rows, cols, numDates, phaseRad, amplitudeDispersion);
    }
}
