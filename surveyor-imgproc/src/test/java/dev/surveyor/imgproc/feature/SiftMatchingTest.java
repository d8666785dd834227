package dev.surveyor.imgproc.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.imgproc.spectral.BandLimitedNoise;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiftMatchingTest {
    /** Speckle-like amplitude texture (40 % band), deterministic. */
    static RasterF32 texture(int w, int h, long seed) {
        RasterC64 z = BandLimitedNoise.speckle(w, h, 0.4, 0.4, seed);
        return z.magnitude();
    }

    @Test
    void matchedCornersGiveTheIntegerShiftOfACroppedCopy() {
        RasterF32 big = texture(220, 200, 12);
        RasterF32 ref = big.subView(20, 30, 160, 140);
        // secondary = the same scene cropped so that content sits at +13 columns, -7 rows
        RasterF32 sec = big.subView(20 - 13, 30 + 7, 160, 140);
        HarrisCornerDetector harris = HarrisCornerDetector.create(null);
        SiftDescriber sift = SiftDescriber.create(null);
        Descriptors a = sift.describe(ref, harris.detect(ref));
        Descriptors b = sift.describe(sec, harris.detect(sec));
        List<FeatureMatch> m =
                ApproximateNearestNeighbourMatcher.create(null, 128)
                        .match(a.vectors(), b.vectors());
        assertTrue(m.size() > 20, "only " + m.size() + " matches");
        double[] dx = new double[m.size()];
        double[] dy = new double[m.size()];
        for (int i = 0; i < m.size(); i++) {
            Keypoint p = a.points().get(m.get(i).sourceIndex());
            Keypoint q = b.points().get(m.get(i).destinationIndex());
            dx[i] = q.xPx() - p.xPx();
            dy[i] = q.yPx() - p.yPx();
            assertTrue(m.get(i).distance() >= 0);
        }
        Arrays.sort(dx);
        Arrays.sort(dy);
        assertEquals(13.0, dx[dx.length / 2], 0.0);
        assertEquals(-7.0, dy[dy.length / 2], 0.0);
    }
}
