package dev.surveyor.insar.sim;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import java.time.LocalDate;

/**
 * Settings for {@link StackSimulator}. Defaults: the paper's setting on a 100x100 Sentinel-1 scene.
 */
public class ConfigSimulation implements Config {
    private static final long serialVersionUID = 1L;

    /** Columns. Default 100. */
    public int widthPx = 100;

    /** Rows. Default 100. */
    public int heightPx = 100;

    /** Number of dates (the reference included). Default 35. */
    public int numDates = 35;

    /** Days between dates. Default 12 (Sentinel-1). */
    public int intervalDays = 12;

    /** When true, each interval is 1 to 3 times {@link #intervalDays} at random (missed passes). */
    public boolean irregularDates = false;

    /** First date. */
    public LocalDate startDate = LocalDate.of(2018, 1, 3);

    /** Standard deviation of the perpendicular baselines, m (Gaussian, mean 0). Default 150. */
    public double bperpStdM = 150;

    /** Fraction of pixels that are PS. Default 0.05. */
    public double psFraction = 0.05;

    /** Mean LOS velocity of the PS, mm/yr. Default 0. */
    public double velocityMeanMmYr = 0;

    /** Standard deviation of the PS velocities (independent per PS), mm/yr. Default 5. */
    public double velocityStdMmYr = 5;

    /** Standard deviation of the PS DEM errors (independent per PS), m. Default 10. */
    public double demErrorStdM = 10;

    /** Phase noise of each PS on each date (SLC level, Gaussian), rad. Default 0.3. */
    public double phaseNoiseRad = 0.3;

    /**
     * PS amplitude relative to the mean amplitude of the clutter (Rayleigh, power 1). Default 10.
     */
    public double psAmplitude = 10;

    /** Amplitude dispersion σ/μ of the PS over time (log-normal). Default 0.1. */
    public double psAmplitudeDispersion = 0.1;

    /**
     * Standard deviation of the atmospheric phase screen of each date, rad; 0 = none. Default 0.
     */
    public double atmosphereStdRad = 0;

    /**
     * Correlation length of the screens, px: Gaussian-filtered white noise with a kernel of σ =
     * L/2, whose autocorrelation is {@code exp(-d²/L²)}. Default 25.
     */
    public double atmosphereCorrelationPx = 25;

    /** Standard deviation over the scene of a random linear phase ramp per date, rad; 0 = none. */
    public double orbitRampStdRad = 0;

    /** Radar wavelength, m. */
    public double wavelengthM = 0.05546576;

    /** Incidence angle, degrees. */
    public double incidenceDeg = 39.0;

    /** Slant range, m. */
    public double slantRangeM = 850_000.0;

    /** Random seed. */
    public long seed = 42;

    @Override
    public void validate() {
        Checks.inRange("widthPx", widthPx, 1, 1 << 15);
        Checks.inRange("heightPx", heightPx, 1, 1 << 15);
        Checks.inRange("numDates", numDates, 3, 10_000);
        Checks.inRange("intervalDays", intervalDays, 1, 3650);
        Checks.notNull("startDate", startDate);
        Checks.inRange("bperpStdM", bperpStdM, 0.0, 1e4);
        Checks.inRange("psFraction", psFraction, 0.0, 1.0);
        Checks.finite("velocityMeanMmYr", velocityMeanMmYr);
        Checks.inRange("velocityStdMmYr", velocityStdMmYr, 0.0, 1e4);
        Checks.inRange("demErrorStdM", demErrorStdM, 0.0, 1e4);
        Checks.inRange("phaseNoiseRad", phaseNoiseRad, 0.0, 10.0);
        Checks.inRange("psAmplitude", psAmplitude, 0.0, 1e6);
        Checks.inRange("psAmplitudeDispersion", psAmplitudeDispersion, 0.0, 10.0);
        Checks.inRange("atmosphereStdRad", atmosphereStdRad, 0.0, 100.0);
        Checks.inRange("atmosphereCorrelationPx", atmosphereCorrelationPx, 0.5, 1e4);
        Checks.inRange("orbitRampStdRad", orbitRampStdRad, 0.0, 100.0);
        Checks.inRange("wavelengthM", wavelengthM, 1e-3, 1.0);
        Checks.inRange("incidenceDeg", incidenceDeg, 1.0, 89.0);
        Checks.inRange("slantRangeM", slantRangeM, 1e3, 1e8);
    }

    /** A copy. */
    public ConfigSimulation copy() {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = widthPx;
        c.heightPx = heightPx;
        c.numDates = numDates;
        c.intervalDays = intervalDays;
        c.irregularDates = irregularDates;
        c.startDate = startDate;
        c.bperpStdM = bperpStdM;
        c.psFraction = psFraction;
        c.velocityMeanMmYr = velocityMeanMmYr;
        c.velocityStdMmYr = velocityStdMmYr;
        c.demErrorStdM = demErrorStdM;
        c.phaseNoiseRad = phaseNoiseRad;
        c.psAmplitude = psAmplitude;
        c.psAmplitudeDispersion = psAmplitudeDispersion;
        c.atmosphereStdRad = atmosphereStdRad;
        c.atmosphereCorrelationPx = atmosphereCorrelationPx;
        c.orbitRampStdRad = orbitRampStdRad;
        c.wavelengthM = wavelengthM;
        c.incidenceDeg = incidenceDeg;
        c.slantRangeM = slantRangeM;
        c.seed = seed;
        return c;
    }
}
