package dev.surveyor.core.raster;

import static dev.surveyor.core.raster.Clamp.clamp;

import java.util.Arrays;

/**
 * A single-band raster of unsigned 8-bit integers (values 0..255; {@code get} returns an {@code
 * int}), stored row-major in a {@code byte[]} (see {@link Raster} for the layout and conventions).
 */
public final class RasterU8 extends Raster {
    private final byte[] data;

    /** A zero-filled {@code width x height} raster. */
    public RasterU8(int width, int height) {
        this(new byte[checkedSize(width, height)], width, height, 0, width);
    }

    /**
     * Wraps an existing array (no copy).
     *
     * @param data (Input) backing array; pixel (x, y) is at {@code offset + y * stride + x}.
     */
    public RasterU8(byte[] data, int width, int height, int offset, int stride) {
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
    public byte[] data() {
        return data;
    }

    @Override
    public DataType dataType() {
        return DataType.UINT8;
    }

    /** The value at {@code (x, y)}, bounds-checked. */
    public int get(int x, int y) {
        checkBounds(x, y);
        return data[index(x, y)] & 0xFF;
    }

    /** The value at {@code (x, y)} without bounds check. */
    public int unsafeGet(int x, int y) {
        return data[index(x, y)] & 0xFF;
    }

    /** Sets the value at {@code (x, y)}, bounds-checked. */
    public void set(int x, int y, int value) {
        checkBounds(x, y);
        data[index(x, y)] = (byte) value;
    }

    /** Sets the value at {@code (x, y)} without bounds check. */
    public void unsafeSet(int x, int y, int value) {
        data[index(x, y)] = (byte) value;
    }

    @Override
    public double unsafeGetDouble(int x, int y) {
        return data[index(x, y)] & 0xFF;
    }

    @Override
    public void unsafeSetDouble(int x, int y, double value) {
        data[index(x, y)] = (byte) clamp(value, 0, 255);
    }

    /** Sets every pixel of this raster (or view) to {@code value}. */
    public void fill(int value) {
        for (int y = 0; y < height; y++) {
            int i = index(0, y);
            Arrays.fill(data, i, i + width, (byte) value);
        }
    }

    @Override
    public RasterU8 subView(int x0, int y0, int w, int h) {
        checkWindow(x0, y0, w, h);
        return new RasterU8(data, w, h, index(x0, y0), stride);
    }

    @Override
    public RasterU8 createLike(int w, int h) {
        return new RasterU8(w, h);
    }

    @Override
    public void copyFrom(Raster src, int x0, int y0) {
        checkPaste(src, x0, y0);
        RasterU8 s = (RasterU8) src;
        for (int y = 0; y < s.height; y++) {
            System.arraycopy(s.data, s.index(0, y), data, index(x0, y0 + y), s.width);
        }
    }
}
