package dev.surveyor.insar.estimate;

/**
 * Estimate for one point.
 *
 * @param velocityMmYr LOS velocity, mm/yr (positive = towards the satellite)
 * @param demErrorM DEM error, m (0 when the model has no baselines)
 * @param temporalCoherence {@code |1/N Σ exp(j r_q)|} of the residuals r, in [0, 1]
 * @param offsetRad constant phase c of the point (its scattering phase), rad
 */
public record PixelEstimate(
        double velocityMmYr, double demErrorM, double temporalCoherence, double offsetRad) {}
