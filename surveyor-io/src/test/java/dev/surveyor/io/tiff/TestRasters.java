package dev.surveyor.io.tiff;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.Rasters;
import java.util.Random;

/** Deterministic test rasters: smooth structure plus noise, covering each type's full range. */
final class TestRasters {
    private TestRasters() {}

    static MultiBandRaster create(DataType type, int w, int h, int bands, long seed) {
        Random rnd = new Random(seed);
        Raster[] out = new Raster[bands];
        for (int b = 0; b < bands; b++) {
            out[b] = Rasters.create(type, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = Math.sin(x / 9.0 + b) * Math.cos(y / 7.0 - b);
                    double n = rnd.nextGaussian();
                    switch (type) {
                        case UINT8 -> out[b].unsafeSetDouble(x, y, 128 + 120 * s + 4 * n);
                        case INT16 -> out[b].unsafeSetDouble(x, y, 30000 * s + 500 * n);
                        case UINT16 -> out[b].unsafeSetDouble(x, y, 32768 + 32000 * s + 500 * n);
                        case FLOAT32 ->
                                out[b].unsafeSetDouble(
                                        x, y, rnd.nextInt(50) == 0 ? Float.NaN : 1e3 * s + n);
                        case COMPLEX64 ->
                                ((RasterC64) out[b])
                                        .unsafeSet(
                                                x,
                                                y,
                                                (float) (3e3 * s + n),
                                                (float) (-2e3 * s + n));
                    }
                }
            }
        }
        return MultiBandRaster.of(out);
    }

    /** Complex rasters with integer parts (exact as CInt16). */
    static MultiBandRaster complexInts(int w, int h, int bands, long seed) {
        MultiBandRaster r = create(DataType.COMPLEX64, w, h, bands, seed);
        for (Raster b : r.bands()) {
            float[] d = ((RasterC64) b).data();
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.round(d[i]);
            }
        }
        return r;
    }
}
