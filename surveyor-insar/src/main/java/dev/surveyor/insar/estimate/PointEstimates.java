package dev.surveyor.insar.estimate;

/**
 * Estimates for every point of a {@link PointSet} (arrays indexed like the point set).
 *
 * @param velocityMmYr LOS velocity, mm/yr (positive = towards the satellite)
 * @param demErrorM DEM error, m
 * @param temporalCoherence temporal coherence after nuisance removal, [0, 1]
 * @param offsetRad constant phase of each point, rad
 * @param nuisanceRad estimated spatially correlated nuisance phase (atmosphere, orbit) of each
 *     point and date, {@code [p * N + q]}, rad; all 0 when no filtering ran
 * @param filterSigmaPx Gaussian filter width used, px (0 when no filtering ran)
 */
public record PointEstimates(
        double[] velocityMmYr,
        double[] demErrorM,
        double[] temporalCoherence,
        double[] offsetRad,
        float[] nuisanceRad,
        double filterSigmaPx) {

    public int size() {
        return velocityMmYr.length;
    }
}
