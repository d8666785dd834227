package dev.surveyor.imgproc.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.imgproc.spectral.BandLimitedNoise;
import dev.surveyor.imgproc.spectral.FourierShift;
import org.junit.jupiter.api.Test;

class ComplexResamplerTest {
    /**
     * Relative RMS difference of two complex rasters over the interior (border pixels excluded).
     */
    static double relativeRms(RasterC64 a, RasterC64 b, int border) {
        double num = 0;
        double den = 0;
        for (int y = border; y < a.height() - border; y++) {
            for (int x = border; x < a.width() - border; x++) {
                double dr = a.getRe(x, y) - b.getRe(x, y);
                double di = a.getIm(x, y) - b.getIm(x, y);
                num += dr * dr + di * di;
                den +=
                        a.getRe(x, y) * (double) a.getRe(x, y)
                                + a.getIm(x, y) * (double) a.getIm(x, y);
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void kernelWeightsSumToOneAndAreIdentityAtIntegers() {
        for (InterpolationKernel k :
                new InterpolationKernel[] {
                    InterpolationKernel.sincKaiser(16, 4.0), InterpolationKernel.cubic()
                }) {
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

    /** Speckle whose spectrum is centred at {@code (fx, fy)} cycles/px instead of zero. */
    static RasterC64 modulated(RasterC64 z, double fx, double fy) {
        RasterC64 out = new RasterC64(z.width(), z.height());
        for (int y = 0; y < z.height(); y++) {
            for (int x = 0; x < z.width(); x++) {
                double ph = 2 * Math.PI * (fx * x + fy * y);
                double c = Math.cos(ph);
                double s = Math.sin(ph);
                out.set(
                        x,
                        y,
                        (float) (z.getRe(x, y) * c - z.getIm(x, y) * s),
                        (float) (z.getRe(x, y) * s + z.getIm(x, y) * c));
            }
        }
        return out;
    }

    @Test
    void carrierAwareResamplingShiftsSpeckleCentredAwayFromZeroFrequency() {
        // 70 % band centred at +0.3125 cycles/px in y (like a TOPS azimuth spectrum; 30 cycles over
        // 96 rows, so that the modulated field stays periodic for the Fourier-shift check)
        RasterC64 base = BandLimitedNoise.speckle(96, 96, 0.7, 0.7, 9);
        RasterC64 z = modulated(base, 0.0, 0.3125);
        double[] f = dev.surveyor.imgproc.spectral.CarrierEstimator.estimate(z);
        assertEquals(0.0, f[0], 0.02);
        assertEquals(0.3125, f[1], 0.02);
        ComplexResampler r = new ComplexResampler(InterpolationKernel.sincKaiser(16, 4.0));
        OffsetField d = OffsetField.constant(0.4, 0.45);
        // truth: out(x, y) = b(x + 0.4, y + 0.45) exp(2 pi i 0.3125 (y + 0.45)) for the baseband
        // field b
        RasterC64 truth = modulated(FourierShift.shift(base, -0.4, -0.45), 0.0, 0.3125);
        float c = (float) Math.cos(2 * Math.PI * 0.3125 * 0.45);
        float sn = (float) Math.sin(2 * Math.PI * 0.3125 * 0.45);
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                float re = truth.getRe(x, y);
                float im = truth.getIm(x, y);
                truth.set(x, y, re * c - im * sn, re * sn + im * c);
            }
        }
        double withCarrier = relativeRms(truth, r.resample(z, 96, 96, d, f[0], f[1]), 12);
        double without = relativeRms(truth, r.resample(z, 96, 96, d), 12);
        assertTrue(withCarrier < 0.02, "with carrier: relative RMS error " + withCarrier);
        assertTrue(without > 0.1, "without carrier the band edge is damaged: " + without);
        // and the band-aware Fourier shift agrees with the truth
        double inBand = relativeRms(truth, FourierShift.shiftInBand(z, -0.4, -0.45), 0);
        assertTrue(inBand < 1e-3, "band-aware Fourier shift: relative RMS error " + inBand);
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
