package dev.surveyor.imgproc.spectral;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;

/**
 * Oversamples a complex patch by zero-padding its spectrum, then (optionally) detects it.
 *
 * <p>Detecting an SLC ({@code |z|}) doubles its bandwidth, so amplitude correlation on the original
 * grid aliases; oversampling the complex patch by 2 first avoids that (as ISCE's ampcor does). The
 * zeros are inserted, per axis, at the frequency where the patch's power spectrum is weakest, so a
 * spectrum centred away from zero (e.g. a Doppler centroid in azimuth) is interpolated correctly.
 * Sample {@code (i, j)} of the output sits at input position {@code (i / f, j / f)}.
 */
public final class SpectralOversampler {
    private SpectralOversampler() {}

    /**
     * Oversampled complex patch.
     *
     * @param src (Input) patch, NaN-free. Not modified.
     * @param factor integer factor, at least 1
     * @return a new {@code factor*w x factor*h} patch
     */
    public static RasterC64 oversample(RasterC64 src, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, got " + factor);
        }
        int w = src.width();
        int h = src.height();
        if (factor == 1) {
            return (RasterC64) src.copy();
        }
        float[] a = Fft2.interleaved(src);
        Fft2.forward(a, h, w);
        int gapX = Fft2.weakestBin(a, w, h, true);
        int gapY = Fft2.weakestBin(a, w, h, false);
        int W = factor * w;
        int H = factor * h;
        float[] b = new float[2 * W * H];
        for (int ky = 0; ky < h; ky++) {
            int oy = ky < gapY ? ky : ky + H - h;
            for (int kx = 0; kx < w; kx++) {
                int ox = kx < gapX ? kx : kx + W - w;
                b[2 * (oy * W + ox)] = a[2 * (ky * w + kx)];
                b[2 * (oy * W + ox) + 1] = a[2 * (ky * w + kx) + 1];
            }
        }
        Fft2.inverse(b, H, W);
        float scale = (float) factor * factor;
        for (int i = 0; i < b.length; i++) {
            b[i] *= scale;
        }
        return new RasterC64(b, W, H, 0, W);
    }

    /** {@code |oversample(src, factor)|}. */
    public static RasterF32 oversampledAmplitude(RasterC64 src, int factor) {
        RasterC64 o = oversample(src, factor);
        // sqrt(re² + im²) in double: exact enough for float data and far cheaper than Math.hypot.
        float[] c = o.data();
        float[] m = new float[o.width() * o.height()];
        for (int i = 0; i < m.length; i++) {
            double re = c[2 * i];
            double im = c[2 * i + 1];
            m[i] = (float) Math.sqrt(re * re + im * im);
        }
        return new RasterF32(m, o.width(), o.height(), 0, o.width());
    }
}
