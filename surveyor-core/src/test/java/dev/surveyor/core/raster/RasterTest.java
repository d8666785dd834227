package dev.surveyor.core.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RasterTest {
    /** A 7 x 5 raster of each type with pixel (x, y) = 10 y + x. */
    static Raster filled(DataType type) {
        Raster r = Rasters.create(type, 7, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                r.setDouble(x, y, 10 * y + x);
            }
        }
        return r;
    }

    @Test
    void createGivesTheRightTypeAndSize() {
        for (DataType t : DataType.values()) {
            Raster r = Rasters.create(t, 7, 5);
            assertEquals(t, r.dataType());
            assertEquals(7, r.width());
            assertEquals(5, r.height());
            assertTrue(r.isContiguous());
            assertEquals(0, r.getDouble(6, 4));
        }
    }

    @Test
    void subViewsShareMemoryBothWays() {
        for (DataType t : DataType.values()) {
            Raster r = filled(t);
            Raster v = r.subView(2, 1, 4, 3);
            assertEquals(4, v.width());
            assertEquals(3, v.height());
            assertFalse(v.isContiguous());
            assertEquals(23, v.getDouble(1, 1), t.name());
            v.setDouble(0, 0, 99);
            assertEquals(99, r.getDouble(2, 1), t.name());
            r.setDouble(5, 3, 77);
            assertEquals(77, v.getDouble(3, 2), t.name());
            // a view of a view addresses the same array
            Raster vv = v.subView(1, 1, 2, 2);
            assertEquals(r.getDouble(3, 2), vv.getDouble(0, 0), t.name());
            vv.setDouble(1, 1, 55);
            assertEquals(55, r.getDouble(4, 3), t.name());
            assertEquals(r.index(4, 3), vv.index(1, 1), t.name());
        }
    }

    @Test
    void copyIsDeepAndContiguous() {
        for (DataType t : DataType.values()) {
            Raster r = filled(t);
            Raster v = r.subView(1, 2, 5, 2);
            Raster c = v.copy();
            assertNotSame(v, c);
            assertTrue(c.isContiguous());
            assertEquals(5, c.width());
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(v.getDouble(x, y), c.getDouble(x, y), t.name());
                }
            }
            c.setDouble(0, 0, 1);
            assertEquals(21, r.getDouble(1, 2), t.name());
        }
    }

    @Test
    void copyFromPastesAtAnOffset() {
        for (DataType t : DataType.values()) {
            Raster dst = Rasters.create(t, 7, 5);
            Raster src = filled(t).subView(0, 0, 3, 2);
            dst.copyFrom(src, 4, 3);
            assertEquals(0, dst.getDouble(3, 3), t.name());
            assertEquals(0, dst.getDouble(4, 3), t.name());
            assertEquals(12, dst.getDouble(6, 4), t.name());
            assertEquals(1, dst.getDouble(5, 3), t.name());
            // into a view: lands at the view's offset in the parent
            Raster parent = Rasters.create(t, 7, 5);
            parent.subView(1, 1, 5, 3).copyFrom(src, 1, 1);
            assertEquals(11, parent.getDouble(3, 3), t.name());
            assertEquals(0, parent.getDouble(1, 1), t.name());
            assertThrows(IllegalArgumentException.class, () -> dst.copyFrom(src, 5, 3), t.name());
            assertThrows(IllegalArgumentException.class, () -> dst.copyFrom(src, -1, 0), t.name());
            DataType other = t == DataType.FLOAT32 ? DataType.UINT8 : DataType.FLOAT32;
            assertThrows(
                    IllegalArgumentException.class,
                    () -> dst.copyFrom(Rasters.create(other, 2, 2), 0, 0),
                    t.name());
        }
    }

    @Test
    void boundsErrorsNameThePixelOrWindow() {
        for (DataType t : DataType.values()) {
            Raster r = filled(t);
            var e = assertThrows(IndexOutOfBoundsException.class, () -> r.getDouble(7, 0));
            assertTrue(e.getMessage().contains("(7, 0)"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> r.getDouble(0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.setDouble(0, 5, 1));
            var w = assertThrows(IllegalArgumentException.class, () -> r.subView(5, 0, 3, 1));
            assertTrue(w.getMessage().contains("x0=5"), w.getMessage());
            assertThrows(IllegalArgumentException.class, () -> r.subView(0, 0, -1, 1));
            // a view's bounds are its own, not the parent's
            Raster v = r.subView(1, 1, 2, 2);
            assertThrows(IndexOutOfBoundsException.class, () -> v.getDouble(2, 0));
        }
        assertThrows(
                IllegalArgumentException.class, () -> new RasterF32(new float[10], 4, 3, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new RasterU8(new byte[12], 4, 3, 0, 3));
        assertThrows(
                IllegalArgumentException.class, () -> new RasterC64(new float[23], 4, 3, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new RasterI16(-1, 3));
    }

    @Test
    void setDoubleRoundsAndClampsIntegerTypes() {
        RasterU8 u8 = new RasterU8(1, 1);
        double[][] u8Cases = {
            {300, 255}, {-5, 0}, {2.4, 2}, {2.6, 3}, {255.4, 255}, {Double.NaN, 0}
        };
        for (double[] c : u8Cases) {
            u8.setDouble(0, 0, c[0]);
            assertEquals((int) c[1], u8.get(0, 0), "u8 " + c[0]);
        }
        RasterU16 u16 = new RasterU16(1, 1);
        double[][] u16Cases = {{70000, 65535}, {-1, 0}, {65535, 65535}, {40000.2, 40000}};
        for (double[] c : u16Cases) {
            u16.setDouble(0, 0, c[0]);
            assertEquals((int) c[1], u16.get(0, 0), "u16 " + c[0]);
        }
        RasterI16 i16 = new RasterI16(1, 1);
        double[][] i16Cases = {
            {40000, 32767}, {-40000, -32768}, {-2.6, -3}, {Double.POSITIVE_INFINITY, 32767}
        };
        for (double[] c : i16Cases) {
            i16.setDouble(0, 0, c[0]);
            assertEquals((int) c[1], i16.get(0, 0), "i16 " + c[0]);
        }
        RasterF32 f = new RasterF32(1, 1);
        f.setDouble(0, 0, 1e39);
        assertEquals(Float.POSITIVE_INFINITY, f.get(0, 0));
        f.setDouble(0, 0, Double.NaN);
        assertTrue(Float.isNaN(f.get(0, 0)));
    }

    @Test
    void unsignedTypesReadBackAboveTheSignedRange() {
        RasterU8 u8 = new RasterU8(2, 1);
        u8.set(0, 0, 200);
        assertEquals(200, u8.get(0, 0));
        assertEquals(200.0, u8.getDouble(0, 0));
        RasterU16 u16 = new RasterU16(2, 1);
        u16.set(1, 0, 60000);
        assertEquals(60000, u16.get(1, 0));
        assertEquals(60000.0, u16.getDouble(1, 0));
    }

    @Test
    void complexRasters() {
        RasterC64 c = new RasterC64(3, 2);
        c.set(1, 1, 3f, -4f);
        assertEquals(5.0, c.getDouble(1, 1), 1e-12);
        assertEquals(Math.atan2(-4, 3), c.phaseRad(1, 1), 1e-12);
        assertEquals(3f, c.data()[2 * c.index(1, 1)]);
        assertEquals(-4f, c.data()[2 * c.index(1, 1) + 1]);
        RasterC64 v = c.subView(1, 0, 2, 2);
        assertEquals(-4f, v.getIm(0, 1));
        v.fill(1f, 2f);
        assertEquals(0f, c.getRe(0, 0));
        assertEquals(2f, c.getIm(2, 1));
        c.setDouble(0, 0, 7);
        assertEquals(7f, c.getRe(0, 0));
        assertEquals(0f, c.getIm(0, 0));
        RasterF32 mag = c.magnitude();
        assertEquals(Math.sqrt(5), mag.get(2, 1), 1e-6);
    }

    @Test
    void fillOfAViewStaysInsideIt() {
        RasterF32 r = new RasterF32(6, 4);
        r.subView(1, 1, 3, 2).fill(5f);
        float total = 0;
        for (float v : r.data()) {
            total += v;
        }
        assertEquals(30f, total);
        assertEquals(0f, r.get(4, 1));
        assertEquals(5f, r.get(3, 2));
    }

    @Test
    void toFloatMapsNoDataToNaN() {
        RasterI16 r = new RasterI16(3, 1);
        r.set(0, 0, -9999);
        r.set(1, 0, 12);
        r.set(2, 0, -3);
        RasterF32 f = Rasters.toFloat(r, -9999);
        assertTrue(Float.isNaN(f.get(0, 0)));
        assertEquals(12f, f.get(1, 0));
        assertEquals(-3f, f.get(2, 0));
        RasterF32 g = Rasters.toFloat(r, Double.NaN);
        assertEquals(-9999f, g.get(0, 0));
    }

    @Test
    void multiBandRasterChecksItsBands() {
        MultiBandRaster m = MultiBandRaster.create(DataType.UINT16, 7, 5, 3);
        assertEquals(3, m.numBands());
        m.band(2).setDouble(4, 4, 9);
        MultiBandRaster v = m.subView(3, 3, 2, 2);
        assertEquals(9, v.band(2).getDouble(1, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> MultiBandRaster.of(new RasterU8(2, 2), new RasterU8(3, 2)));
        assertThrows(
                IllegalArgumentException.class,
                () -> MultiBandRaster.of(new RasterU8(2, 2), new RasterU16(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> MultiBandRaster.of());
    }

    @Test
    void dataTypeParsesGdalNames() {
        assertEquals(DataType.UINT8, DataType.parse("Byte"));
        assertEquals(DataType.COMPLEX64, DataType.parse("CFloat32"));
        assertEquals(DataType.COMPLEX64, DataType.parse("CInt16"));
        assertEquals(DataType.FLOAT32, DataType.parse(" float32 "));
        var e = assertThrows(IllegalArgumentException.class, () -> DataType.parse("Float64"));
        assertTrue(e.getMessage().contains("Float64"));
    }
}
