package dev.surveyor.insar.estimate;

/**
 * Phases of selected points (PS candidates) of a stack, in memory.
 *
 * <p>Point {@code p} is at pixel (row {@code rows[p]}, column {@code cols[p]}) of the full stack;
 * {@code phaseRad[p * numDates + q]} is the phase of {@code SLC_q · conj(SLC_ref)} at that pixel,
 * rad in (−π, π]. Arrays are shared, not copied: do not modify them after construction.
 * Serializable, so that a {@link RangeRunner} can ship it to executors.
 *
 * @param rows row of each point
 * @param cols column of each point
 * @param numDates N, the reference included
 * @param phaseRad interferometric phases, point-major
 * @param amplitudeDispersion D_A of each point (NaN when unknown)
 */
public record PointSet(
        int[] rows, int[] cols, int numDates, float[] phaseRad, float[] amplitudeDispersion)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public PointSet {
        if (rows.length != cols.length || amplitudeDispersion.length != rows.length) {
            throw new IllegalArgumentException(
                    "rows has "
                            + rows.length
                            + " points, cols "
                            + cols.length
                            + ", amplitudeDispersion "
                            + amplitudeDispersion.length);
        }
        if ((long) rows.length * numDates != phaseRad.length) {
            throw new IllegalArgumentException(
                    "phaseRad has "
                            + phaseRad.length
                            + " values but "
                            + rows.length
                            + " points x "
                            + numDates
                            + " dates need "
                            + (long) rows.length * numDates);
        }
    }

    /** Number of points. */
    public int size() {
        return rows.length;
    }
}
