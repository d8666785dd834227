package dev.surveyor.insar.ps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PsSelectorTest {
    // Four images (rows) of four pixels; image means 2, 1, 1, 4.
    static final float[][] AMPS = {{2, 6, 1, 1}, {1, 3, 1, 1}, {1, 3, 2, 0}, {4, 12, 4, 12}};

    @Test
    void statisticsKnownAnswer() {
        AmplitudeStatistics s = AmplitudeStatistics.compute(AMPS, new double[] {2, 1, 1, 4});
        // Pixel 0: u = 1,1,1,1 -> Z̄ 1, D_A 0. Pixel 1: u = 3,3,3,3. Pixel 2: u = .5,1,2,1.
        assertEquals(1.0, s.meanNormalized()[0], 1e-6);
        assertEquals(0.0, s.dispersion()[0], 1e-6);
        assertEquals(3.0, s.minNormalized()[1], 1e-6);
        double m = (0.5 + 1 + 2 + 1) / 4;
        double var = ((0.5 - m) * (0.5 - m) + 2 * (1 - m) * (1 - m) + (2 - m) * (2 - m)) / 4;
        assertEquals(Math.sqrt(var) / m, s.dispersion()[2], 1e-6);
        assertEquals(0.5, s.minNormalized()[2], 1e-6);
    }

    @Test
    void threeMethods() {
        AmplitudeStatistics s = AmplitudeStatistics.compute(AMPS, new double[] {2, 1, 1, 4});
        ConfigPsSelection c = new ConfigPsSelection();
        c.method = PsMethod.AMPLITUDE;
        c.gamma = 2;
        assertArrayEquals(
                new boolean[] {false, true, false, false}, PsSelector.create(c).select(s));
        c.method = PsMethod.NORMALIZED_DISPERSION;
        c.gamma1 = 2.5;
        c.gamma2 = 0.15;
        assertArrayEquals(
                new boolean[] {false, true, false, false}, PsSelector.create(c).select(s));
        c.method = PsMethod.DISPERSION;
        c.maxDispersion = 0.25;
        assertArrayEquals(new boolean[] {true, true, false, false}, PsSelector.create(c).select(s));
    }

    @Test
    void similarityIsThePapersFormula() {
        boolean[] a = {true, true, true, false, false};
        boolean[] b = {true, true, false, true, false};
        // |A△B| = 2, |A| + |B| = 6.
        assertEquals(1 - 2.0 / 6, PsSelector.similarity(a, b), 1e-12);
        assertEquals(1.0, PsSelector.similarity(a, a));
        assertEquals(
                0.0,
                PsSelector.similarity(new boolean[] {true, false}, new boolean[] {false, true}));
        assertThrows(
                IllegalArgumentException.class, () -> PsSelector.similarity(a, new boolean[1]));
    }

    @Test
    void parsesMethodNames() {
        assertEquals(PsMethod.NORMALIZED_DISPERSION, PsMethod.parse("normalized-dispersion"));
        assertThrows(IllegalArgumentException.class, () -> PsMethod.parse("magic"));
    }
}
