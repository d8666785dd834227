package dev.surveyor.core.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BandStatisticsTest {
    @Test
    void matchesAHandComputation() {
        // valid values 1, 2, 4, 9: mean 4, population variance (9 + 4 + 0 + 25) / 4 = 9.5
        RasterF32 r = new RasterF32(3, 2);
        float[] v = {1, 2, Float.NaN, 4, -9999, 9};
        System.arraycopy(v, 0, r.data(), 0, v.length);
        BandStatistics s = BandStatistics.of(r, -9999);
        assertEquals(4, s.validCount());
        assertEquals(1, s.min());
        assertEquals(9, s.max());
        assertEquals(4, s.mean(), 1e-12);
        assertEquals(Math.sqrt(9.5), s.stdDev(), 1e-12);
        // without the no-data value -9999 counts
        BandStatistics all = BandStatistics.of(r, Double.NaN);
        assertEquals(5, all.validCount());
        assertEquals(-9999, all.min());
    }

    @Test
    void viewsCountOnlyTheirPixels() {
        RasterU16 r = new RasterU16(4, 4);
        r.fill(1000);
        RasterU16 v = r.subView(1, 1, 2, 2);
        v.set(0, 0, 1);
        v.set(1, 1, 3);
        BandStatistics s = BandStatistics.of(v, Double.NaN);
        assertEquals(4, s.validCount());
        assertEquals(1, s.min());
        assertEquals(1000, s.max());
        assertEquals((1 + 3 + 2000) / 4.0, s.mean(), 1e-12);
    }

    @Test
    void complexUsesTheMagnitude() {
        RasterC64 c = new RasterC64(2, 1);
        c.set(0, 0, 3, 4);
        c.set(1, 0, 0, -1);
        BandStatistics s = BandStatistics.of(c, Double.NaN);
        assertEquals(1, s.min(), 1e-12);
        assertEquals(5, s.max(), 1e-12);
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(2, s.stdDev(), 1e-12);
    }

    @Test
    void largeOffsetsKeepTheirVariance() {
        // 1e8 + {0, 1, 2, 3}: std sqrt(1.25); a naive sum of squares loses it in doubles
        RasterF32 r = new RasterF32(4, 1);
        for (int i = 0; i < 4; i++) {
            r.set(i, 0, 1.0e8f + 8 * i);
        }
        BandStatistics s = BandStatistics.of(r, Double.NaN);
        assertEquals(8 * Math.sqrt(1.25), s.stdDev(), 1e-6);
    }

    @Test
    void nothingValidGivesNaN() {
        RasterF32 r = new RasterF32(2, 2);
        r.fill(Float.NaN);
        BandStatistics s = BandStatistics.of(r, Double.NaN);
        assertEquals(0, s.validCount());
        assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.min()) && Double.isNaN(s.stdDev()));
    }

    @Test
    void datasetChecksGeometryAndNoData() {
        MultiBandRaster m = MultiBandRaster.create(DataType.INT16, 4, 3, 1);
        GridGeometry ok = new GridGeometry(4, 3, GeoTransform.northUp(0, 0, 1, 1), null);
        RasterDataset d = RasterDataset.of(m, ok).withNoData(-32768);
        assertTrue(d.isNoData(-32768));
        assertTrue(d.isNoData(Double.NaN));
        assertTrue(!d.isNoData(0));
        GridGeometry bad = new GridGeometry(5, 3, GeoTransform.northUp(0, 0, 1, 1), null);
        assertThrows(IllegalArgumentException.class, () -> RasterDataset.of(m, bad));
        RasterDataset plain = new RasterDataset(m, null, null, null);
        assertEquals(OptionalDouble.empty(), plain.noData());
        assertEquals(Map.of(), plain.metadata());
    }
}
