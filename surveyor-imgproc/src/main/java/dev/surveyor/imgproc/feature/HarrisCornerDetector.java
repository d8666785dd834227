package dev.surveyor.imgproc.feature;

import boofcv.abst.feature.detect.intensity.GeneralFeatureIntensity;
import boofcv.alg.filter.derivative.DerivativeType;
import boofcv.alg.filter.derivative.GImageDerivativeOps;
import boofcv.factory.feature.detect.intensity.FactoryIntensityPoint;
import boofcv.struct.border.BorderType;
import boofcv.struct.image.GrayF32;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.imgproc.BoofImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Harris corner detector as in Aduenko et al. (2015): the response {@code M = det A - kappa trace^2
 * A} of the (Gaussian-weighted) structure tensor A is computed by BoofCV; a corner is a pixel whose
 * M is the strict maximum over the square neighbourhood S1 of radius {@code nonMaxRadiusPx} and
 * also exceeds the mean of M over the image.
 *
 * <p>Deviation from the paper: at most {@code maxCorners} corners are kept (the strongest), to
 * bound the matching cost; ties in a neighbourhood keep the first pixel in row order.
 *
 * <p>Coordinates: pixel centres, {@code x} = column. NaN pixels are treated as the image mean. Not
 * thread-safe (BoofCV scratch images); use one instance per thread.
 */
public final class HarrisCornerDetector {
    private final int nonMaxRadius;
    private final int maxCorners;
    private final int border;
    private final GeneralFeatureIntensity<GrayF32, GrayF32> intensity;

    HarrisCornerDetector(ConfigHarris c) {
        this.nonMaxRadius = c.nonMaxRadiusPx;
        this.maxCorners = c.maxCorners;
        this.border = c.borderPx;
        this.intensity =
                FactoryIntensityPoint.harris(
                        c.windowRadiusPx, (float) c.kappa, c.gaussianWeighted, GrayF32.class);
    }

    /** A detector with the given settings ({@code null} = defaults). */
    public static HarrisCornerDetector create(ConfigHarris config) {
        ConfigHarris c = config != null ? config.copy() : new ConfigHarris();
        c.validate();
        return new HarrisCornerDetector(c);
    }

    /**
     * Detects corners.
     *
     * @param image (Input) image, e.g. SAR amplitude. Not modified.
     * @return corners, strongest first
     */
    public List<Keypoint> detect(RasterF32 image) {
        GrayF32 response = response(image);
        int w = response.width;
        int h = response.height;
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum += response.unsafe_get(x, y);
            }
        }
        float mean = (float) (sum / Math.max(1, (long) w * h));
        int b = Math.max(border, intensity.getIgnoreBorder());
        List<Keypoint> out = new ArrayList<>();
        for (int y = b; y < h - b; y++) {
            for (int x = b; x < w - b; x++) {
                float v = response.unsafe_get(x, y);
                if (v > mean && v > 0 && isLocalMax(response, x, y, v)) {
                    out.add(new Keypoint(x, y, v));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Keypoint::response).reversed());
        if (maxCorners > 0 && out.size() > maxCorners) {
            return List.copyOf(out.subList(0, maxCorners));
        }
        return List.copyOf(out);
    }

    /** The Harris response M as a new raster (same size as the input). */
    public RasterF32 responseRaster(RasterF32 image) {
        return BoofImages.fromGray(response(image));
    }

    private GrayF32 response(RasterF32 image) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float v = image.unsafeGet(x, y);
                if (!Float.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        GrayF32 gray = BoofImages.toGray(image, n > 0 ? (float) (sum / n) : 0f);
        GrayF32 dx = new GrayF32(gray.width, gray.height);
        GrayF32 dy = new GrayF32(gray.width, gray.height);
        GImageDerivativeOps.gradient(DerivativeType.SOBEL, gray, dx, dy, BorderType.EXTENDED);
        intensity.process(gray, dx, dy, null, null, null);
        return intensity.getIntensity();
    }

    private boolean isLocalMax(GrayF32 r, int x, int y, float v) {
        // The 3 x 3 neighbours first (most pixels fail there), then the whole window: the same
        // predicate (every pixel of the window), only checked in a cheaper order.
        if (!beatsWindow(r, x, y, v, Math.min(1, nonMaxRadius))) {
            return false;
        }
        return beatsWindow(r, x, y, v, nonMaxRadius);
    }

    private static boolean beatsWindow(GrayF32 r, int x, int y, float v, int radius) {
        int x0 = Math.max(0, x - radius);
        int x1 = Math.min(r.width - 1, x + radius);
        int y0 = Math.max(0, y - radius);
        int y1 = Math.min(r.height - 1, y + radius);
        for (int yy = y0; yy <= y1; yy++) {
            for (int xx = x0; xx <= x1; xx++) {
                float u = r.unsafe_get(xx, yy);
                // one winner per plateau: earlier pixels (row order) win ties
                boolean earlier = yy < y || (yy == y && xx < x);
                if (earlier ? u >= v : u > v) {
                    return false;
                }
            }
        }
        return true;
    }
}
