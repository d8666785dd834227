package dev.surveyor.insar.pipeline;

import dev.surveyor.core.geo.GridGeometry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Result of {@link PsPipeline}.
 *
 * @param width stack columns
 * @param height stack rows
 * @param dates dates ascending
 * @param referenceDate the reference date used
 * @param demErrorEstimated whether baselines were known (else ΔH = 0)
 * @param numCandidates PS candidates after amplitude selection
 * @param points the PS (coherence ≥ the threshold), row-major order
 * @param filterSigmaPx spatial filter width used, px
 * @param geometry georeferencing of the stack, or {@code null}
 * @param meanAmplitude temporal mean amplitude of every pixel, row-major {@code [row * width +
 *     col]}, NaN where undefined (see {@link PsPipeline#candidates}); shared, do not modify
 */
public record PsResult(
        int width,
        int height,
        List<LocalDate> dates,
        LocalDate referenceDate,
        boolean demErrorEstimated,
        int numCandidates,
        List<PsPoint> points,
        double filterSigmaPx,
        GridGeometry geometry,
        float[] meanAmplitude) {

    public PsResult {
        if (meanAmplitude.length != (long) width * height) {
            throw new IllegalArgumentException(
                    "meanAmplitude has "
                            + meanAmplitude.length
                            + " values for "
                            + width
                            + " x "
                            + height
                            + " pixels");
        }
    }

    /** Georeferencing, when the stack has it. */
    public Optional<GridGeometry> gridGeometry() {
        return Optional.ofNullable(geometry);
    }

    /** Mean temporal coherence of the PS (NaN when there are none). */
    public double meanTemporalCoherence() {
        return points.stream().mapToDouble(PsPoint::temporalCoherence).average().orElse(Double.NaN);
    }
}
