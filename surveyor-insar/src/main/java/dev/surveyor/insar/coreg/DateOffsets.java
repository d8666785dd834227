package dev.surveyor.insar.coreg;

import java.time.LocalDate;

/**
 * One row of {@code offsets.csv}: the offset of a date's SLC against the reference, evaluated at
 * the image centre (secondary minus reference position, pixels; see the package documentation).
 *
 * @param date acquisition date
 * @param dxPx column (range) offset
 * @param dyPx row (azimuth) offset
 * @param matches distance-filtered feature matches (the paper's stage)
 * @param residualPx RMS residual of the offset model over the inlier patches (NaN when undefined)
 * @param patches inlier patches behind the model
 * @param model the fitted model (a zero shift for the reference)
 */
public record DateOffsets(
        LocalDate date,
        double dxPx,
        double dyPx,
        int matches,
        double residualPx,
        int patches,
        OffsetModel model) {
    /** The reference date's row: zero offset. */
    public static DateOffsets reference(LocalDate date) {
        return new DateOffsets(date, 0, 0, 0, 0, 0, OffsetModel.shift(0, 0));
    }
}
