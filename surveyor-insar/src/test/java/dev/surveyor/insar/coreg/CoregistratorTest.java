package dev.surveyor.insar.coreg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.imgproc.spectral.BandLimitedNoise;
import dev.surveyor.imgproc.spectral.FourierShift;
import org.junit.jupiter.api.Test;

class CoregistratorTest {
    /** Speckle (80 % band) times a smooth reflectivity texture, like an oversampled SLC. */
    static RasterC64 scene(int w, int h, long seed) {
        RasterC64 z = BandLimitedNoise.speckle(w, h, 0.8, 0.8, seed);
        RasterC64 tex = BandLimitedNoise.speckle(w, h, 0.05, 0.05, seed + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float g = (float) (0.3 + tex.unsafeGetDouble(x, y));
                z.unsafeSet(x, y, z.unsafeGetRe(x, y) * g, z.unsafeGetIm(x, y) * g);
            }
        }
        return z;
    }

    /** |sum a conj(b)| / sqrt(sum|a|^2 sum|b|^2) over the interior. */
    static double coherence(RasterC64 a, RasterC64 b, int border) {
        double re = 0;
        double im = 0;
        double pa = 0;
        double pb = 0;
        for (int y = border; y < a.height() - border; y++) {
            for (int x = border; x < a.width() - border; x++) {
                double ar = a.getRe(x, y);
                double ai = a.getIm(x, y);
                double br = b.getRe(x, y);
                double bi = b.getIm(x, y);
                re += ar * br + ai * bi;
                im += ai * br - ar * bi;
                pa += ar * ar + ai * ai;
                pb += br * br + bi * bi;
            }
        }
        return Math.hypot(re, im) / Math.sqrt(pa * pb);
    }

    @Test
    void recoversAFourierShiftOfSyntheticSpeckleAndResamplesItBack() {
        RasterC64 ref = scene(256, 256, 21);
        RasterC64 sec = FourierShift.shift(ref, 3.25, -1.5);
        Coregistrator c = FactoryCoregistration.coregistrator(null);
        PairCoregistration p = c.estimate(ref, sec);
        // the paper's stage gives the integer part
        assertTrue(p.coarse().found());
        assertEquals(3.25, p.coarse().dxPx(), 0.76);
        assertEquals(-1.5, p.coarse().dyPx(), 0.76);
        assertTrue(p.matches() >= 10, "matches " + p.matches());
        assertEquals(3.25, p.dxPx(), 0.05);
        assertEquals(-1.5, p.dyPx(), 0.05);
        assertTrue(p.residualPx() < 0.05, "residual " + p.residualPx());
        RasterC64 back = c.resample(sec, p);
        double coh = coherence(ref, back, 16);
        assertTrue(coh > 0.99, "coherence after resampling " + coh);
        assertTrue(coherence(ref, sec, 16) < 0.5, "the shifted pair must decorrelate before");
    }

    @Test
    void subImageShiftsAreCombinedByTheirMedian() {
        RasterC64 ref = scene(256, 256, 23);
        RasterC64 sec = FourierShift.shift(ref, -5.0, 2.0);
        ConfigCoregistration cfg = new ConfigCoregistration();
        cfg.subImageRows = 2;
        cfg.subImageColumns = 2;
        FeatureShiftEstimator f = FeatureShiftEstimator.create(cfg);
        CoarseShift s =
                f.estimate(Coregistrator.featureImage(ref), Coregistrator.featureImage(sec));
        assertEquals(4, s.subImagesUsed());
        assertEquals(-5.0, s.dxPx(), 0.0);
        assertEquals(2.0, s.dyPx(), 0.0);
        for (MatchedPoint m : s.points()) {
            assertTrue(m.refXPx() >= 0 && m.refXPx() < 256 && m.refYPx() >= 0 && m.refYPx() < 256);
        }
        // automatic m x n: one sub-image per 2048 px (rows from the height, columns from the width)
        assertArrayEquals(new int[] {2, 3}, FeatureShiftEstimator.create(null).grid(5000, 3000));
    }

    @Test
    void rejectsImagesOfDifferentSizes() {
        Coregistrator c = FactoryCoregistration.coregistrator(null);
        assertThrows(
                IllegalArgumentException.class,
                () -> c.estimate(new RasterC64(64, 64), new RasterC64(65, 64)));
    }

    @Test
    void configValidationNamesTheField() {
        ConfigCoregistration cfg = new ConfigCoregistration();
        cfg.distanceFilterA = 1.0;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FactoryCoregistration.coregistrator(cfg));
        assertTrue(e.getMessage().contains("distanceFilterA"), e.getMessage());
        ConfigCoregistration copy = new ConfigCoregistration().copy();
        copy.validate();
        assertEquals(new ConfigCoregistration().patchSizePx, copy.patchSizePx);
    }
}
