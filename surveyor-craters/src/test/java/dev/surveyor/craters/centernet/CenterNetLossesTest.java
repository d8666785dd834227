package dev.surveyor.craters.centernet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CenterNetLossesTest {
    @Test
    void focalLossHandComputed() {
        // pos: (1-0.8)^2 ln 0.8; neg: (1-0.5)^4 0.3^2 ln(0.7); N = 1
        double expected = -(0.04 * Math.log(0.8) + 0.0625 * 0.09 * Math.log(0.7));
        assertEquals(0.0109320386, expected, 1e-9);
        assertEquals(
                expected,
                CenterNetLosses.focal(new float[] {0.8f, 0.3f}, new float[] {1f, 0.5f}),
                1e-6);
    }

    @Test
    void focalLossWithoutPositivesIsNotNormalised() {
        double expected =
                -(1.0 * 0.25 * Math.log(0.5) + 0.5 * 0.5 * 0.5 * 0.5 * 0.01 * Math.log(0.9));
        assertEquals(
                expected,
                CenterNetLosses.focal(new float[] {0.5f, 0.1f}, new float[] {0f, 0.5f}),
                1e-6);
    }

    @Test
    void perfectPredictionHasNearZeroLoss() {
        assertEquals(
                0,
                CenterNetLosses.focal(new float[] {1f, 0f, 0f}, new float[] {1f, 0.3f, 0f}),
                1e-6);
    }

    @Test
    void maskedL1CountsTwoChannelsPerCentre() {
        float[] pred = {1, 5, 2, 7};
        float[] target = {2, 0, 2, 0};
        float[] mask = {1, 0};
        // only cell 0: |1-2| + |2-2| = 1, divided by 2 masked elements
        assertEquals(0.5, CenterNetLosses.maskedL1(pred, target, mask), 1e-4);
    }
}
