package dev.surveyor.height.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeightMetricsTest {
    @Test
    void knownAnswerWithNoDataMasked() {
        float[] truth = {0, 0, 10, 20, Float.NaN, 5};
        float[] pred = {1, -1, 7, 24, 100, Float.NaN};
        HeightMetrics m = HeightMetrics.of(truth, pred, 0);
        assertEquals(4, m.validPixels());
        assertEquals((1 + 1 + 3 + 4) / 4.0, m.maeM(), 1e-12);
        assertEquals(Math.sqrt((1 + 1 + 9 + 16) / 4.0), m.rmseM(), 1e-12);
        assertEquals(Math.sqrt((100 + 400) / 4.0), m.zeroRmseM(), 1e-12);
        assertEquals(2, m.buildingPixels());
        assertEquals(3.5, m.buildingMaeM(), 1e-12);
        assertEquals(15.0, m.meanBuildingHeightM(), 1e-12);
        assertEquals((1 - 1 - 3 + 4) / 4.0, m.biasM(), 1e-12);
    }

    @Test
    void binsSplitByTrueHeight() {
        float[] truth = {0, 5, 10, 15, 30, 50};
        float[] pred = {1, 5, 12, 15, 20, 50};
        List<HeightBinError> bins =
                HeightBinError.compute(truth, pred, HeightBinError.DEFAULT_EDGES_M);
        assertEquals(5, bins.size());
        assertEquals(1, bins.get(0).pixels());
        assertEquals(1.0, bins.get(0).maeM(), 1e-12);
        assertEquals(2, bins.get(1).pixels()); // 5 and 10 in (0, 10]
        assertEquals(1.0, bins.get(1).maeM(), 1e-12);
        assertEquals(1, bins.get(2).pixels());
        assertEquals(1, bins.get(3).pixels());
        assertEquals(-10.0, bins.get(3).biasM(), 1e-12);
        assertEquals(1, bins.get(4).pixels());
    }
}
