package dev.surveyor.imgproc.spectral;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;

/**
 * Shifts an image by a sub-pixel amount with the Fourier shift theorem (periodic: content leaving
 * one edge re-enters at the other).
 *
 * <p>The result {@code g} satisfies {@code g(x + dx, y + dy) = f(x, y)} for the band-limited
 * periodic interpolant of {@code f}: content moves by {@code +dx} columns and {@code +dy} rows.
 * Frequencies are taken in {@code [-n/2, n/2)}; for even sizes the Nyquist bin of a real image is
 * treated symmetrically (its shift becomes a cosine), so real input gives real output.
 */
public final class FourierShift {
    private FourierShift() {}

    /** Shifts a complex raster; returns a new contiguous raster. */
    public static RasterC64 shift(RasterC64 src, double dxPx, double dyPx) {
        int w = src.width();
        int h = src.height();
        float[] a = Fft2.interleaved(src);
        Fft2.forward(a, h, w);
        applyRamp(a, w, h, dxPx, dyPx, false, (w + 1) / 2, (h + 1) / 2);
        return new RasterC64(a, w, h, 0, w);
    }

    /**
     * Shifts a complex raster whose spectrum may sit away from zero frequency (e.g. a Sentinel-1
     * TOPS SLC in azimuth): per axis the frequencies are taken in the band that starts at the
     * weakest part of the spectrum (as {@link SpectralOversampler} does) instead of {@code [-n/2,
     * n/2)}, so that the band is not split and the content moves as a whole.
     */
    public static RasterC64 shiftInBand(RasterC64 src, double dxPx, double dyPx) {
        int w = src.width();
        int h = src.height();
        float[] a = Fft2.interleaved(src);
        Fft2.forward(a, h, w);
        applyRamp(
                a,
                w,
                h,
                dxPx,
                dyPx,
                false,
                Fft2.weakestBin(a, w, h, true),
                Fft2.weakestBin(a, w, h, false));
        return new RasterC64(a, w, h, 0, w);
    }

    /** Shifts a real raster; returns a new contiguous raster (NaN is treated as 0). */
    public static RasterF32 shift(RasterF32 src, double dxPx, double dyPx) {
        int w = src.width();
        int h = src.height();
        float[] a = Fft2.interleaved(src, 0);
        Fft2.forward(a, h, w);
        applyRamp(a, w, h, dxPx, dyPx, true, (w + 1) / 2, (h + 1) / 2);
        RasterF32 out = new RasterF32(w, h);
        for (int i = 0; i < w * h; i++) {
            out.data()[i] = a[2 * i];
        }
        return out;
    }

    /** Multiplies the spectrum {@code a} by the shift ramp, then inverts it in place. */
    private static void applyRamp(
            float[] a, int w, int h, double dx, double dy, boolean real, int gapX, int gapY) {
        for (int ky = 0; ky < h; ky++) {
            boolean nyqY = real && h % 2 == 0 && ky == h / 2;
            double fy = (double) Fft2.signedIndex(ky, h, gapY) / h;
            for (int kx = 0; kx < w; kx++) {
                boolean nyqX = real && w % 2 == 0 && kx == w / 2;
                double fx = (double) Fft2.signedIndex(kx, w, gapX) / w;
                double phase = -2 * Math.PI * (fx * dx + fy * dy);
                double c = Math.cos(phase);
                double s = Math.sin(phase);
                if (nyqX || nyqY) {
                    // keep a real image real: the Nyquist component gets the symmetric (cosine)
                    // ramp
                    s = 0;
                }
                int i = 2 * (ky * w + kx);
                double re = a[i];
                double im = a[i + 1];
                a[i] = (float) (re * c - im * s);
                a[i + 1] = (float) (re * s + im * c);
            }
        }
        Fft2.inverse(a, h, w);
    }
}
