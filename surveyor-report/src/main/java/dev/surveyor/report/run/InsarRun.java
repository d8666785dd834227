package dev.surveyor.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A PS-InSAR run folder: {@code ps.csv} (see {@link PsTable}); optional rasters {@code
 * mean_amplitude.tif}, {@code velocity.tif}, {@code temporal_coherence.tif}, {@code
 * amplitude_dispersion.tif}, {@code dem_error.tif} (float32, NaN off PS); {@code offsets.csv}
 * ({@code date,dx_px,dy_px,matches,residual}); {@code matches.csv} and {@code summary.json}.
 *
 * <p>{@code matches.csv} (defined by this module): one line per feature match used by the
 * co-registration, {@code date,x_ref,y_ref,x_sec,y_sec}, where {@code date} is the secondary
 * acquisition ({@code YYYY-MM-DD} or {@code YYYYMMDD}) and the positions are pixel coordinates
 * (column, row; origin at the top-left corner of the top-left pixel) in the reference and the
 * secondary image.
 *
 * @param dir the folder
 * @param ps the points
 * @param meanAmplitude the mean amplitude raster file, when present
 * @param offsets the co-registration offsets, when present
 * @param matches the co-registration matches, when present
 * @param summary flattened {@code summary.json}
 */
public record InsarRun(
        Path dir,
        PsTable ps,
        Optional<Path> meanAmplitude,
        Optional<CsvTable> offsets,
        Optional<CsvTable> matches,
        Map<String, String> summary) {

    /** Reads an InSAR run folder. */
    public static InsarRun load(Path dir) throws IOException {
        PsTable ps = PsTable.read(dir.resolve("ps.csv"));
        return new InsarRun(
                dir,
                ps,
                RasterLoading.find(dir, "mean_amplitude"),
                optionalCsv(dir.resolve("offsets.csv")),
                optionalCsv(dir.resolve("matches.csv")),
                JsonSummary.read(dir.resolve("summary.json")));
    }

    private static Optional<CsvTable> optionalCsv(Path p) throws IOException {
        return Files.isRegularFile(p) ? Optional.of(CsvTable.read(p)) : Optional.empty();
    }
}
