package dev.surveyor.craters.detect;

import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.geo.PixelGroundSize;
import dev.surveyor.craters.Crater;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes detections as CSV {@code x_px,y_px,diameter_px,score}, plus {@code
 * lon_deg,lat_deg,diameter_km} when a georeferencer is given (centre through the grid's projection
 * on its body; diameter through the mean ground size of a pixel at the centre).
 */
public final class DetectionTable {
    private DetectionTable() {}

    /**
     * The georeferencing the table's lon/lat/km columns use for a raster: null when the raster has
     * none or a CRS we cannot project (then only the pixel columns are written).
     */
    public static GeoReferencer georeferencer(RasterSource src) {
        if (src.geometry().isEmpty()) {
            return null;
        }
        try {
            return GeoReferencer.of(src.geometry().get());
        } catch (IllegalArgumentException e) {
            return null; // a CRS we cannot project: pixel columns only
        }
    }

    /** Writes the table to {@code file} atomically (temp file + rename), UTF-8. */
    public static void writeFile(List<Crater> craters, GeoReferencer geo, Path file)
            throws IOException {
        AtomicFiles.write(
                file,
                os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    write(craters, geo, w);
                    w.flush();
                });
    }

    /**
     * @param craters detections (pixel coordinates, corner origin)
     * @param geo georeferencing of the image, or null
     * @param out writer, not closed
     */
    public static void write(List<Crater> craters, GeoReferencer geo, Writer out)
            throws IOException {
        out.write(
                geo == null
                        ? "x_px,y_px,diameter_px,score\n"
                        : "x_px,y_px,diameter_px,score,lon_deg,lat_deg,diameter_km\n");
        for (Crater c : craters) {
            out.write(
                    String.format(
                            Locale.ROOT,
                            "%.3f,%.3f,%.3f,%.5f",
                            c.xPx(),
                            c.yPx(),
                            c.diameterPx(),
                            c.score()));
            if (geo != null) {
                double[] ll = geo.pixelToLonLat(c.xPx(), c.yPx());
                PixelGroundSize g = geo.pixelSizeM(c.xPx(), c.yPx());
                out.write(
                        String.format(
                                Locale.ROOT,
                                ",%.7f,%.7f,%.6f",
                                ll[0],
                                ll[1],
                                c.diameterPx() * g.meanM() / 1000));
            }
            out.write('\n');
        }
    }
}
