package dev.surveyor.insar.stack;

import dev.surveyor.core.util.Checks;

/**
 * Radar geometry needed by the phase model.
 *
 * @param wavelengthM radar wavelength in metres (Sentinel-1 C-band: 0.05546576)
 * @param incidenceDeg incidence angle θ in degrees at the scene centre
 * @param slantRangeM slant range R in metres at the scene centre
 */
public record Sensor(double wavelengthM, double incidenceDeg, double slantRangeM) {
    /** Sentinel-1 IW defaults: λ = 0.05546576 m, θ = 39°, R = 850 km. */
    public static final Sensor SENTINEL1 = new Sensor(0.05546576, 39.0, 850_000.0);

    public Sensor {
        Checks.inRange("wavelength_m", wavelengthM, 1e-3, 1.0);
        Checks.inRange("incidence_deg", incidenceDeg, 1.0, 89.0);
        Checks.inRange("slant_range_m", slantRangeM, 1e3, 1e8);
    }

    /** Height-to-phase factor 4π/(λ R sinθ) in rad per metre of height per metre of baseline. */
    public double heightPhasePerBaselineRadPerM2() {
        return 4 * Math.PI / (wavelengthM * slantRangeM * Math.sin(Math.toRadians(incidenceDeg)));
    }
}
