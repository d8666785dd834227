package dev.surveyor.imgproc.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import org.junit.jupiter.api.Test;

class CrossCorrelatorTest {
    private static RasterF32 texture(int n, long seed) {
        // smooth real texture: real part of speckle band-limited to 40 %
        RasterC64 z = BandLimitedNoise.speckle(n, n, 0.4, 0.4, seed);
        RasterF32 r = new RasterF32(n, n);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                r.set(x, y, z.getRe(x, y));
            }
        }
        return r;
    }

    @Test
    void recoversAKnownSubPixelShift() {
        RasterF32 a = texture(64, 3);
        RasterF32 b = FourierShift.shift(a, 3.25, -1.5);
        CorrelationPeak p = new CrossCorrelator(64).correlate(a, b);
        assertEquals(3.25, p.dxPx(), 0.01);
        assertEquals(-1.5, p.dyPx(), 0.01);
        assertTrue(p.coefficient() > 0.95, "coefficient " + p.coefficient());
    }

    @Test
    void recoversNegativeFractionalShiftsAndZero() {
        RasterF32 a = texture(64, 4);
        CrossCorrelator c = new CrossCorrelator(100);
        for (double[] s : new double[][] {{0, 0}, {-2.37, 0.81}, {0.49, -0.51}}) {
            CorrelationPeak p = c.correlate(a, FourierShift.shift(a, s[0], s[1]));
            assertEquals(s[0], p.dxPx(), 0.01, "dx for " + s[0]);
            assertEquals(s[1], p.dyPx(), 0.01, "dy for " + s[1]);
        }
    }

    @Test
    void oversampledAmplitudeOfSpeckleCorrelatesToTheShift() {
        RasterC64 z = BandLimitedNoise.speckle(64, 64, 0.8, 0.8, 5);
        RasterC64 s = FourierShift.shift(z, 1.3, 0.6);
        RasterF32 a = SpectralOversampler.oversampledAmplitude(z.subView(8, 8, 32, 32), 2);
        RasterF32 b = SpectralOversampler.oversampledAmplitude(s.subView(8, 8, 32, 32), 2);
        CorrelationPeak p = new CrossCorrelator(64).correlate(a, b);
        assertEquals(1.3, p.dxPx() / 2, 0.08);
        assertEquals(0.6, p.dyPx() / 2, 0.08);
    }
}
