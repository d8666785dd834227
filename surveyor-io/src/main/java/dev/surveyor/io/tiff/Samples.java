package dev.surveyor.io.tiff;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterI16;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts rows of samples between file bytes (in the file's byte order) and rasters. */
final class Samples {
    private Samples() {}

    /**
     * Copies {@code n} pixels of one row from bytes into a raster row.
     *
     * @param bb (Input) bytes in file order; sample of pixel {@code i} at {@code pos + i * step}
     * @param step bytes from one pixel to the next (samples per pixel in the block x sample size)
     * @param dst (Output) raster of {@code kind.memoryType}; pixels {@code (dx .. dx + n - 1, dy)}
     */
    static void toRaster(
            SampleKind kind, ByteBuffer bb, int pos, int step, int n, Raster dst, int dx, int dy) {
        int di = dst.index(dx, dy);
        switch (kind) {
            case U8 -> {
                byte[] d = ((RasterU8) dst).data();
                if (step == 1) {
                    bb.get(pos, d, di, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        d[di + i] = bb.get(pos + i * step);
                    }
                }
            }
            case I8 -> {
                short[] d = ((RasterI16) dst).data();
                for (int i = 0; i < n; i++) {
                    d[di + i] = bb.get(pos + i * step);
                }
            }
            case U16, I16 -> {
                short[] d = dst instanceof RasterU16 u ? u.data() : ((RasterI16) dst).data();
                if (step == 2 && (pos & 1) == 0) {
                    bb.asShortBuffer().get(pos >> 1, d, di, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        d[di + i] = bb.getShort(pos + i * step);
                    }
                }
            }
            case F32 -> {
                float[] d = ((RasterF32) dst).data();
                if (step == 4 && (pos & 3) == 0) {
                    bb.asFloatBuffer().get(pos >> 2, d, di, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        d[di + i] = bb.getFloat(pos + i * step);
                    }
                }
            }
            case U32 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < n; i++) {
                    d[di + i] = (float) (bb.getInt(pos + i * step) & 0xFFFFFFFFL);
                }
            }
            case I32 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < n; i++) {
                    d[di + i] = (float) bb.getInt(pos + i * step);
                }
            }
            case F64 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < n; i++) {
                    d[di + i] = (float) bb.getDouble(pos + i * step);
                }
            }
            case CI16 -> {
                float[] d = ((RasterC64) dst).data();
                for (int i = 0; i < n; i++) {
                    int p = pos + i * step;
                    d[2 * (di + i)] = bb.getShort(p);
                    d[2 * (di + i) + 1] = bb.getShort(p + 2);
                }
            }
            case CI32 -> {
                float[] d = ((RasterC64) dst).data();
                for (int i = 0; i < n; i++) {
                    int p = pos + i * step;
                    d[2 * (di + i)] = bb.getInt(p);
                    d[2 * (di + i) + 1] = bb.getInt(p + 4);
                }
            }
            case CF32 -> {
                float[] d = ((RasterC64) dst).data();
                if (step == 8 && (pos & 3) == 0) {
                    bb.asFloatBuffer().get(pos >> 2, d, 2 * di, 2 * n);
                } else {
                    for (int i = 0; i < n; i++) {
                        int p = pos + i * step;
                        d[2 * (di + i)] = bb.getFloat(p);
                        d[2 * (di + i) + 1] = bb.getFloat(p + 4);
                    }
                }
            }
            case CF64 -> {
                float[] d = ((RasterC64) dst).data();
                for (int i = 0; i < n; i++) {
                    int p = pos + i * step;
                    d[2 * (di + i)] = (float) bb.getDouble(p);
                    d[2 * (di + i) + 1] = (float) bb.getDouble(p + 8);
                }
            }
        }
    }

    /**
     * Copies {@code n} pixels of one raster row into bytes (the inverse of {@link #toRaster} for
     * the kinds this package writes: U8, I16, U16, F32, CI16, CF32).
     */
    static void fromRaster(
            SampleKind kind, Raster src, int sx, int sy, int n, ByteBuffer bb, int pos, int step) {
        int si = src.index(sx, sy);
        switch (kind) {
            case U8 -> {
                byte[] s = ((RasterU8) src).data();
                if (step == 1) {
                    bb.put(pos, s, si, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        bb.put(pos + i * step, s[si + i]);
                    }
                }
            }
            case U16, I16 -> {
                short[] s = src instanceof RasterU16 u ? u.data() : ((RasterI16) src).data();
                if (step == 2 && (pos & 1) == 0) {
                    bb.asShortBuffer().put(pos >> 1, s, si, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        bb.putShort(pos + i * step, s[si + i]);
                    }
                }
            }
            case F32 -> {
                float[] s = ((RasterF32) src).data();
                if (step == 4 && (pos & 3) == 0) {
                    bb.asFloatBuffer().put(pos >> 2, s, si, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        bb.putFloat(pos + i * step, s[si + i]);
                    }
                }
            }
            case CF32 -> {
                float[] s = ((RasterC64) src).data();
                if (step == 8 && (pos & 3) == 0) {
                    bb.asFloatBuffer().put(pos >> 2, s, 2 * si, 2 * n);
                } else {
                    for (int i = 0; i < n; i++) {
                        bb.putFloat(pos + i * step, s[2 * (si + i)]);
                        bb.putFloat(pos + i * step + 4, s[2 * (si + i) + 1]);
                    }
                }
            }
            case CI16 -> {
                float[] s = ((RasterC64) src).data();
                for (int i = 0; i < n; i++) {
                    bb.putShort(pos + i * step, toShort(s[2 * (si + i)]));
                    bb.putShort(pos + i * step + 2, toShort(s[2 * (si + i) + 1]));
                }
            }
            default ->
                    throw new IllegalArgumentException(
                            "cannot write " + kind.gdalName + " samples");
        }
    }

    /** Rounds to the nearest int16, clamping; NaN becomes 0. */
    static short toShort(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }

    /** A buffer over {@code a} in {@code order}. */
    static ByteBuffer wrap(byte[] a, ByteOrder order) {
        return ByteBuffer.wrap(a).order(order);
    }
}
