package dev.surveyor.insar.coreg;

/**
 * A robustly fitted offset model.
 *
 * @param model the model (its type may be lower than requested when too few points were left)
 * @param inliers per measurement, whether it was kept
 * @param numInliers number of kept measurements
 * @param residualPx RMS of the kept measurements' 2-D residuals, pixels (NaN with one point)
 */
public record OffsetFit(OffsetModel model, boolean[] inliers, int numInliers, double residualPx) {
    public OffsetFit {
        inliers = inliers.clone();
    }

    @Override
    public boolean[] inliers() {
        return inliers.clone();
    }
}
