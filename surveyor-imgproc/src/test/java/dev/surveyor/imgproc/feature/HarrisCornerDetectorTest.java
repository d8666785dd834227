package dev.surveyor.imgproc.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterF32;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarrisCornerDetectorTest {
    @Test
    void findsTheFourCornersOfEachSquareAndNothingElse() {
        RasterF32 img = new RasterF32(120, 90);
        int[][] squares = {{20, 15, 25}, {70, 40, 30}};
        for (int[] s : squares) {
            for (int y = s[1]; y < s[1] + s[2]; y++) {
                for (int x = s[0]; x < s[0] + s[2]; x++) {
                    img.set(x, y, 100f);
                }
            }
        }
        List<Keypoint> corners = HarrisCornerDetector.create(null).detect(img);
        assertEquals(8, corners.size(), "corners " + corners);
        for (int[] s : squares) {
            // corner pixels sit between the last dark and first bright sample: within 1.5 px
            double[][] expected = {
                {s[0] - 0.5, s[1] - 0.5},
                {s[0] + s[2] - 0.5, s[1] - 0.5},
                {s[0] - 0.5, s[1] + s[2] - 0.5},
                {s[0] + s[2] - 0.5, s[1] + s[2] - 0.5}
            };
            for (double[] e : expected) {
                double best = Double.POSITIVE_INFINITY;
                for (Keypoint k : corners) {
                    best = Math.min(best, Math.hypot(k.xPx() - e[0], k.yPx() - e[1]));
                }
                assertTrue(best <= 1.5, "no corner near " + e[0] + "," + e[1] + ": " + corners);
            }
        }
    }

    @Test
    void everyCornerIsALocalMaximumAboveTheMeanResponse() {
        RasterF32 img = SiftMatchingTest.texture(96, 80, 11);
        HarrisCornerDetector d = HarrisCornerDetector.create(null);
        RasterF32 m = d.responseRaster(img);
        double mean = 0;
        for (float v : m.data()) {
            mean += v;
        }
        mean /= m.data().length;
        List<Keypoint> corners = d.detect(img);
        assertTrue(corners.size() > 20, "only " + corners.size() + " corners");
        for (Keypoint k : corners) {
            int x = (int) k.xPx();
            int y = (int) k.yPx();
            assertTrue(m.get(x, y) > mean);
            for (int yy = y - 4; yy <= y + 4; yy++) {
                for (int xx = x - 4; xx <= x + 4; xx++) {
                    if ((xx != x || yy != y) && m.isInBounds(xx, yy)) {
                        assertTrue(m.get(xx, yy) <= m.get(x, y), "not a local max at " + k);
                    }
                }
            }
        }
    }
}
