package dev.surveyor.insar.coreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustOffsetFitterTest {
    private static double trueDx(double x, double y) {
        return 1.2 + 2e-3 * x - 1e-3 * y;
    }

    private static double trueDy(double x, double y) {
        return -0.7 + 5e-4 * x + 1.5e-3 * y;
    }

    @Test
    void recoversAnAffineModelDespiteTwentyPercentOutliers() {
        Random rnd = new Random(1);
        List<OffsetMeasurement> pts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double x = rnd.nextDouble() * 1000;
            double y = rnd.nextDouble() * 800;
            boolean outlier = i % 5 == 0;
            double ex = outlier ? 3 + rnd.nextDouble() * 5 : rnd.nextGaussian() * 0.02;
            double ey = outlier ? -4 * rnd.nextDouble() - 2 : rnd.nextGaussian() * 0.02;
            pts.add(new OffsetMeasurement(x, y, trueDx(x, y) + ex, trueDy(x, y) + ey, 0.9));
        }
        OffsetFit fit = new RobustOffsetFitter(OffsetModelType.AFFINE, 3, 0.0, 10).fit(pts);
        assertEquals(OffsetModelType.AFFINE, fit.model().type());
        for (int i = 0; i < 100; i++) {
            if (i % 5 == 0) {
                assertFalse(fit.inliers()[i], "outlier " + i + " kept");
            }
        }
        assertTrue(fit.numInliers() >= 75, "inliers " + fit.numInliers());
        for (double[] p : new double[][] {{0, 0}, {1000, 800}, {500, 400}}) {
            assertEquals(trueDx(p[0], p[1]), fit.model().dxPx(p[0], p[1]), 0.02);
            assertEquals(trueDy(p[0], p[1]), fit.model().dyPx(p[0], p[1]), 0.02);
        }
        assertEquals(0.028, fit.residualPx(), 0.01);
    }

    @Test
    void dropsToAShiftWithTooFewPoints() {
        List<OffsetMeasurement> pts =
                List.of(
                        new OffsetMeasurement(10, 10, 0.5, 0.25, 1),
                        new OffsetMeasurement(50, 20, 0.5, 0.25, 1));
        OffsetFit fit = new RobustOffsetFitter(OffsetModelType.QUADRATIC, 3, 0.02, 10).fit(pts);
        assertEquals(OffsetModelType.SHIFT, fit.model().type());
        assertEquals(0.5, fit.model().dxPx(0, 0), 1e-12);
        assertEquals(0.25, fit.model().dyPx(1e4, -3), 1e-12);
    }
}
