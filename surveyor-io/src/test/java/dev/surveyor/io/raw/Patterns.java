package dev.surveyor.io.raw;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterI16;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Seeded synthetic rasters and reference-dump readers shared by the I/O tests. */
public final class Patterns {
    private Patterns() {}

    /**
     * {@code bands} seeded random bands; the first pixels of band 0 hold the type's extremes (and
     * NaN/infinity for float types) so conversions of edge values are exercised.
     */
    public static MultiBandRaster random(DataType type, int w, int h, int bands, long seed) {
        Random rnd = new Random(seed);
        Raster[] out = new Raster[bands];
        for (int b = 0; b < bands; b++) {
            switch (type) {
                case UINT8 -> {
                    RasterU8 r = new RasterU8(w, h);
                    for (int i = 0; i < w * h; i++) {
                        r.data()[i] = (byte) rnd.nextInt(256);
                    }
                    r.data()[0] = 0;
                    r.data()[1] = (byte) 255;
                    out[b] = r;
                }
                case INT16 -> {
                    RasterI16 r = new RasterI16(w, h);
                    for (int i = 0; i < w * h; i++) {
                        r.data()[i] = (short) rnd.nextInt(65536);
                    }
                    r.data()[0] = Short.MIN_VALUE;
                    r.data()[1] = Short.MAX_VALUE;
                    out[b] = r;
                }
                case UINT16 -> {
                    RasterU16 r = new RasterU16(w, h);
                    for (int i = 0; i < w * h; i++) {
                        r.data()[i] = (short) rnd.nextInt(65536);
                    }
                    r.data()[0] = 0;
                    r.data()[1] = (short) 65535;
                    out[b] = r;
                }
                case FLOAT32 -> {
                    RasterF32 r = new RasterF32(w, h);
                    for (int i = 0; i < w * h; i++) {
                        r.data()[i] = (float) (rnd.nextGaussian() * 1000);
                    }
                    r.data()[0] = Float.NaN;
                    r.data()[1] = Float.MAX_VALUE;
                    r.data()[2] = -Float.MIN_VALUE;
                    out[b] = r;
                }
                case COMPLEX64 -> {
                    RasterC64 r = new RasterC64(w, h);
                    for (int i = 0; i < 2 * w * h; i++) {
                        r.data()[i] = (float) (rnd.nextGaussian() * 100);
                    }
                    r.data()[0] = Float.NaN;
                    out[b] = r;
                }
            }
        }
        return MultiBandRaster.of(out);
    }

    /**
     * Reads a reference dump: float64 little-endian values, {@code w * h} per band (band after
     * band, row-major), or re/im pairs per pixel for complex types.
     */
    public static double[] readDump(Path file) throws java.io.IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(d);
        return d;
    }

    /**
     * Asserts that every pixel of {@code r} (band {@code band}) equals the dump's value within
     * {@code rtol}; NaN equals NaN.
     */
    public static void assertMatchesDump(
            String what, Raster r, int band, double[] dump, double rtol) {
        int w = r.width();
        int h = r.height();
        boolean c = r instanceof RasterC64;
        int per = c ? 2 : 1;
        int base = band * w * h * per;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = base + (y * w + x) * per;
                if (c) {
                    RasterC64 rc = (RasterC64) r;
                    check(what, x, y, "re", dump[i], rc.unsafeGetRe(x, y), rtol);
                    check(what, x, y, "im", dump[i + 1], rc.unsafeGetIm(x, y), rtol);
                } else {
                    check(what, x, y, "", dump[i], r.unsafeGetDouble(x, y), rtol);
                }
            }
        }
    }

    private static void check(
            String what, int x, int y, String part, double e, double a, double rtol) {
        if (Double.isNaN(e) && Double.isNaN(a)) {
            return;
        }
        if (e == a) {
            return;
        }
        if (!(Math.abs(e - a) <= rtol * Math.abs(e))) {
            throw new AssertionError(
                    what
                            + " pixel ("
                            + x
                            + ", "
                            + y
                            + ") "
                            + part
                            + ": GDAL/numpy has "
                            + e
                            + ", we read "
                            + a
                            + " (rtol "
                            + rtol
                            + ")");
        }
    }
}
