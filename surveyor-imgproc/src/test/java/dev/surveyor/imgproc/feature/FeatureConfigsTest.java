package dev.surveyor.imgproc.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureConfigsTest {
    @Test
    void defaultsValidateAndCopiesAreIndependent() {
        ConfigHarris h = new ConfigHarris();
        h.validate();
        ConfigHarris hc = h.copy();
        hc.kappa = 0.1;
        assertEquals(0.04, h.kappa, 0.0);
        new ConfigSift().copy().validate();
        ConfigMatcher m = new ConfigMatcher();
        m.validate();
        assertEquals(m.numTrees, m.copy().numTrees);
    }

    @Test
    void badValuesAreRejectedNamingTheField() {
        ConfigHarris h = new ConfigHarris();
        h.kappa = 0.5;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> HarrisCornerDetector.create(h));
        assertTrue(
                e.getMessage().contains("kappa") && e.getMessage().contains("0.5"), e.getMessage());
        ConfigMatcher m = new ConfigMatcher();
        m.ratio = 1.5;
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ApproximateNearestNeighbourMatcher.create(m, 128));
        assertTrue(e.getMessage().contains("ratio"), e.getMessage());
        ConfigSift s = new ConfigSift();
        s.radiusPx = 0;
        assertThrows(IllegalArgumentException.class, () -> SiftDescriber.create(s));
    }
}
