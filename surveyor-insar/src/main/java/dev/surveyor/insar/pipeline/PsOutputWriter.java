package dev.surveyor.insar.pipeline;

import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.io.RasterIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * Writes a {@link PsResult} into a folder, every file atomically:
 *
 * <ul>
 *   <li>{@code ps.csv}: {@code row,col} (pixel centre, 0-based) [+ {@code lon,lat} in degrees when
 *       the stack is georeferenced in a supported CRS], {@code velocity_mm_yr, dem_error_m,
 *       temporal_coherence, amplitude_dispersion}, then one {@code dYYYYMMDD} displacement column
 *       per date in mm (the EGMS / StaMPS-Visualizer layout);
 *   <li>{@code velocity.tif}, {@code dem_error.tif}, {@code temporal_coherence.tif}, {@code
 *       amplitude_dispersion.tif}: float32, NaN off PS, the stack's georeferencing when it has one;
 *   <li>{@code mean_amplitude.tif}: float32 temporal mean amplitude of every pixel (same grid and
 *       georeferencing as the maps);
 *   <li>{@code summary.json}: counts, mean temporal coherence, reference date, filter width, the
 *       map files.
 * </ul>
 */
public final class PsOutputWriter {
    private PsOutputWriter() {}

    /** File name of the mean-amplitude map. */
    public static final String MEAN_AMPLITUDE = "mean_amplitude.tif";

    /** The map files, in the order written. */
    public static final List<String> MAPS =
            List.of(
                    "velocity.tif",
                    "dem_error.tif",
                    "temporal_coherence.tif",
                    "amplitude_dispersion.tif",
                    MEAN_AMPLITUDE);

    /** Writes every output into {@code dir} (created). */
    public static void write(PsResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeCsv(r, dir.resolve("ps.csv"));
        writeMap(r, dir.resolve("velocity.tif"), PsPoint::velocityMmYr);
        writeMap(r, dir.resolve("dem_error.tif"), PsPoint::demErrorM);
        writeMap(r, dir.resolve("temporal_coherence.tif"), PsPoint::temporalCoherence);
        writeMap(r, dir.resolve("amplitude_dispersion.tif"), PsPoint::amplitudeDispersion);
        writeRaster(
                r,
                dir.resolve(MEAN_AMPLITUDE),
                new RasterF32(r.meanAmplitude(), r.width(), r.height(), 0, r.width()));
        AtomicFiles.writeString(dir.resolve("summary.json"), summaryJson(r));
    }

    /** The summary as JSON text. */
    public static String summaryJson(PsResult r) {
        double mean = r.meanTemporalCoherence();
        return String.format(
                Locale.ROOT,
                "{%n  \"width\": %d,%n  \"height\": %d,%n  \"num_dates\": %d,%n  \"reference_date\": \"%s\",%n"
                        + "  \"dem_error_estimated\": %b,%n  \"num_candidates\": %d,%n  \"num_ps\": %d,%n"
                        + "  \"mean_temporal_coherence\": %s,%n  \"filter_sigma_px\": %.3f,%n"
                        + "  \"maps\": [%s]%n}%n",
                r.width(),
                r.height(),
                r.dates().size(),
                r.referenceDate(),
                r.demErrorEstimated(),
                r.numCandidates(),
                r.points().size(),
                Double.isNaN(mean) ? "null" : String.format(Locale.ROOT, "%.6f", mean),
                r.filterSigmaPx(),
                String.join(", ", MAPS.stream().map(f -> "\"" + f + "\"").toList()));
    }

    static void writeCsv(PsResult r, Path file) throws IOException {
        GeoReferencer geo = null;
        if (r.geometry() != null) {
            try {
                geo = GeoReferencer.of(r.geometry());
            } catch (IllegalArgumentException e) {
                geo = null; // no lon/lat for an unsupported CRS: the columns are left out
            }
        }
        StringBuilder sb = new StringBuilder("row,col");
        if (geo != null) {
            sb.append(",lon,lat");
        }
        sb.append(",velocity_mm_yr,dem_error_m,temporal_coherence,amplitude_dispersion");
        for (var d : r.dates()) {
            sb.append(",d").append(PsPipeline.compact(d));
        }
        sb.append('\n');
        List<PsPoint> pts = r.points();
        for (PsPoint p : pts) {
            sb.append(p.row()).append(',').append(p.col());
            if (geo != null) {
                double[] ll = geo.pixelCenterToLonLat(p.col(), p.row());
                sb.append(String.format(Locale.ROOT, ",%.8f,%.8f", ll[0], ll[1]));
            }
            sb.append(
                    String.format(
                            Locale.ROOT,
                            ",%.4f,%.4f,%.4f,%.4f",
                            p.velocityMmYr(),
                            p.demErrorM(),
                            p.temporalCoherence(),
                            p.amplitudeDispersion()));
            for (double d : p.displacementMm()) {
                sb.append(String.format(Locale.ROOT, ",%.3f", d));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static void writeMap(PsResult r, Path file, ToDoubleFunction<PsPoint> value)
            throws IOException {
        RasterF32 map = new RasterF32(r.width(), r.height());
        map.fill(Float.NaN);
        for (PsPoint p : r.points()) {
            map.set(p.col(), p.row(), (float) value.applyAsDouble(p));
        }
        writeRaster(r, file, map);
    }

    static void writeRaster(PsResult r, Path file, RasterF32 map) throws IOException {
        RasterDataset ds =
                new RasterDataset(
                        MultiBandRaster.of(map), r.geometry(), OptionalDouble.of(Double.NaN), null);
        RasterIO.write(ds, file);
    }
}
