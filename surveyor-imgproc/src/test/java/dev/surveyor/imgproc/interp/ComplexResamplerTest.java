package dev.surveyor.imgproc.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.imgproc.spectral.BandLimitedNoise;
import dev.surveyor.imgproc.spectral.FourierShift;
import org.junit.jupiter.api.Test;

class ComplexResamplerTest {
    /** Relative RMS difference of two complex rasters over the interior (border pixels excluded). */
    static double relativeRms(RasterC64 a, RasterC64 b, int border) {
        double num = 0;
        double den = 0;
        for (int y = border; y < a.height() - border; y++) {
            for (int x = border; x < a.width() - border; x++) {
                double dr = a.getRe(x, y) - b.getRe(x, y);
                double di = a.getIm(x, y) - b.getIm(x, y);
                num += dr * dr + di * di;
                den += a.getRe(x, y) * (double) a.getRe(x, y) + a.getIm(x, y) * (double) a.getIm(x, y);
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void kernelWeightsSumToOneAndAreIdentityAtIntegers() {
        for (InterpolationKernel k :
                new InterpolationKernel[] {InterpolationKernel.sincKaiser(16, 4.0), InterpolationKernel.cubic()}) {
            float[] w = new float[k.taps()];
            for (double f = 0; f <= 1.0; f += 0.0625) {
                k.weights(f, w);
                double s = 0;
                for (float v : w) {
                    s += v;
                }
                assertEquals(1.0, s, 1e-6, k + " at " + f);
            }
            k.weights(0, w);
            for (int i = 0; i < w.length; i++) {
                assertEquals(i == k.taps() / 2 - 1 ? 1.0 : 0.0, w[i], 1e-7, k + " tap " + i);
            }
        }
    }

    @Test
    void sincResamplingMatchesTheFourierShiftOfOversampledSpeckle() {
        // an SLC-like field oversampled by 1.25 (80 % band)
        RasterC64 z = BandLimitedNoise.speckle(96, 80, 0.8, 0.8, 7);
        ComplexResampler r = new ComplexResampler(InterpolationKernel.sincKaiser(16, 4.0));
        // output(x) = src(x + d): content moves by -d, like a Fourier shift by -d
        RasterC64 out = r.resample(z, 96, 80, OffsetField.constant(0.37, -0.61));
        RasterC64 ref = FourierShift.shift(z, -0.37, 0.61);
        double e = relativeRms(ref, out, 12);
        assertTrue(e < 0.01, "relative RMS error " + e);
        // pixels whose kernel leaves the source are NaN
        assertTrue(Float.isNaN(out.getRe(0, 0)));
    }

    @Test
    void shiftThenBackReproducesTheInterior() {
        // 16-tap Kaiser sinc on an 80 % band field: 2 % relative RMS after two passes
        assertShiftAndBack(InterpolationKernel.sincKaiser(16, 4.0), 0.8, 0.02);
        // 8-tap Kaiser sinc on a 60 % band field: 3 %
        assertShiftAndBack(InterpolationKernel.sincKaiser(8, 4.0), 0.6, 0.03);
        // cubic attenuates towards the band edge: only for well oversampled data (40 % band), 5 %
        assertShiftAndBack(InterpolationKernel.cubic(), 0.4, 0.05);
    }

    private static void assertShiftAndBack(InterpolationKernel k, double band, double tol) {
        RasterC64 z = BandLimitedNoise.speckle(96, 80, band, band, 8);
        ComplexResampler r = new ComplexResampler(k);
        RasterC64 there = r.resample(z, 96, 80, OffsetField.constant(0.43, 0.29));
        RasterC64 back = r.resample(there, 96, 80, OffsetField.constant(-0.43, -0.29));
        double e = relativeRms(z, back, 20);
        assertTrue(e < tol, k + " on band " + band + ": relative RMS error " + e);
    }
}
