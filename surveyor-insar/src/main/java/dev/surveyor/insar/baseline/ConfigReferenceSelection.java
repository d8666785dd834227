package dev.surveyor.insar.baseline;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/**
 * Settings for {@link ReferenceSelector}. Critical values are those of SNAP/jLinda {@code
 * InSARStackOverview} for ESA C-band: 3 years, 1200 m, 1380 Hz.
 */
public class ConfigReferenceSelection implements Config {
    private static final long serialVersionUID = 1L;

    /** Critical temporal baseline T_c, days. Default 1095. */
    public double criticalTemporalDays = 3 * 365;

    /** Critical perpendicular baseline B_c, m. Default 1200. */
    public double criticalPerpendicularM = 1200;

    /** Critical Doppler-centroid difference F_c, Hz. Default 1380. */
    public double criticalDopplerHz = 1380;

    /** Factor used beyond a critical value (SNAP: 0.01 rather than 0). */
    public double beyondCriticalFactor = 0.01;

    @Override
    public void validate() {
        Checks.positive("criticalTemporalDays", criticalTemporalDays);
        Checks.positive("criticalPerpendicularM", criticalPerpendicularM);
        Checks.positive("criticalDopplerHz", criticalDopplerHz);
        Checks.inRange("beyondCriticalFactor", beyondCriticalFactor, 0.0, 1.0);
    }

    /** A copy. */
    public ConfigReferenceSelection copy() {
        ConfigReferenceSelection c = new ConfigReferenceSelection();
        c.criticalTemporalDays = criticalTemporalDays;
        c.criticalPerpendicularM = criticalPerpendicularM;
        c.criticalDopplerHz = criticalDopplerHz;
        c.beyondCriticalFactor = beyondCriticalFactor;
        return c;
    }
}
