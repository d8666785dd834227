package dev.surveyor.core.raster;

import java.util.Arrays;

/**
 * A single-band complex raster (complex64): pixel {@code (x, y)} has its real part at {@code data[2
 * * index(x, y)]} and its imaginary part at {@code data[2 * index(x, y) + 1]}; offset and stride
 * count complex samples (see {@link Raster}). No-data is {@code NaN} in either part.
 */
public final class RasterC64 extends Raster {
    private final float[] data;

    /** A zero-filled {@code width x height} raster. */
    public RasterC64(int width, int height) {
        this(new float[2 * checkedSize(width, height)], width, height, 0, width);
    }

    /**
     * Wraps an existing interleaved array (no copy).
     *
     * @param data (Input) interleaved real/imaginary floats.
     */
    public RasterC64(float[] data, int width, int height, int offset, int stride) {
        super(width, height, offset, stride);
        if (height > 0
                && width > 0
                && (offset < 0
                        || 2 * (offset + (long) (height - 1) * stride + width) > data.length)) {
            throw new IllegalArgumentException(
                    "array of length "
                            + data.length
                            + " is too short for a complex "
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

    /** The backing interleaved array (shared, not a copy). */
    public float[] data() {
        return data;
    }

    @Override
    public DataType dataType() {
        return DataType.COMPLEX64;
    }

    /** Real part at {@code (x, y)}, bounds-checked. */
    public float getRe(int x, int y) {
        checkBounds(x, y);
        return data[2 * index(x, y)];
    }

    /** Imaginary part at {@code (x, y)}, bounds-checked. */
    public float getIm(int x, int y) {
        checkBounds(x, y);
        return data[2 * index(x, y) + 1];
    }

    /** Real part without bounds check. */
    public float unsafeGetRe(int x, int y) {
        return data[2 * index(x, y)];
    }

    /** Imaginary part without bounds check. */
    public float unsafeGetIm(int x, int y) {
        return data[2 * index(x, y) + 1];
    }

    /** Sets pixel {@code (x, y)} to {@code re + i im}, bounds-checked. */
    public void set(int x, int y, float re, float im) {
        checkBounds(x, y);
        unsafeSet(x, y, re, im);
    }

    /** Sets pixel {@code (x, y)} without bounds check. */
    public void unsafeSet(int x, int y, float re, float im) {
        int i = 2 * index(x, y);
        data[i] = re;
        data[i + 1] = im;
    }

    /** Magnitude {@code |z|}. */
    @Override
    public double unsafeGetDouble(int x, int y) {
        int i = 2 * index(x, y);
        return Math.hypot(data[i], data[i + 1]);
    }

    @Override
    public void unsafeSetDouble(int x, int y, double value) {
        unsafeSet(x, y, (float) value, 0f);
    }

    /** Phase {@code atan2(im, re)} in radians, in (-pi, pi]. */
    public double phaseRad(int x, int y) {
        checkBounds(x, y);
        int i = 2 * index(x, y);
        return Math.atan2(data[i + 1], data[i]);
    }

    /** Sets every pixel to {@code re + i im}. */
    public void fill(float re, float im) {
        for (int y = 0; y < height; y++) {
            int i = 2 * index(0, y);
            if (re == im) {
                Arrays.fill(data, i, i + 2 * width, re);
            } else {
                for (int k = 0; k < width; k++) {
                    data[i + 2 * k] = re;
                    data[i + 2 * k + 1] = im;
                }
            }
        }
    }

    /** The magnitudes as a new float raster. */
    public RasterF32 magnitude() {
        RasterF32 out = new RasterF32(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.unsafeSet(x, y, (float) unsafeGetDouble(x, y));
            }
        }
        return out;
    }

    @Override
    public RasterC64 subView(int x0, int y0, int w, int h) {
        checkWindow(x0, y0, w, h);
        return new RasterC64(data, w, h, index(x0, y0), stride);
    }

    @Override
    public RasterC64 createLike(int w, int h) {
        return new RasterC64(w, h);
    }

    @Override
    public void copyFrom(Raster src, int x0, int y0) {
        checkPaste(src, x0, y0);
        RasterC64 s = (RasterC64) src;
        for (int y = 0; y < s.height; y++) {
            System.arraycopy(s.data, 2 * s.index(0, y), data, 2 * index(x0, y0 + y), 2 * s.width);
        }
    }
}
