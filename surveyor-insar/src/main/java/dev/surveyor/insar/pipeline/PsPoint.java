package dev.surveyor.insar.pipeline;

/**
 * One persistent scatterer of the result.
 *
 * @param row pixel row (0-based, pixel centre)
 * @param col pixel column (0-based, pixel centre)
 * @param velocityMmYr LOS velocity, mm/yr (positive = towards the satellite)
 * @param demErrorM DEM error, m
 * @param temporalCoherence temporal coherence after nuisance removal
 * @param amplitudeDispersion D_A = σ/μ of the (normalised) amplitude
 * @param displacementMm LOS displacement per date relative to the reference date, mm: the linear
 *     velocity term plus the wrapped residual phase (DEM-error term and nuisance removed)
 */
public record PsPoint(
        int row,
        int col,
        double velocityMmYr,
        double demErrorM,
        double temporalCoherence,
        double amplitudeDispersion,
        double[] displacementMm) {}
