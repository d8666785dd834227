package dev.surveyor.imgproc;

import boofcv.struct.image.GrayF32;
import dev.surveyor.core.raster.RasterF32;

/**
 * Conversions between Surveyor rasters and BoofCV images.
 *
 * <p>Both use {@code x} = column, {@code y} = row and row-major storage; the conversion copies
 * pixels row by row, so views with any offset and stride convert correctly. BoofCV algorithms do
 * not handle NaN, so NaN (no-data) pixels are replaced by a caller-given fill value.
 */
public final class BoofImages {
    private BoofImages() {}

    /**
     * Copies a raster into a new BoofCV image.
     *
     * @param src (Input) raster or view. Not modified.
     * @param nanFill value written where {@code src} is NaN
     */
    public static GrayF32 toGray(RasterF32 src, float nanFill) {
        GrayF32 out = new GrayF32(src.width(), src.height());
        float[] d = src.data();
        for (int y = 0; y < src.height(); y++) {
            int si = src.index(0, y);
            int di = out.startIndex + y * out.stride;
            for (int x = 0; x < src.width(); x++) {
                float v = d[si + x];
                out.data[di + x] = Float.isNaN(v) ? nanFill : v;
            }
        }
        return out;
    }

    /**
     * Copies a BoofCV image (or sub-image) into a new contiguous raster.
     *
     * @param src (Input) image. Not modified.
     */
    public static RasterF32 fromGray(GrayF32 src) {
        RasterF32 out = new RasterF32(src.width, src.height);
        for (int y = 0; y < src.height; y++) {
            System.arraycopy(
                    src.data,
                    src.startIndex + y * src.stride,
                    out.data(),
                    out.index(0, y),
                    src.width);
        }
        return out;
    }
}
