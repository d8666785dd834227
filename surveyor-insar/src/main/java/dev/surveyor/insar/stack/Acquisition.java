package dev.surveyor.insar.stack;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One date of a stack.
 *
 * @param date acquisition date (UTC)
 * @param bperpM perpendicular baseline in metres against any common origin (re-referenced to the
 *     reference date by the phase model); {@code NaN} when unknown
 * @param file the complex raster (SLC, or interferogram against the reference date), resolved
 *     against the manifest folder; {@code null} only for the reference date of an interferogram
 *     stack
 * @param amplitudeFile optional float32 amplitude raster, or {@code null}
 * @param conjugate whether the interferogram file holds {@code ref · conj(this)} and must be
 *     conjugated to follow the convention {@code this · conj(ref)}
 */
public record Acquisition(
        LocalDate date, double bperpM, Path file, Path amplitudeFile, boolean conjugate) {
    public Acquisition {
        if (date == null) {
            throw new IllegalArgumentException("acquisition date must not be null");
        }
    }

    /** Whether the perpendicular baseline is known. */
    public boolean hasBaseline() {
        return !Double.isNaN(bperpM);
    }
}
