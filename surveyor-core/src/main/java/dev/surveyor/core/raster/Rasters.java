package dev.surveyor.core.raster;

/** Static helpers to create rasters by type. */
public final class Rasters {
    private Rasters() {}

    /** A new zero-filled raster of the given type and size. */
    public static Raster create(DataType type, int width, int height) {
        return switch (type) {
            case UINT8 -> new RasterU8(width, height);
            case INT16 -> new RasterI16(width, height);
            case UINT16 -> new RasterU16(width, height);
            case FLOAT32 -> new RasterF32(width, height);
            case COMPLEX64 -> new RasterC64(width, height);
        };
    }

    /**
     * A float copy of any real raster; pixels equal to {@code noData} (when not NaN) become NaN.
     * Complex rasters give their magnitude.
     */
    public static RasterF32 toFloat(Raster src, double noData) {
        RasterF32 out = new RasterF32(src.width(), src.height());
        boolean hasNoData = !Double.isNaN(noData);
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                double v = src.unsafeGetDouble(x, y);
                out.unsafeSet(x, y, hasNoData && v == noData ? Float.NaN : (float) v);
            }
        }
        return out;
    }
}
