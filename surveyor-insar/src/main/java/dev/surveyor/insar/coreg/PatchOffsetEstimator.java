package dev.surveyor.insar.coreg;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.imgproc.spectral.CorrelationPeak;
import dev.surveyor.imgproc.spectral.CrossCorrelator;
import dev.surveyor.imgproc.spectral.SpectralOversampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Sub-pixel offsets of amplitude patches on a regular grid.
 *
 * <p>For each grid centre {@code (x, y)} of the reference: a {@code P x P} complex patch there and
 * one in the secondary displaced by the rounded coarse shift; both are oversampled by {@code f} in
 * the spectrum, detected ({@code |z|}), and cross-correlated ({@link CrossCorrelator}); the offset
 * is the rounded coarse shift plus the peak position divided by {@code f}. Patches with too much
 * no-data (NaN or exact 0, e.g. warp fill), a correlation below the threshold, or a peak farther
 * than {@code P/4} from the coarse shift are dropped.
 *
 * <p>Immutable and thread-safe; patches are processed in parallel.
 */
public final class PatchOffsetEstimator {
    private final int size;
    private final int spacing;
    private final int oversample;
    private final double minCorrelation;
    private final double maxNoData;
    private final CrossCorrelator correlator;

    PatchOffsetEstimator(ConfigCoregistration c) {
        this.size = c.patchSizePx;
        this.spacing = c.patchSpacingPx;
        this.oversample = c.oversampleFactor;
        this.minCorrelation = c.minCorrelation;
        this.maxNoData = c.maxNoDataFraction;
        this.correlator = new CrossCorrelator(c.upsampleFactor);
    }

    /** An estimator with the given settings ({@code null} = defaults). */
    public static PatchOffsetEstimator create(ConfigCoregistration config) {
        ConfigCoregistration c = config != null ? config.copy() : new ConfigCoregistration();
        c.validate();
        return new PatchOffsetEstimator(c);
    }

    /**
     * Measures offsets.
     *
     * @param reference (Input) reference SLC. Not modified.
     * @param secondary (Input) secondary SLC (any size). Not modified.
     * @param coarseDxPx coarse column shift (secondary minus reference)
     * @param coarseDyPx coarse row shift
     * @return the accepted measurements, in grid order (rows, then columns)
     */
    public List<OffsetMeasurement> measure(
            RasterC64 reference, RasterC64 secondary, double coarseDxPx, double coarseDyPx) {
        int ix = (int) Math.round(coarseDxPx);
        int iy = (int) Math.round(coarseDyPx);
        int w = reference.width();
        int h = reference.height();
        int half = size / 2;
        List<int[]> centres = new ArrayList<>();
        // grid centred in the image, patches fully inside both images
        int nx = Math.max(0, (w - size) / spacing + 1);
        int ny = Math.max(0, (h - size) / spacing + 1);
        int offX = (w - size - (nx - 1) * spacing) / 2;
        int offY = (h - size - (ny - 1) * spacing) / 2;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int x0 = offX + i * spacing;
                int y0 = offY + j * spacing;
                int sx0 = x0 + ix;
                int sy0 = y0 + iy;
                if (sx0 >= 0
                        && sy0 >= 0
                        && sx0 + size <= secondary.width()
                        && sy0 + size <= secondary.height()) {
                    centres.add(new int[] {x0, y0});
                }
            }
        }
        OffsetMeasurement[] out = new OffsetMeasurement[centres.size()];
        IntStream.range(0, centres.size())
                .parallel()
                .forEach(
                        k -> {
                            int x0 = centres.get(k)[0];
                            int y0 = centres.get(k)[1];
                            out[k] =
                                    measureOne(
                                            reference.subView(x0, y0, size, size),
                                            secondary.subView(x0 + ix, y0 + iy, size, size),
                                            x0 + half - 0.5,
                                            y0 + half - 0.5,
                                            ix,
                                            iy);
                        });
        List<OffsetMeasurement> list = new ArrayList<>();
        for (OffsetMeasurement m : out) {
            if (m != null) {
                list.add(m);
            }
        }
        return list;
    }

    private OffsetMeasurement measureOne(
            RasterC64 ref, RasterC64 sec, double cx, double cy, int ix, int iy) {
        if (noDataFraction(ref) > maxNoData || noDataFraction(sec) > maxNoData) {
            return null;
        }
        RasterF32 a = SpectralOversampler.oversampledAmplitude(clean(ref), oversample);
        RasterF32 b = SpectralOversampler.oversampledAmplitude(clean(sec), oversample);
        CorrelationPeak p = correlator.correlate(a, b);
        double fx = p.dxPx() / oversample;
        double fy = p.dyPx() / oversample;
        if (!(p.coefficient() >= minCorrelation)
                || Math.abs(fx) > size / 4.0
                || Math.abs(fy) > size / 4.0) {
            return null;
        }
        return new OffsetMeasurement(cx, cy, ix + fx, iy + fy, p.coefficient());
    }

    private static double noDataFraction(RasterC64 r) {
        long bad = 0;
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                float re = r.unsafeGetRe(x, y);
                float im = r.unsafeGetIm(x, y);
                if (Float.isNaN(re) || Float.isNaN(im) || (re == 0 && im == 0)) {
                    bad++;
                }
            }
        }
        return bad / (double) (r.width() * r.height());
    }

    /** A contiguous copy with NaN replaced by 0. */
    private static RasterC64 clean(RasterC64 r) {
        RasterC64 c = (RasterC64) r.copy();
        float[] d = c.data();
        for (int i = 0; i < d.length; i++) {
            if (Float.isNaN(d[i])) {
                d[i] = 0;
            }
        }
        return Objects.requireNonNull(c);
    }
}
