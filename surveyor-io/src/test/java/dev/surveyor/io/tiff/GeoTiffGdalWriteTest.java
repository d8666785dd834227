package dev.surveyor.io.tiff;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelAnchor;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.io.tiff.GeoTiffWriteOptions.Compression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files we write, read back by GDAL (python osgeo.gdal): same size, type, geotransform, EPSG,
 * no-data and values, for every type and the main layouts.
 */
class GeoTiffGdalWriteTest {
    @TempDir Path dir;

    record Case(String name, MultiBandRaster data, String gdalType, GeoTiffWriteOptions opt) {}

    @Test
    void gdalReadsWhatWeWrite() throws IOException {
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        int w = 123;
        int h = 77;
        GridGeometry geo =
                new GridGeometry(
                        w, h, GeoTransform.northUp(440720, 3751320, 30, 30), Crs.epsg(32650));
        Map<String, Case> cases = new LinkedHashMap<>();
        int seed = 0;
        for (DataType t : DataType.values()) {
            String[] variants = {"plain", "deflatetiled", "lzwplanar", "packbitsbe", "bigtiff"};
            for (String v : variants) {
                GeoTiffWriteOptions o = new GeoTiffWriteOptions();
                int pred = t == DataType.FLOAT32 ? 3 : t == DataType.COMPLEX64 ? 1 : 2;
                switch (v) {
                    case "deflatetiled" -> o.compression(Compression.DEFLATE, pred).tiles(32, 48);
                    case "lzwplanar" -> {
                        o.compression(Compression.LZW, pred);
                        o.planar = true;
                        o.rowsPerStrip = 8;
                    }
                    case "packbitsbe" -> {
                        o.compression(Compression.PACKBITS, 1);
                        o.bigEndian = true;
                        o.tiles(64, 16);
                    }
                    case "bigtiff" -> {
                        o.compression(Compression.DEFLATE, pred);
                        o.bigTiff = GeoTiffWriteOptions.BigTiff.YES;
                    }
                    default -> {}
                }
                String name = t + "_" + v;
                cases.put(
                        name,
                        new Case(name, TestRasters.create(t, w, h, 3, seed++), t.gdalName(), o));
            }
        }
        GeoTiffWriteOptions ci16 = new GeoTiffWriteOptions().compression(Compression.DEFLATE, 2);
        ci16.complexInt16 = true;
        cases.put(
                "cint16", new Case("cint16", TestRasters.complexInts(w, h, 2, 99), "CInt16", ci16));
        GeoTiffWriteOptions ci16be = ci16.copy();
        ci16be.bigEndian = true;
        cases.put(
                "cint16be",
                new Case("cint16be", TestRasters.complexInts(w, h, 2, 98), "CInt16", ci16be));

        for (Case c : cases.values()) {
            double nd = c.data.dataType() == DataType.UINT8 ? 255 : -9999;
            RasterDataset ds = new RasterDataset(c.data, geo, OptionalDouble.of(nd), Map.of());
            GeoTiffWriter.write(ds, dir.resolve(c.name + ".tif"), c.opt);
            gdal.dump(dir.resolve(c.name + ".tif"), c.name);
        }
        gdal.run();
        for (Case c : cases.values()) {
            GdalRef.Info info = gdal.info(c.name);
            int bands = c.data.numBands();
            assertEquals(w, info.num("w").intValue(), c.name);
            assertEquals(h, info.num("h").intValue(), c.name);
            assertEquals(bands, info.num("bands").intValue(), c.name);
            assertEquals(c.gdalType, info.str("type"), c.name);
            assertArrayEquals(geo.toCrs().toGdal(), info.gt(), 1e-9, c.name);
            assertEquals(32650, info.num("epsg").intValue(), c.name);
            double nd = c.data.dataType() == DataType.UINT8 ? 255 : -9999;
            assertEquals(nd, info.num("nodata"), c.name);
            MultiBandRaster back = gdal.pixels(c.name, w, h, bands, c.data.dataType());
            for (int b = 0; b < bands; b++) {
                assertRasterEquals(c.data.band(b), back.band(b), 0, 0);
            }
        }
    }

    @Test
    void gdalSeesRotationPixelIsPointAndGeographicCrs() throws IOException {
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        MultiBandRaster data = TestRasters.create(DataType.FLOAT32, 30, 20, 1, 4);
        GridGeometry rot =
                new GridGeometry(
                        30,
                        20,
                        new GeoTransform(440720, 25, 5, 3751320, 4, -28, PixelAnchor.CORNER),
                        Crs.epsg(32650));
        GridGeometry point =
                new GridGeometry(
                        30,
                        20,
                        new GeoTransform(116.25, 0.001, 0, 40.1, 0, -0.001, PixelAnchor.CENTER),
                        Crs.epsg(4326));
        GeoTiffWriter.write(
                new RasterDataset(data, rot, OptionalDouble.of(Double.NaN), Map.of()),
                dir.resolve("rot.tif"),
                null);
        GeoTiffWriter.write(RasterDataset.of(data, point), dir.resolve("point.tif"), null);
        gdal.dump(dir.resolve("rot.tif"), "rot").dump(dir.resolve("point.tif"), "point").run();
        GdalRef.Info r = gdal.info("rot");
        assertArrayEquals(rot.toCrs().toGdal(), r.gt(), 1e-9);
        assertTrue(r.flag("nodata_nan"));
        GdalRef.Info p = gdal.info("point");
        assertEquals("Point", p.str("area_or_point"));
        assertEquals(4326, p.num("epsg").intValue());
        // GDAL reports the corner of pixel (0, 0): half a pixel up-left of the centre we wrote
        assertArrayEquals(point.toCrs().toGdal(), p.gt(), 1e-12);
        assertEquals(116.25 - 0.0005, p.gt()[0], 1e-12);
    }
}
