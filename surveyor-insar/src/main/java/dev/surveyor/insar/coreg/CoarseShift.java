package dev.surveyor.insar.coreg;

import java.util.List;

/**
 * The paper's shift estimate: median of the sub-image shifts, each the median displacement of its
 * distance-filtered matches.
 *
 * @param dxPx column shift (secondary minus reference), pixels; 0 when nothing matched
 * @param dyPx row shift, pixels
 * @param matches number of distance-filtered matches over all sub-images
 * @param subImagesUsed sub-images that gave a shift
 * @param points the kept matches (for plots)
 */
public record CoarseShift(
        double dxPx, double dyPx, int matches, int subImagesUsed, List<MatchedPoint> points) {
    public CoarseShift {
        points = List.copyOf(points);
    }

    /** Whether any sub-image gave a shift. */
    public boolean found() {
        return subImagesUsed > 0;
    }
}
