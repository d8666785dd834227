package dev.surveyor.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorScaleTest {
    @Test
    void mapsHaveTheirReferenceColours() {
        assertEquals("#440154", ColorMap.VIRIDIS.css(0));
        assertEquals("#21918c", ColorMap.VIRIDIS.css(0.5));
        assertEquals("#fde725", ColorMap.VIRIDIS.css(1));
        assertEquals("#f7f7f7", ColorMap.RDBU.css(0.5));
        assertEquals("#67001f", ColorMap.RDBU.css(-3));
        assertEquals("#808080", ColorMap.GRAY.css(0.5));
        assertThrows(IllegalArgumentException.class, () -> ColorMap.GRAY.argb(Double.NaN));
    }

    @Test
    void symmetricLimitsAreCentredOnZero() {
        double[] v = new double[101];
        for (int i = 0; i <= 100; i++) {
            v[i] = i - 80; // -80..20
        }
        ColorScale s = ColorScale.symmetric(ColorMap.RDBU, v, 100, 0, "v");
        assertEquals(-80, s.min(), 1e-12);
        assertEquals(80, s.max(), 1e-12);
        assertEquals(0.5, s.position(0), 1e-12);
        assertEquals(0, s.argb(Double.NaN));
    }

    @Test
    void percentileStretchIgnoresNanAndOutliers() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[0] = Double.NaN;
        v[999] = 1e9;
        ColorScale s = ColorScale.percentile(ColorMap.GRAY, v, 2, 98, "");
        // numpy.percentile(np.r_[1:999, 1e9], [2, 98]) = [20.96, 979.04]
        assertEquals(20.96, s.min(), 1e-9);
        assertEquals(979.04, s.max(), 1e-9);
        ColorScale flat = ColorScale.percentile(ColorMap.GRAY, new double[] {3, 3, 3}, 2, 98, "");
        assertEquals(2.5, flat.min(), 0);
        assertEquals(3.5, flat.max(), 0);
    }
}
