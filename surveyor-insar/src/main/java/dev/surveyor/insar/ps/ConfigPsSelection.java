package dev.surveyor.insar.ps;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link PsSelector}. */
public class ConfigPsSelection implements Config {
    private static final long serialVersionUID = 1L;

    /** The method. Default {@link PsMethod#DISPERSION}. */
    public PsMethod method = PsMethod.DISPERSION;

    /**
     * Method 1: γ, the factor over each image's mean amplitude. Paper: 1.9 .. 2.45. Default 2.125.
     */
    public double gamma = 2.125;

    /** Method 2: γ1, the least mean normalised amplitude Z̄. Paper: 2.55 .. 2.75. Default 2.65. */
    public double gamma1 = 2.65;

    /** Method 2: γ2, the largest D/Z̄² (= D_A²). Paper: 0.15 .. 0.2. Default 0.175. */
    public double gamma2 = 0.175;

    /** D_A method: the largest σ/μ. Default 0.25. */
    public double maxDispersion = 0.25;

    /**
     * Divide each image by its scene-mean amplitude before the statistics (radiometric calibration
     * as in StaMPS and PSPS). Methods 1 and 2 are defined on normalised amplitudes anyway. Default
     * true.
     */
    public boolean normalizeByImageMean = true;

    @Override
    public void validate() {
        Checks.notNull("method", method);
        Checks.inRange("gamma", gamma, 0.0, 1e6);
        Checks.inRange("gamma1", gamma1, 0.0, 1e6);
        Checks.inRange("gamma2", gamma2, 0.0, 1e6);
        Checks.inRange("maxDispersion", maxDispersion, 0.0, 10.0);
    }

    /** A copy. */
    public ConfigPsSelection copy() {
        ConfigPsSelection c = new ConfigPsSelection();
        c.method = method;
        c.gamma = gamma;
        c.gamma1 = gamma1;
        c.gamma2 = gamma2;
        c.maxDispersion = maxDispersion;
        c.normalizeByImageMean = normalizeByImageMean;
        return c;
    }
}
