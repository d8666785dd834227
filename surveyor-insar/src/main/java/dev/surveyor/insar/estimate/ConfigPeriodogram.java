package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link PeriodogramEstimator}. */
public class ConfigPeriodogram implements Config {
    private static final long serialVersionUID = 1L;

    /** Velocities searched: {@code [-velocityRangeMmYr, +velocityRangeMmYr]}, mm/yr. Default 50. */
    public double velocityRangeMmYr = 50;

    /** DEM errors searched: {@code [-demErrorRangeM, +demErrorRangeM]}, metres. Default 50. */
    public double demErrorRangeM = 50;

    /**
     * Grid step divisor: velocity step {@code λ / (divisor · ΔT)}, DEM-error step {@code λ R sinθ /
     * (divisor · ΔB⊥)} (ΔT, ΔB⊥ the spans of the stack), i.e. a phase step of 4π/divisor at the
     * extreme date. Default 16 (the λ/(16·ΔT)).
     */
    public double stepDivisor = 16;

    /** Refine past the grid by Newton iterations on the coherence. Default true. */
    public boolean refine = true;

    /** Newton iterations at most. Default 10. */
    public int maxRefineIterations = 10;

    @Override
    public void validate() {
        Checks.inRange("velocityRangeMmYr", velocityRangeMmYr, 1e-3, 1e5);
        Checks.inRange("demErrorRangeM", demErrorRangeM, 0.0, 1e5);
        Checks.inRange("stepDivisor", stepDivisor, 1.0, 1e3);
        Checks.inRange("maxRefineIterations", maxRefineIterations, 0, 1000);
    }

    /** A copy. */
    public ConfigPeriodogram copy() {
        ConfigPeriodogram c = new ConfigPeriodogram();
        c.velocityRangeMmYr = velocityRangeMmYr;
        c.demErrorRangeM = demErrorRangeM;
        c.stepDivisor = stepDivisor;
        c.refine = refine;
        c.maxRefineIterations = maxRefineIterations;
        return c;
    }
}
