package dev.surveyor.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.raster.RasterF32;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RasterRendererTest {
    @TempDir Path tmp;

    @Test
    void reductionAveragesValidPixelsPerBlock() {
        // 5x3 raster, factor 2 -> 3x2 blocks; NaN and no-data (-9) skipped
        float n = Float.NaN;
        RasterF32 r =
                new RasterF32(
                        new float[] {1, 3, 5, 7, 9, 2, 4, n, -9, 10, 6, 6, 6, 6, n}, 5, 3, 0, 5);
        float[] v = RasterRenderer.reduce(r, -9, 2);
        assertArrayEquals(new float[] {2.5f, 6f, 9.5f, 6f, 6f, n}, v, 1e-6f);
    }

    @Test
    void renderedPixelsHaveTheScaleColoursAndNanIsTransparent() throws Exception {
        RasterF32 r = new RasterF32(new float[] {0, 1, Float.NaN, 0.5f}, 2, 2, 0, 2);
        ColorScale s = new ColorScale(ColorMap.VIRIDIS, 0, 1, "x");
        BufferedImage img = RasterRenderer.render(r, Double.NaN, s, 100);
        assertEquals(0xff440154, img.getRGB(0, 0));
        assertEquals(0xfffde725, img.getRGB(1, 0));
        assertEquals(0, img.getRGB(0, 1) >>> 24);
        Path f = tmp.resolve("a.png");
        PngFiles.write(RasterRenderer.withColorBar(RasterRenderer.enlarge(img, 300), s), f);
        BufferedImage back = ImageIO.read(f.toFile());
        assertEquals(320, back.getWidth());
        assertEquals(300 + 6 + RasterRenderer.colorBar(s, 320).getHeight(), back.getHeight());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void niceTicks() {
        assertEquals(5, RasterRenderer.niceStep(4.1), 0);
        assertEquals(0.2, RasterRenderer.niceStep(0.13), 1e-15);
        assertEquals("-12", RasterRenderer.formatStep(-12, 2));
        assertEquals("0.25", RasterRenderer.formatStep(0.25, 0.05));
    }

    @Test
    void amplitudeIsStretchedLinearlyInDecibels() {
        // 101 amplitudes 10^(k/20): k dB for k = 0..100, plus a zero (black) and a no-data pixel
        float[] a = new float[104];
        for (int k = 0; k <= 100; k++) {
            a[k] = (float) Math.pow(10, k / 20.0);
        }
        a[101] = 0;
        a[102] = -1;
        a[103] = 1e6f; // 120 dB, above the 98 % limit: clipped to white
        RasterF32 r = new RasterF32(a, 104, 1, 0, 104);
        BufferedImage img = RasterRenderer.renderAmplitudeDb(r, -1, 1000, 2, 98);
        assertEquals(104, img.getWidth());
        // 102 finite dB values 0..100 and 120: 2 % at 2.02 dB, 98 % at 98.98 dB
        double lo = 2.02;
        double hi = 98.98;
        for (int k : new int[] {10, 50, 90}) {
            int g = img.getRGB(k, 0) & 0xff;
            assertEquals(255 * (k - lo) / (hi - lo), g, 1.01, "k = " + k);
        }
        assertEquals(0, img.getRGB(0, 0) & 0xff);
        assertEquals(0xff000000, img.getRGB(101, 0));
        assertEquals(0xff000000, img.getRGB(102, 0));
        assertEquals(0xffffffff, img.getRGB(103, 0));
    }
}
