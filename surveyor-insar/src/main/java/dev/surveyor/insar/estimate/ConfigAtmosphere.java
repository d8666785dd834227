package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link AtmosphereFilteringEstimator}. */
public class ConfigAtmosphere implements Config {
    private static final long serialVersionUID = 1L;

    /**
     * Filter-and-re-estimate iterations; 0 = plain per-point periodogram (the paper). Default 6.
     */
    public int iterations = 6;

    /**
     * Standard deviation of the Gaussian spatial filter, px; 0 = adaptive: the width at which about
     * {@link #targetNeighbours} candidates carry the weight ({@code σ = sqrt(n / (4π · density))},
     * clamped to [2, 50] px). Default 0.
     */
    public double filterSigmaPx = 0;

    /** Effective number of neighbours for the adaptive width. Default 16. */
    public double targetNeighbours = 16;

    /**
     * A point whose plain periodogram coherence reaches this keeps its plain estimate as the
     * starting model of the iterations; others start from zero. Default 0.7.
     */
    public double reliableCoherence = 0.7;

    /**
     * During the iterations a point keeps the coherence maximum nearest to its previous estimate
     * unless the global grid maximum is higher by more than this. Default 0.05.
     */
    public double jumpMargin = 0.05;

    /** Kernel radius in filter σ. Default 3. */
    public double kernelRadiusSigmas = 3;

    /**
     * Arcs: after the filter iterations, the differences of (v, ΔH) between points closer than this
     * are estimated on their double-difference phase (where the atmosphere nearly cancels) and
     * integrated by weighted least squares over the arc network; px, 0 = no arc step. Limited to
     * the filter kernel radius. Default 10.
     */
    public double arcRadiusPx = 10;

    /** Least filtered coherence of a point for it to be an arc end. Default 0.6. */
    public double arcPointCoherence = 0.6;

    /** Least coherence of an arc's double difference for it to enter the network. Default 0.6. */
    public double minArcCoherence = 0.6;

    /**
     * An arc whose local maximum (Newton from the filtered estimates) has a coherence below this is
     * also searched over the whole (v, ΔH) grid. Default 0.8.
     */
    public double arcGlobalSearchBelow = 0.8;

    /**
     * Weight of each point's filtered estimate in the network adjustment, relative to an arc of 1
     * rad² phase variance (ties the network's constant and smooth part to the filtered estimates).
     * Default 1.
     */
    public double arcAnchorWeight = 1;

    /** Threads; 0 = all processors. */
    public int threads = 0;

    @Override
    public void validate() {
        Checks.inRange("iterations", iterations, 0, 100);
        Checks.inRange("filterSigmaPx", filterSigmaPx, 0.0, 1e4);
        Checks.inRange("targetNeighbours", targetNeighbours, 1.0, 1e5);
        Checks.inRange("jumpMargin", jumpMargin, 0.0, 1.0);
        Checks.inRange("reliableCoherence", reliableCoherence, 0.0, 1.0);
        Checks.inRange("kernelRadiusSigmas", kernelRadiusSigmas, 1.0, 10.0);
        Checks.inRange("arcRadiusPx", arcRadiusPx, 0.0, 1e3);
        Checks.inRange("arcPointCoherence", arcPointCoherence, 0.0, 1.0);
        Checks.inRange("minArcCoherence", minArcCoherence, 0.0, 1.0);
        Checks.inRange("arcGlobalSearchBelow", arcGlobalSearchBelow, 0.0, 1.0);
        Checks.inRange("arcAnchorWeight", arcAnchorWeight, 1e-9, 1e9);
        Checks.inRange("threads", threads, 0, 4096);
    }

    /** A copy. */
    public ConfigAtmosphere copy() {
        ConfigAtmosphere c = new ConfigAtmosphere();
        c.iterations = iterations;
        c.filterSigmaPx = filterSigmaPx;
        c.targetNeighbours = targetNeighbours;
        c.kernelRadiusSigmas = kernelRadiusSigmas;
        c.reliableCoherence = reliableCoherence;
        c.jumpMargin = jumpMargin;
        c.arcRadiusPx = arcRadiusPx;
        c.arcPointCoherence = arcPointCoherence;
        c.minArcCoherence = minArcCoherence;
        c.arcGlobalSearchBelow = arcGlobalSearchBelow;
        c.arcAnchorWeight = arcAnchorWeight;
        c.threads = threads;
        return c;
    }
}
