package dev.surveyor.insar.coreg;

import java.util.List;

/**
 * The result of co-registering one secondary image to the reference.
 *
 * @param coarse the paper's feature-based shift
 * @param measurements sub-pixel patch offsets
 * @param fit the robust model fitted to them
 * @param widthPx reference width (for {@link #dxPx()})
 * @param heightPx reference height
 */
public record PairCoregistration(
        CoarseShift coarse,
        List<OffsetMeasurement> measurements,
        OffsetFit fit,
        int widthPx,
        int heightPx) {
    public PairCoregistration {
        measurements = List.copyOf(measurements);
    }

    /** The model. */
    public OffsetModel model() {
        return fit.model();
    }

    /** Column offset at the image centre, secondary minus reference, pixels. */
    public double dxPx() {
        return fit.model().dxPx((widthPx - 1) / 2.0, (heightPx - 1) / 2.0);
    }

    /** Row offset at the image centre, pixels. */
    public double dyPx() {
        return fit.model().dyPx((widthPx - 1) / 2.0, (heightPx - 1) / 2.0);
    }

    /** RMS residual of the fit, pixels. */
    public double residualPx() {
        return fit.residualPx();
    }

    /** Number of distance-filtered feature matches (the paper's stage). */
    public int matches() {
        return coarse.matches();
    }
}
