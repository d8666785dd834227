package dev.surveyor.io.raw;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterI16;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import java.nio.ByteBuffer;

/**
 * Converts runs of on-disk samples to and from raster rows. Buffers carry the file's byte order;
 * all buffer access is absolute (positions are byte indices), so the buffer's position is ignored.
 */
final class SampleCodec {
    private SampleCodec() {}

    /**
     * Decodes {@code count} samples at byte positions {@code pos, pos + step, ...} of {@code buf}
     * into row {@code y} of {@code dst}, columns {@code 0..count-1}.
     *
     * @param dst (Output) raster whose type is {@code format.memoryType()}. Modified.
     */
    static void decodeRow(
            SampleFormat format, ByteBuffer buf, int pos, int step, int count, Raster dst, int y) {
        int di = dst.index(0, y);
        switch (format) {
            case UINT8 -> {
                byte[] d = ((RasterU8) dst).data();
                for (int i = 0; i < count; i++) {
                    d[di + i] = buf.get(pos + i * step);
                }
            }
            case INT16, UINT16 -> {
                short[] d = dst instanceof RasterI16 r ? r.data() : ((RasterU16) dst).data();
                if (step == 2) {
                    buf.slice(pos, 2 * count).order(buf.order()).asShortBuffer().get(d, di, count);
                } else {
                    for (int i = 0; i < count; i++) {
                        d[di + i] = buf.getShort(pos + i * step);
                    }
                }
            }
            case FLOAT32 -> {
                float[] d = ((RasterF32) dst).data();
                if (step == 4) {
                    buf.slice(pos, 4 * count).order(buf.order()).asFloatBuffer().get(d, di, count);
                } else {
                    for (int i = 0; i < count; i++) {
                        d[di + i] = buf.getFloat(pos + i * step);
                    }
                }
            }
            case INT32 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < count; i++) {
                    d[di + i] = buf.getInt(pos + i * step);
                }
            }
            case UINT32 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < count; i++) {
                    d[di + i] = buf.getInt(pos + i * step) & 0xFFFFFFFFL;
                }
            }
            case INT64 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < count; i++) {
                    d[di + i] = buf.getLong(pos + i * step);
                }
            }
            case UINT64 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < count; i++) {
                    long v = buf.getLong(pos + i * step);
                    d[di + i] = v >= 0 ? (float) v : (float) (v >>> 1) * 2f;
                }
            }
            case FLOAT64 -> {
                float[] d = ((RasterF32) dst).data();
                for (int i = 0; i < count; i++) {
                    d[di + i] = (float) buf.getDouble(pos + i * step);
                }
            }
            case CINT16 -> {
                float[] d = ((RasterC64) dst).data();
                for (int i = 0; i < count; i++) {
                    int p = pos + i * step;
                    d[2 * (di + i)] = buf.getShort(p);
                    d[2 * (di + i) + 1] = buf.getShort(p + 2);
                }
            }
            case CINT32 -> {
                float[] d = ((RasterC64) dst).data();
                for (int i = 0; i < count; i++) {
                    int p = pos + i * step;
                    d[2 * (di + i)] = buf.getInt(p);
                    d[2 * (di + i) + 1] = buf.getInt(p + 4);
                }
            }
            case CFLOAT32 -> {
                float[] d = ((RasterC64) dst).data();
                if (step == 8) {
                    buf.slice(pos, 8 * count)
                            .order(buf.order())
                            .asFloatBuffer()
                            .get(d, 2 * di, 2 * count);
                } else {
                    for (int i = 0; i < count; i++) {
                        int p = pos + i * step;
                        d[2 * (di + i)] = buf.getFloat(p);
                        d[2 * (di + i) + 1] = buf.getFloat(p + 4);
                    }
                }
            }
            case CFLOAT64 -> {
                float[] d = ((RasterC64) dst).data();
                for (int i = 0; i < count; i++) {
                    int p = pos + i * step;
                    d[2 * (di + i)] = (float) buf.getDouble(p);
                    d[2 * (di + i) + 1] = (float) buf.getDouble(p + 8);
                }
            }
        }
    }

    /**
     * Encodes row {@code y} of {@code src} into {@code buf} at byte positions {@code pos, pos +
     * step, ...}. The format must satisfy {@link SampleFormat#canWriteExactly} for the raster type.
     *
     * @param src (Input) raster. Not modified.
     */
    static void encodeRow(
            SampleFormat format, Raster src, int y, ByteBuffer buf, int pos, int step) {
        int w = src.width();
        int si = src.index(0, y);
        switch (format) {
            case UINT8 -> {
                byte[] s = ((RasterU8) src).data();
                for (int i = 0; i < w; i++) {
                    buf.put(pos + i * step, s[si + i]);
                }
            }
            case INT16, UINT16 -> {
                short[] s = src instanceof RasterI16 r ? r.data() : ((RasterU16) src).data();
                for (int i = 0; i < w; i++) {
                    buf.putShort(pos + i * step, s[si + i]);
                }
            }
            case FLOAT32 -> {
                float[] s = ((RasterF32) src).data();
                for (int i = 0; i < w; i++) {
                    buf.putFloat(pos + i * step, s[si + i]);
                }
            }
            case FLOAT64 -> {
                float[] s = ((RasterF32) src).data();
                for (int i = 0; i < w; i++) {
                    buf.putDouble(pos + i * step, s[si + i]);
                }
            }
            case CFLOAT32 -> {
                float[] s = ((RasterC64) src).data();
                for (int i = 0; i < w; i++) {
                    int p = pos + i * step;
                    buf.putFloat(p, s[2 * (si + i)]);
                    buf.putFloat(p + 4, s[2 * (si + i) + 1]);
                }
            }
            case CFLOAT64 -> {
                float[] s = ((RasterC64) src).data();
                for (int i = 0; i < w; i++) {
                    int p = pos + i * step;
                    buf.putDouble(p, s[2 * (si + i)]);
                    buf.putDouble(p + 8, s[2 * (si + i) + 1]);
                }
            }
            default ->
                    throw new IllegalArgumentException(
                            "cannot write " + src.dataType() + " as " + format.gdalName());
        }
    }
}
