package dev.surveyor.core.raster;

import static dev.surveyor.core.raster.Clamp.clamp;

import java.util.Arrays;

/**
 * A single-band raster of unsigned 16-bit integers (values 0..65535, stored in a {@code short[]};
 * {@code get} returns an {@code int}), stored row-major in a {@code short[]} (see {@link Raster}
 * for the layout and conventions).
 */
public final class RasterU16 extends Raster {
    private final short[] data;

    /** A zero-filled {@code width x height} raster. */
    public RasterU16(int width, int height) {
        this(new short[checkedSize(width, height)], width, height, 0, width);
    }

    /**
     * Wraps an existing array (no copy).
     *
     * @param data (Input) backing array; pixel (x, y) is at {@code offset + y * stride + x}.
     */
    public RasterU16(short[] data, int width, int height, int offset, int stride) {
        super(width, height, offset, stride);
        if (height > 0
                && width > 0
                && (offset < 0 || offset + (long) (height - 1) * stride + width > data.length)) {
            throw new IllegalArgumentException(
                    "array of length "
                            + data.length
                            + " is too short for a "
                            + width
                            + "x"
                            + height
                            + " raster at offset "
                            + offset
                            + " with stride "
                            + stride);
        }
        this.data = data;
    }

    /** The backing array (shared, not a copy). */
    public short[] data() {
        return data;
    }

    @Override
    public DataType dataType() {
        return DataType.UINT16;
    }

    /** The value at {@code (x, y)}, bounds-checked. */
    public int get(int x, int y) {
        checkBounds(x, y);
        return data[index(x, y)] & 0xFFFF;
    }

    /** The value at {@code (x, y)} without bounds check. */
    public int unsafeGet(int x, int y) {
        return data[index(x, y)] & 0xFFFF;
    }

    /** Sets the value at {@code (x, y)}, bounds-checked. */
    public void set(int x, int y, int value) {
        checkBounds(x, y);
        data[index(x, y)] = (short) value;
    }

    /** Sets the value at {@code (x, y)} without bounds check. */
    public void unsafeSet(int x, int y, int value) {
        data[index(x, y)] = (short) value;
    }

    @Override
    public double unsafeGetDouble(int x, int y) {
        return data[index(x, y)] & 0xFFFF;
    }

    @Override
    public void unsafeSetDouble(int x, int y, double value) {
        data[index(x, y)] = (short) clamp(value, 0, 65535);
    }

    /** Sets every pixel of this raster (or view) to {@code value}. */
    public void fill(int value) {
        for (int y = 0; y < height; y++) {
            int i = index(0, y);
            Arrays.fill(data, i, i + width, (short) value);
        }
    }

    @Override
    public RasterU16 subView(int x0, int y0, int w, int h) {
        checkWindow(x0, y0, w, h);
        return new RasterU16(data, w, h, index(x0, y0), stride);
    }

    @Override
    public RasterU16 createLike(int w, int h) {
        return new RasterU16(w, h);
    }

    @Override
    public void copyFrom(Raster src, int x0, int y0) {
        checkPaste(src, x0, y0);
        RasterU16 s = (RasterU16) src;
        for (int y = 0; y < s.height; y++) {
            System.arraycopy(s.data, s.index(0, y), data, index(x0, y0 + y), s.width);
        }
    }
}
