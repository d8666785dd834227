package dev.surveyor.insar.coreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.imgproc.spectral.FourierShift;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Co-registration on real SLC crops (skipped without {@code ../shared/data}).
 *
 * <p>Known shifts are applied with {@link FourierShift#shiftInBand}: the Sentinel-1 TOPS azimuth
 * spectrum is centred near +0.3 cycles/px, and a plain {@code [-n/2, n/2)} Fourier shift would
 * split its band and distort the amplitude instead of shifting it.
 */
class RealDataCoregistrationTest {
    private static ConfigCoregistration amsterdamConfig() {
        // 84 x 338 px: one row of 64 px patches, dense along range (32 px patches give up to 0.07
        // px
        // error here: the band-aware Fourier shift of a non-periodic 84-row image rings everywhere)
        ConfigCoregistration c = new ConfigCoregistration();
        c.patchSizePx = 64;
        c.patchSpacingPx = 16;
        return c;
    }

    @Test
    void envisatShiftedByKnownSubPixelAmountsIsRecovered() throws IOException {
        RasterC64 ref = RealSlcs.envisat();
        Coregistrator c = FactoryCoregistration.coregistrator(null);
        for (double[] s : new double[][] {{3.25, -1.5}, {-0.4, 0.73}}) {
            PairCoregistration p = c.estimate(ref, FourierShift.shiftInBand(ref, s[0], s[1]));
            assertEquals(
                    s[0], p.dxPx(), 0.05, "dx for shift " + s[0] + "," + s[1] + ": " + p.model());
            assertEquals(
                    s[1], p.dyPx(), 0.05, "dy for shift " + s[0] + "," + s[1] + ": " + p.model());
            assertTrue(p.matches() > 0, "no feature matches");
        }
    }

    @Test
    void amsterdamPairShiftedByKnownSubPixelAmountsIsRecovered() throws IOException {
        RasterC64 ref = RealSlcs.amsterdam("31Mar2023");
        RasterC64 sec = RealSlcs.amsterdam("19Mar2023");
        Coregistrator c = FactoryCoregistration.coregistrator(amsterdamConfig());
        PairCoregistration base = c.estimate(ref, sec);
        for (double[] s : new double[][] {{3.25, -1.5}, {0.6, 0.35}}) {
            // the secondary itself shifted: the offset moves by the shift
            PairCoregistration p = c.estimate(ref, FourierShift.shiftInBand(sec, s[0], s[1]));
            assertEquals(base.dxPx() + s[0], p.dxPx(), 0.05, "dx for shift " + s[0] + "," + s[1]);
            assertEquals(base.dyPx() + s[1], p.dyPx(), 0.05, "dy for shift " + s[0] + "," + s[1]);
            // and the reference against a shifted copy of itself
            PairCoregistration q = c.estimate(ref, FourierShift.shiftInBand(ref, s[0], s[1]));
            assertEquals(s[0], q.dxPx(), 0.05, "self dx for shift " + s[0] + "," + s[1]);
            assertEquals(s[1], q.dyPx(), 0.05, "self dy for shift " + s[0] + "," + s[1]);
        }
        // resampling a shifted copy back onto the reference grid restores it (carrier-aware kernel)
        RasterC64 moved = FourierShift.shiftInBand(ref, 0.6, 0.35);
        PairCoregistration p = c.estimate(ref, moved);
        double coh = CoregistratorTest.coherence(ref, c.resample(moved, p), 10);
        assertTrue(coh > 0.98, "coherence after resampling " + coh);
        assertTrue(CoregistratorTest.coherence(ref, moved, 10) < 0.9);
    }

    @Test
    void theSnapCoregisteredPairHasNoResidualOffset() throws IOException {
        RasterC64 ref = RealSlcs.amsterdam("31Mar2023");
        RasterC64 sec = RealSlcs.amsterdam("19Mar2023");
        PairCoregistration p =
                FactoryCoregistration.coregistrator(amsterdamConfig()).estimate(ref, sec);
        assertTrue(Math.abs(p.dxPx()) <= 0.05, "dx " + p.dxPx() + " " + p.model());
        assertTrue(Math.abs(p.dyPx()) <= 0.05, "dy " + p.dyPx() + " " + p.model());
        assertTrue(p.fit().numInliers() >= 10, "inliers " + p.fit().numInliers());
    }
}
