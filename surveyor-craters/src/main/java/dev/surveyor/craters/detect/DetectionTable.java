package dev.surveyor.craters.detect;

import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.geo.PixelGroundSize;
import dev.surveyor.craters.Crater;
import java.io.IOException;
import java.io.Writer;
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
