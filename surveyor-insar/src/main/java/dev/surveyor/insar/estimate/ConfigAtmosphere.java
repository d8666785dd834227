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
        c.threads = threads;
        return c;
    }
}
