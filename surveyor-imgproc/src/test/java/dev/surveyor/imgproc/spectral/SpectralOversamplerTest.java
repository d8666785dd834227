package dev.surveyor.imgproc.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.raster.RasterC64;
import org.junit.jupiter.api.Test;

class SpectralOversamplerTest {
    @Test
    void oversampledComplexExponentialMatchesTheAnalyticSignal() {
        int w = 32;
        int h = 24;
        // a tone at +5/32 cycles/px in x and -3/24 in y, plus one at +14/32 (near the band edge)
        RasterC64 z = new RasterC64(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double p1 = 2 * Math.PI * (5.0 * x / w - 3.0 * y / h);
                double p2 = 2 * Math.PI * (14.0 * x / w);
                z.set(
                        x,
                        y,
                        (float) (Math.cos(p1) + 0.5 * Math.cos(p2)),
                        (float) (Math.sin(p1) + 0.5 * Math.sin(p2)));
            }
        }
        RasterC64 o = SpectralOversampler.oversample(z, 2);
        assertEquals(64, o.width());
        assertEquals(48, o.height());
        for (int j = 0; j < 48; j++) {
            for (int i = 0; i < 64; i++) {
                double x = i / 2.0;
                double y = j / 2.0;
                double p1 = 2 * Math.PI * (5.0 * x / w - 3.0 * y / h);
                double p2 = 2 * Math.PI * (14.0 * x / w);
                assertEquals(
                        Math.cos(p1) + 0.5 * Math.cos(p2),
                        o.getRe(i, j),
                        1e-4,
                        "re " + i + "," + j);
                assertEquals(
                        Math.sin(p1) + 0.5 * Math.sin(p2),
                        o.getIm(i, j),
                        1e-4,
                        "im " + i + "," + j);
            }
        }
    }
}
