package dev.surveyor.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.raster.RasterF32;
import org.junit.jupiter.api.Test;

class HeightMetricsTest {
    @Test
    void knownErrors() {
        RasterF32 t = new RasterF32(new float[] {0, 0, 10, 20, 5}, 5, 1, 0, 5);
        RasterF32 p = new RasterF32(new float[] {1, -1, 12, 20, Float.NaN}, 5, 1, 0, 5);
        HeightMetrics m = HeightMetrics.compute(p, t, 0);
        assertEquals(4, m.count());
        assertEquals((1 + 1 + 2 + 0) / 4.0, m.maeM(), 1e-12);
        assertEquals(Math.sqrt((1 + 1 + 4) / 4.0), m.rmseM(), 1e-12);
        assertEquals((1 - 1 + 2) / 4.0, m.biasM(), 1e-12);
        assertEquals(2, m.buildingCount());
        assertEquals(1.0, m.buildingMaeM(), 1e-12);
        assertEquals(Math.sqrt(2.0), m.buildingRmseM(), 1e-12);
        assertEquals(Math.sqrt((100 + 400) / 4.0), m.zeroRmseM(), 1e-12);
    }
}
