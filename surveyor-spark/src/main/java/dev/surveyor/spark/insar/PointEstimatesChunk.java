package dev.surveyor.spark.insar;

import dev.surveyor.insar.estimate.PointEstimates;
import java.io.Serializable;

/**
 * {@link PointEstimates} of a chunk of points in serializable form.
 *
 * @param velocityMmYr LOS velocity, mm/yr
 * @param demErrorM DEM error, m
 * @param temporalCoherence temporal coherence
 * @param offsetRad constant phase, rad
 * @param nuisanceRad nuisance phase {@code [p * N + q]}, rad
 * @param filterSigmaPx filter width, px
 */
record PointEstimatesChunk(
        double[] velocityMmYr,
        double[] demErrorM,
        double[] temporalCoherence,
        double[] offsetRad,
        float[] nuisanceRad,
        double filterSigmaPx)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    PointEstimatesChunk(PointEstimates e) {
        this(
                e.velocityMmYr(),
                e.demErrorM(),
                e.temporalCoherence(),
                e.offsetRad(),
                e.nuisanceRad(),
                e.filterSigmaPx());
    }
}
