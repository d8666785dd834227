package dev.surveyor.core.raster;

import dev.surveyor.core.util.Checks;

/**
 * A single-band, row-major image held in a primitive array.
 *
 * <p>Conventions (as in BoofCV): {@code x} is the column, {@code y} the row, {@code width} the
 * number of columns. Pixel {@code (x, y)} lives at array index {@code offset + y * stride + x} (for
 * complex rasters that index counts complex samples; the float array holds real and imaginary parts
 * at {@code 2 * index} and {@code 2 * index + 1}). A {@link #subView sub-view} shares the array of
 * its parent, so writes through either are seen by both.
 *
 * <p>No-data: float and complex rasters use {@code NaN}; integer rasters carry no-data as a value
 * of the enclosing {@link RasterDataset}.
 *
 * <p>Not thread-safe for concurrent writes to the same pixels.
 */
public abstract sealed class Raster permits RasterU8, RasterI16, RasterU16, RasterF32, RasterC64 {
    /** Number of columns. */
    protected final int width;

    /** Number of rows. */
    protected final int height;

    /** Index of pixel (0, 0) in the backing array, counted in pixels. */
    protected final int offset;

    /** Pixels between the starts of two consecutive rows. */
    protected final int stride;

    Raster(int width, int height, int offset, int stride) {
        Checks.atLeast("width", width, 0);
        Checks.atLeast("height", height, 0);
        if (stride < width) {
            throw new IllegalArgumentException(
                    "stride must be at least width " + width + ", got " + stride);
        }
        this.width = width;
        this.height = height;
        this.offset = offset;
        this.stride = stride;
    }

    public final int width() {
        return width;
    }

    public final int height() {
        return height;
    }

    public final int offset() {
        return offset;
    }

    public final int stride() {
        return stride;
    }

    /** The sample type. */
    public abstract DataType dataType();

    /** Array index of pixel {@code (x, y)}, without bounds checks. */
    public final int index(int x, int y) {
        return offset + y * stride + x;
    }

    /** Whether {@code (x, y)} is inside the raster. */
    public final boolean isInBounds(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /** Whether the pixels fill the backing array without gaps, in row order, from index 0. */
    public final boolean isContiguous() {
        return offset == 0 && (stride == width || height <= 1);
    }

    /**
     * The value of pixel {@code (x, y)} as a double; complex rasters return the magnitude (as GDAL
     * statistics do).
     *
     * @throws IndexOutOfBoundsException naming the pixel when it is outside the raster
     */
    public final double getDouble(int x, int y) {
        checkBounds(x, y);
        return unsafeGetDouble(x, y);
    }

    /** As {@link #getDouble} without the bounds check. */
    public abstract double unsafeGetDouble(int x, int y);

    /**
     * Sets pixel {@code (x, y)} from a double, rounding and clamping to the integer range for
     * integer types (NaN becomes 0); complex rasters get {@code value + 0i}.
     */
    public final void setDouble(int x, int y, double value) {
        checkBounds(x, y);
        unsafeSetDouble(x, y, value);
    }

    /** As {@link #setDouble} without the bounds check. */
    public abstract void unsafeSetDouble(int x, int y, double value);

    /**
     * A view of the rectangle {@code [x0, x0 + w) x [y0, y0 + h)} sharing this raster's array (no
     * copy).
     *
     * @throws IllegalArgumentException naming the window when it is not inside the raster
     */
    public abstract Raster subView(int x0, int y0, int w, int h);

    /** A new zero-filled raster of the same type with the given size. */
    public abstract Raster createLike(int w, int h);

    /** A contiguous deep copy of this raster (or view). */
    public final Raster copy() {
        Raster out = createLike(width, height);
        out.copyFrom(this, 0, 0);
        return out;
    }

    /**
     * Copies all pixels of {@code src} into this raster with {@code src}'s (0, 0) at {@code (x0,
     * y0)}.
     *
     * @param src (Input) raster of the same type. Not modified.
     */
    public abstract void copyFrom(Raster src, int x0, int y0);

    final void checkBounds(int x, int y) {
        if (!isInBounds(x, y)) {
            throw new IndexOutOfBoundsException(
                    "pixel (" + x + ", " + y + ") outside " + width + "x" + height + " raster");
        }
    }

    final void checkWindow(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || w < 0 || h < 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException(
                    "window x0="
                            + x0
                            + " y0="
                            + y0
                            + " "
                            + w
                            + "x"
                            + h
                            + " is outside the "
                            + width
                            + "x"
                            + height
                            + " raster");
        }
    }

    final void checkPaste(Raster src, int x0, int y0) {
        if (src.dataType() != dataType()) {
            throw new IllegalArgumentException(
                    "cannot copy " + src.dataType() + " into " + dataType() + " raster");
        }
        checkWindow(x0, y0, src.width, src.height);
    }

    static int checkedSize(int width, int height) {
        long n = (long) width * height;
        if (width < 0 || height < 0 || n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "raster " + width + "x" + height + " is too large for one array; use windows");
        }
        return (int) n;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + width + "x" + height + "]";
    }
}
