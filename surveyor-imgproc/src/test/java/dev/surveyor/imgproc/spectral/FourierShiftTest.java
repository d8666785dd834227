package dev.surveyor.imgproc.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import org.junit.jupiter.api.Test;

class FourierShiftTest {
    @Test
    void integerShiftIsACircularRoll() {
        RasterC64 a = BandLimitedNoise.speckle(40, 30, 1.0, 1.0, 1);
        RasterC64 s = FourierShift.shift(a, 3, -2);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int sx = Math.floorMod(x + 3, 40);
                int sy = Math.floorMod(y - 2, 30);
                assertEquals(a.getRe(x, y), s.getRe(sx, sy), 1e-4, "re at " + x + "," + y);
                assertEquals(a.getIm(x, y), s.getIm(sx, sy), 1e-4, "im at " + x + "," + y);
            }
        }
    }

    @Test
    void subPixelShiftThereAndBackIsIdentity() {
        RasterC64 a = BandLimitedNoise.speckle(48, 33, 1.0, 1.0, 2);
        RasterC64 b = FourierShift.shift(FourierShift.shift(a, 3.25, -1.5), -3.25, 1.5);
        for (int y = 0; y < 33; y++) {
            for (int x = 0; x < 48; x++) {
                assertEquals(a.getRe(x, y), b.getRe(x, y), 1e-4);
                assertEquals(a.getIm(x, y), b.getIm(x, y), 1e-4);
            }
        }
    }

    @Test
    void realShiftOfACosineMatchesTheAnalyticShift() {
        int w = 64;
        int h = 32;
        RasterF32 a = new RasterF32(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a.set(x, y, (float) Math.cos(2 * Math.PI * (5.0 * x / w + 3.0 * y / h)));
            }
        }
        RasterF32 s = FourierShift.shift(a, 0.3, -0.7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double expected =
                        Math.cos(2 * Math.PI * (5.0 * (x - 0.3) / w + 3.0 * (y + 0.7) / h));
                assertEquals(expected, s.get(x, y), 1e-4);
            }
        }
    }
}
