package dev.surveyor.craters.centernet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.craters.Crater;
import java.util.List;
import org.junit.jupiter.api.Test;

class CenterNetTargetsTest {
    @Test
    void gaussianRadiusMatchesCenterNetFormula() {
        // Hand-computed with CenterNet's gaussian_radius: min(r1, r2, r3) = r3 for these boxes.
        assertEquals(0.6149701194, CenterNetTargets.gaussianRadius(2.25, 2.25, 0.7), 1e-9);
        assertEquals(1.2299402388, CenterNetTargets.gaussianRadius(4.5, 4.5, 0.7), 1e-9);
        assertEquals(2.7332005307, CenterNetTargets.gaussianRadius(10, 10, 0.7), 1e-9);
        assertEquals(0, new CenterNetTargets(4).radiusCells(9));
        assertEquals(1, new CenterNetTargets(2).radiusCells(9));
        assertEquals(2, new CenterNetTargets(2).radiusCells(20));
    }

    @Test
    void heatmapOffsetAndSizeAtCentre() {
        CenterNetTargets t = new CenterNetTargets(2);
        // centre (9.0, 5.5) px -> (4.5, 2.75) cells -> cell (4, 2), offset (0.5, 0.75); d = 9 -> r
        // = 1
        CenterNetTargets.Maps m = t.encode(List.of(Crater.truth(9.0, 5.5, 9)), 8, 6);
        int n = 48;
        int k = 2 * 8 + 4;
        assertEquals(1f, m.heatmap()[k]);
        // sigma = (2r + 1) / 6 = 0.5: neighbour exp(-1 / 0.5) and diagonal exp(-2 / 0.5)
        assertEquals(0.1353352832, m.heatmap()[k + 1], 1e-7);
        assertEquals(0.1353352832, m.heatmap()[k - 8], 1e-7);
        assertEquals(0.0183156389, m.heatmap()[k + 9], 1e-7);
        assertEquals(0f, m.heatmap()[k + 2]);
        assertEquals(0.5f, m.offset()[k], 1e-6);
        assertEquals(0.75f, m.offset()[n + k], 1e-6);
        assertEquals(4.5f, m.size()[k], 1e-6);
        assertEquals(4.5f, m.size()[n + k], 1e-6);
        assertEquals(1f, m.mask()[k]);
        assertEquals(1, m.numCentres());
        float sum = 0;
        for (float v : m.mask()) {
            sum += v;
        }
        assertEquals(1f, sum);
    }

    @Test
    void overlappingGaussiansCombineByMaximumAndOutsideCentresAreSkipped() {
        CenterNetTargets t = new CenterNetTargets(1);
        CenterNetTargets.Maps m =
                t.encode(
                        List.of(
                                Crater.truth(3.5, 3.5, 4.5),
                                Crater.truth(5.5, 3.5, 4.5),
                                Crater.truth(-1, 2, 5)),
                        10,
                        8);
        // r = 1 (d = 4.5 cells), sigma 0.5: cell (4,3) gets exp(-2) from both, max not sum
        assertEquals(0.1353352832, m.heatmap()[3 * 10 + 4], 1e-7);
        assertEquals(2, m.numCentres());
    }
}
