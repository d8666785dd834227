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
}
