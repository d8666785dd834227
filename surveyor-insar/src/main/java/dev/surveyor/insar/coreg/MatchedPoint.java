package dev.surveyor.insar.coreg;

/**
 * A feature matched between the reference and a secondary image (pixel centres, full-image
 * coordinates), kept by the paper's distance filter.
 *
 * @param refXPx reference column
 * @param refYPx reference row
 * @param secXPx secondary column
 * @param secYPx secondary row
 * @param descriptorDistance Euclidean SIFT distance rho
 */
public record MatchedPoint(
        double refXPx, double refYPx, double secXPx, double secYPx, double descriptorDistance) {
    /** Column displacement, secondary minus reference. */
    public double dxPx() {
        return secXPx - refXPx;
    }

    /** Row displacement, secondary minus reference. */
    public double dyPx() {
        return secYPx - refYPx;
    }
}
