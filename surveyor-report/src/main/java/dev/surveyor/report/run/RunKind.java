package dev.surveyor.report.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The kind of analysis a run folder holds, detected from the files in it. */
public enum RunKind {
    /** Crater detection: {@code detections.csv} (+ image, optional {@code truth.csv}). */
    CRATERS,
    /** Height prediction: {@code height.tif} (+ optional {@code truth.tif}, image). */
    HEIGHT,
    /** PS-InSAR: {@code ps.csv} (+ rasters, {@code offsets.csv}, {@code summary.json}). */
    INSAR,
    /**
     * SAR co-registration: {@code offsets.csv} without {@code ps.csv} (+ {@code matches.csv},
     * {@code stack.json}, optional {@code true_offsets.csv}); see {@link CoregistrationRun}.
     */
    COREGISTRATION;

    /**
     * Detects the kind from the files present: {@code ps.csv} means InSAR, {@code detections.csv}
     * craters, {@code offsets.csv} co-registration, a {@code height} raster height.
     *
     * @throws IllegalArgumentException naming the folder when none of those files is there
     */
    public static RunKind detect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a folder");
        }
        if (Files.isRegularFile(dir.resolve("ps.csv"))) {
            return INSAR;
        }
        if (Files.isRegularFile(dir.resolve("detections.csv"))) {
            return CRATERS;
        }
        if (Files.isRegularFile(dir.resolve("offsets.csv"))) {
            return COREGISTRATION;
        }
        if (RasterLoading.find(dir, "height").isPresent()) {
            return HEIGHT;
        }
        throw new IllegalArgumentException(
                dir
                        + ": not a run folder (no ps.csv, detections.csv, offsets.csv or"
                        + " height.tif); give --kind");
    }

    /**
     * Parses {@code craters}, {@code height}, {@code insar} or {@code coregistration} (any case).
     */
    public static RunKind parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "kind must be craters, height, insar or coregistration, got '" + s + "'");
        }
    }

    /** Lower-case name as on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
