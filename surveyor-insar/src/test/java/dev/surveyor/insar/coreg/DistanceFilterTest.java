package dev.surveyor.insar.coreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surveyor.imgproc.feature.FeatureMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistanceFilterTest {
    @Test
    void keepsMatchesUpToTheLargerOfTheTwoBounds() {
        // rho_min = 0.1, rho_max = 0.9; a = 2, b = 3: max(0.2, 0.3) = 0.3
        List<FeatureMatch> m =
                List.of(
                        new FeatureMatch(0, 5, 0.10),
                        new FeatureMatch(1, 6, 0.25),
                        new FeatureMatch(2, 7, 0.30),
                        new FeatureMatch(3, 8, 0.31),
                        new FeatureMatch(4, 9, 0.90));
        assertEquals(
                0.3,
                DistanceFilter.threshold(new double[] {0.1, 0.25, 0.3, 0.31, 0.9}, 2, 3),
                1e-12);
        List<FeatureMatch> kept = DistanceFilter.apply(m, 2, 3);
        assertEquals(List.of(m.get(0), m.get(1), m.get(2)), kept);
    }

    @Test
    void theMinimumBoundWinsWhenTheBestMatchIsPoor() {
        // rho_min = 0.4, rho_max = 0.9; a = 1.5, b = 4: max(0.6, 0.225) = 0.6
        List<FeatureMatch> m =
                List.of(
                        new FeatureMatch(0, 0, 0.4),
                        new FeatureMatch(1, 1, 0.6),
                        new FeatureMatch(2, 2, 0.61),
                        new FeatureMatch(3, 3, 0.9));
        assertEquals(2, DistanceFilter.apply(m, 1.5, 4).size());
        assertEquals(List.of(), DistanceFilter.apply(List.of(), 2, 3));
    }

    @Test
    void rejectsParametersNotAboveOne() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DistanceFilter.threshold(new double[] {1}, 1.0, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> DistanceFilter.threshold(new double[] {1}, 2, 0.5));
    }
}
