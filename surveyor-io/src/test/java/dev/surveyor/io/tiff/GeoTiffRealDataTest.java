package dev.surveyor.io.tiff;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files from {@code ../shared/data}: the ZY-3 4-band uint16 PackBits TIFFs, and the Envisat
 * complex64 crop converted by gdal_translate to CFloat32 and CInt16 GeoTIFFs. Our reads must equal
 * GDAL's, value by value. Skipped when the data or GDAL is absent.
 */
class GeoTiffRealDataTest {
    @TempDir Path dir;

    @Test
    void zy3PackBitsTiffsMatchGdal() throws IOException {
        Path img = SharedData.require("height/zy3-beijing/img");
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        String[] names = {"img_bj0216", "img_bj0324"};
        for (String n : names) {
            gdal.dump(img.resolve(n + ".tif"), n);
        }
        gdal.run();
        for (String n : names) {
            try (GeoTiffReader r = GeoTiffReader.open(img.resolve(n + ".tif"))) {
                GdalRef.Info info = gdal.info(n);
                assertEquals(info.num("w").intValue(), r.width());
                assertEquals(info.num("h").intValue(), r.height());
                assertEquals(4, r.numBands());
                assertEquals(DataType.UINT16, r.dataType());
                assertEquals("PACKBITS", r.metadata().get("COMPRESSION"));
                RasterDataset ds = r.readAll();
                MultiBandRaster expected =
                        gdal.pixels(n, r.width(), r.height(), 4, DataType.UINT16);
                for (int b = 0; b < 4; b++) {
                    assertRasterEquals(expected.band(b), ds.band(b), 0, 0);
                }
                assertRasterEquals(
                        expected.band(2).subView(101, 37, 250, 300),
                        r.readBand(2, 101, 37, 250, 300),
                        0,
                        0);
            }
        }
    }

    @Test
    void envisatComplexCropMatchesGdalAndTheRawFile() throws IOException {
        Path vrt = SharedData.require("insar/envisat-slc/tests/data/warped_envisat.slc.vrt");
        Path slc = SharedData.require("insar/envisat-slc/tests/data/warped_envisat.slc");
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        gdal.translate(vrt, "cf32", null, "TILED=YES", "COMPRESS=DEFLATE")
                .translate(vrt, "ci16", "CInt16", "COMPRESS=LZW", "PREDICTOR=2", "BLOCKYSIZE=16")
                .run();
        gdal.dump(gdal.tif("cf32"), "cf32").dump(gdal.tif("ci16"), "ci16").run();
        MultiBandRaster raw = GdalRef.readRaw(slc, 500, 500, 1, DataType.COMPLEX64);
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("cf32"))) {
            assertEquals("CFloat32", r.metadata().get("SAMPLE_TYPE"));
            assertRasterEquals(raw.band(0), r.readBand(0, 0, 0, 500, 500), 0, 0);
            assertRasterEquals(
                    gdal.pixels("cf32", 500, 500, 1, DataType.COMPLEX64).band(0),
                    r.readBand(0, 0, 0, 500, 500),
                    0,
                    0);
        }
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("ci16"))) {
            assertEquals("CInt16", r.metadata().get("SAMPLE_TYPE"));
            MultiBandRaster expected = gdal.pixels("ci16", 500, 500, 1, DataType.COMPLEX64);
            assertRasterEquals(expected.band(0), r.readBand(0, 0, 0, 500, 500), 0, 0);
            // CInt16 is the raw data rounded: within half a unit of it
            assertRasterEquals(raw.band(0), r.readBand(0, 0, 0, 500, 500), 0, 0.5 + 1e-6);
            assertTrue(r.readBand(0, 0, 0, 500, 500).getDouble(250, 250) >= 0);
        }
    }
}
