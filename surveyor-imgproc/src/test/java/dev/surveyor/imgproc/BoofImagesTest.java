package dev.surveyor.imgproc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boofcv.struct.image.GrayF32;
import dev.surveyor.core.raster.RasterF32;
import org.junit.jupiter.api.Test;

class BoofImagesTest {
    @Test
    void aStridedSubViewConvertsPixelByPixelWithNanFilled() {
        RasterF32 big = new RasterF32(9, 7);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                big.set(x, y, 10 * y + x);
            }
        }
        big.set(4, 3, Float.NaN);
        RasterF32 view = big.subView(2, 1, 5, 4); // offset 11, stride 9
        GrayF32 g = BoofImages.toGray(view, -1f);
        assertEquals(5, g.width);
        assertEquals(4, g.height);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                float expected = (x == 2 && y == 2) ? -1f : 10 * (y + 1) + (x + 2);
                assertEquals(expected, g.get(x, y), 0f, "pixel " + x + "," + y);
            }
        }
        RasterF32 back = BoofImages.fromGray(g.subimage(1, 1, 4, 3));
        assertEquals(3, back.width());
        assertEquals(2, back.height());
        assertEquals(g.get(1, 1), back.get(0, 0), 0f);
        assertEquals(g.get(3, 2), back.get(2, 1), 0f);
    }
}
