package dev.surveyor.craters.detect;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.craters.model.ImageWindows;
import dev.surveyor.io.RasterSource;
import java.io.IOException;

/**
 * Windows of one band of a {@link RasterSource}, read on demand (memory bounded by one window).
 * Samples equal to the file's no-data value become NaN. Does not close the source.
 */
public final class RasterSourceWindows implements ImageWindows {
    private final RasterSource source;
    private final int band;
    private final double noData;

    /**
     * @param source open raster
     * @param band 0-based band index
     */
    public RasterSourceWindows(RasterSource source, int band) {
        dev.surveyor.core.util.Checks.inRange("band", band, 0, source.numBands() - 1);
        this.source = source;
        this.band = band;
        this.noData = source.noData().orElse(Double.NaN);
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public void read(int x0, int y0, int w, int h, float[] out) throws IOException {
        Raster r = source.readBand(band, x0, y0, w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = r.getDouble(x, y);
                out[y * w + x] = (!Double.isNaN(noData) && v == noData) ? Float.NaN : (float) v;
            }
        }
    }
}
