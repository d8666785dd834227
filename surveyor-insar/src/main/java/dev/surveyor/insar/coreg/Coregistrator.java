package dev.surveyor.insar.coreg;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.imgproc.interp.ComplexResampler;
import dev.surveyor.imgproc.interp.InterpolationKernel;
import dev.surveyor.imgproc.spectral.CarrierEstimator;
import java.util.List;

/**
 * Co-registers secondary SLCs to a reference SLC: the paper's feature shift, sub-pixel patch
 * offsets, a robust offset model, and complex-safe resampling (see the package documentation for
 * the steps and the sign convention).
 *
 * <p>Deviation from the paper: the paper stops at the median feature shift (integer pixels); the
 * refinement stages are added because PS phase needs co-registration to about 0.1 px.
 *
 * <p>Immutable and thread-safe.
 */
public final class Coregistrator {
    private final boolean featureStage;
    private final FeatureShiftEstimator features;
    private final PatchOffsetEstimator patches;
    private final RobustOffsetFitter fitter;
    private final ComplexResampler resampler;

    Coregistrator(ConfigCoregistration c) {
        this.featureStage = c.featureStage;
        this.features = new FeatureShiftEstimator(c);
        this.patches = new PatchOffsetEstimator(c);
        this.fitter =
                new RobustOffsetFitter(
                        c.model, c.outlierSigma, c.minOutlierThresholdPx, c.maxIterations);
        InterpolationKernel k =
                c.kernel == ConfigCoregistration.Kernel.CUBIC
                        ? InterpolationKernel.cubic()
                        : InterpolationKernel.sincKaiser(c.kernelTaps, c.kaiserBeta);
        this.resampler = new ComplexResampler(k);
    }

    /** The resampling kernel. */
    public InterpolationKernel kernel() {
        return resampler.kernel();
    }

    /**
     * Estimates the offsets of {@code secondary} against {@code reference}.
     *
     * @param reference (Input) reference SLC. Not modified.
     * @param secondary (Input) secondary SLC of the same size. Not modified.
     * @throws IllegalArgumentException when the sizes differ or no patch could be correlated
     */
    public PairCoregistration estimate(RasterC64 reference, RasterC64 secondary) {
        if (reference.width() != secondary.width() || reference.height() != secondary.height()) {
            throw new IllegalArgumentException(
                    "reference is "
                            + reference.width()
                            + "x"
                            + reference.height()
                            + " but secondary is "
                            + secondary.width()
                            + "x"
                            + secondary.height());
        }
        CoarseShift coarse =
                featureStage
                        ? features.estimate(featureImage(reference), featureImage(secondary))
                        : new CoarseShift(0, 0, 0, 0, List.of());
        List<OffsetMeasurement> m =
                patches.measure(reference, secondary, coarse.dxPx(), coarse.dyPx());
        if (m.isEmpty()) {
            throw new IllegalArgumentException(
                    "no amplitude patch could be correlated (image "
                            + reference.width()
                            + "x"
                            + reference.height()
                            + "); use smaller patches or a lower minCorrelation");
        }
        return new PairCoregistration(
                coarse, m, fitter.fit(m), reference.width(), reference.height());
    }

    /**
     * Resamples {@code secondary} onto the reference grid with the fitted model.
     *
     * <p>The kernel is modulated to the secondary's spectral centroid per axis ({@link
     * CarrierEstimator}), so SLCs whose azimuth spectrum is centred away from zero (Doppler
     * centroid, e.g. Sentinel-1 TOPS) are interpolated without damage. Deviation: a single carrier
     * per image; the azimuth-varying Doppler of a TOPS burst is not modelled.
     *
     * @param secondary (Input) secondary SLC. Not modified.
     * @return a new raster of the reference size; NaN where the kernel leaves the secondary
     */
    public RasterC64 resample(RasterC64 secondary, PairCoregistration pair) {
        double[] f = CarrierEstimator.estimate(secondary);
        // a carrier below 0.02 cycles/px moves the band by < 2 % of the sampling rate, which the
        // kernel's pass band absorbs; skip the (4x dearer) modulated kernel then
        for (int i = 0; i < 2; i++) {
            if (Math.abs(f[i]) < 0.02) {
                f[i] = 0;
            }
        }
        return resampler.resample(
                secondary, pair.widthPx(), pair.heightPx(), pair.model(), f[0], f[1]);
    }

    /**
     * The image the feature stage works on: {@code ln(|z| + 0.01 mean|z|)}, which tames the dynamic
     * range of point targets so that Harris sees the scene's texture. NaN stays NaN.
     */
    public static RasterF32 featureImage(RasterC64 slc) {
        // |z| as sqrt(re² + im²) in double (float data: no overflow; far cheaper than Math.hypot).
        int w = slc.width();
        int h = slc.height();
        float[] c = slc.data();
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            int base = 2 * (slc.offset() + y * slc.stride());
            for (int x = 0; x < w; x++) {
                double re = c[base + 2 * x];
                double im = c[base + 2 * x + 1];
                m[y * w + x] = (float) Math.sqrt(re * re + im * im);
            }
        }
        RasterF32 a = new RasterF32(m, w, h, 0, w);
        double sum = 0;
        long n = 0;
        for (float v : a.data()) {
            if (!Float.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        float eps = (float) (0.01 * (n > 0 ? sum / n : 1) + 1e-30);
        float[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.log(d[i] + eps);
        }
        return a;
    }
}
