package dev.surveyor.io.tiff;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelAnchor;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files made by GDAL (python osgeo.gdal, the same library as gdal_translate) in every type,
 * compression, predictor, layout, byte order and BigTIFF, read by us and compared value by value
 * with the pixels GDAL was given.
 */
class GeoTiffGdalReadTest {
    static final int W = 301;
    static final int H = 203;
    static final int BANDS = 3;
    static final String[] TYPES = {"Byte", "Int16", "UInt16", "Float32", "CInt16", "CFloat32"};

    @TempDir static Path dir;
    static GdalRef gdal;

    /** Layout variants: name and creation options (the predictor is chosen per type). */
    static final String[][] VARIANTS = {
        {"plain"},
        {"deflate", "COMPRESS=DEFLATE", "PRED"},
        {"lzwtiled", "COMPRESS=LZW", "PRED", "TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=32"},
        {
            "packbitsplanar",
            "COMPRESS=PACKBITS",
            "TILED=YES",
            "BLOCKXSIZE=128",
            "BLOCKYSIZE=48",
            "INTERLEAVE=BAND"
        },
        {
            "bigendianbigtiff",
            "COMPRESS=DEFLATE",
            "PRED",
            "ENDIANNESS=BIG",
            "BIGTIFF=YES",
            "INTERLEAVE=BAND",
            "BLOCKYSIZE=7"
        },
        {"lzwstrips", "COMPRESS=LZW", "BLOCKYSIZE=16"},
    };

    static final String[][] WINDOW_LAYOUTS = {
        {"w_plain_f32", "Float32", "1"},
        {"w_deflate_f32", "Float32", "1", "COMPRESS=DEFLATE", "PREDICTOR=3"},
        {"w_lzwtiles_f32", "Float32", "1", "COMPRESS=LZW", "TILED=YES"},
        {
            "w_packbits_u16_planar",
            "UInt16",
            "2",
            "COMPRESS=PACKBITS",
            "TILED=YES",
            "INTERLEAVE=BAND"
        },
        {
            "w_deflate_u16_chunky_big",
            "UInt16",
            "2",
            "COMPRESS=DEFLATE",
            "PREDICTOR=2",
            "BIGTIFF=YES",
            "BLOCKYSIZE=5"
        },
        {"w_tiles_cint16", "CInt16", "1", "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=128"},
    };

    @BeforeAll
    static void makeFixtures() throws IOException {
        GdalRef.require();
        gdal = new GdalRef(dir);
        int seed = 1;
        for (String type : TYPES) {
            for (String[] v : VARIANTS) {
                List<String> co = new ArrayList<>();
                for (int i = 1; i < v.length; i++) {
                    if (v[i].equals("PRED")) {
                        if (type.equals("Float32")) {
                            co.add("PREDICTOR=3");
                        } else if (!type.startsWith("CF")) {
                            co.add("PREDICTOR=2");
                        }
                    } else {
                        co.add(v[i]);
                    }
                }
                gdal.make(
                        type + "_" + v[0],
                        W,
                        H,
                        BANDS,
                        type,
                        seed++,
                        "",
                        co.toArray(String[]::new));
            }
        }
        for (String[] l : WINDOW_LAYOUTS) {
            String[] co = java.util.Arrays.copyOfRange(l, 3, l.length);
            gdal.make(l[0], 1500, 1300, Integer.parseInt(l[2]), l[1], seed++, "", co);
        }
        gdal.make(
                "geo_utm",
                40,
                30,
                1,
                "Int16",
                7,
                "\"srs\":\"EPSG:32650\",\"gt\":[440720,30,0,3751320,0,-30],\"nodata\":-9999");
        gdal.make(
                "geo_wgs84_nan",
                40,
                30,
                1,
                "Float32",
                8,
                "\"srs\":\"EPSG:4326\",\"gt\":[116.25,0.001,0,40.1,0,-0.001],\"nodata\":\"nan\"");
        gdal.make(
                "geo_point",
                40,
                30,
                2,
                "UInt16",
                9,
                "\"srs\":\"EPSG:32650\",\"gt\":[440720,30,0,3751320,0,-30],\"point\":true");
        gdal.make(
                "geo_rotated",
                40,
                30,
                1,
                "Byte",
                10,
                "\"srs\":\"EPSG:32650\",\"gt\":[440720,25,5,3751320,4,-28]");
        gdal.make(
                "sparse",
                300,
                200,
                1,
                "Int16",
                11,
                "\"nodata\":-5,\"blank_bottom\":true",
                "SPARSE_OK=TRUE",
                "TILED=YES",
                "BLOCKXSIZE=64",
                "BLOCKYSIZE=32",
                "COMPRESS=DEFLATE");
        gdal.run();
        for (String g : new String[] {"geo_utm", "geo_wgs84_nan", "geo_point", "geo_rotated"}) {
            gdal.dump(gdal.tif(g), g + "_dump");
        }
        gdal.run();
    }

    static DataType memType(String gdalType) {
        return gdalType.equals("CInt16") ? DataType.COMPLEX64 : DataType.parse(gdalType);
    }

    static Stream<String> fixtures() {
        List<String> out = new ArrayList<>();
        for (String t : TYPES) {
            for (String[] v : VARIANTS) {
                out.add(t + "_" + v[0]);
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsEveryTypeAndLayoutLikeGdal(String name) throws IOException {
        String type = name.substring(0, name.indexOf('_'));
        MultiBandRaster expected = gdal.pixels(name, W, H, BANDS, memType(type));
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif(name))) {
            assertEquals(W, r.width());
            assertEquals(H, r.height());
            assertEquals(BANDS, r.numBands());
            assertEquals(memType(type), r.dataType());
            assertEquals(type, r.metadata().get("SAMPLE_TYPE"));
            RasterDataset all = r.readAll();
            for (int b = 0; b < BANDS; b++) {
                assertRasterEquals(expected.band(b), all.band(b), 0, 0);
            }
            // an odd window that straddles blocks, band by band
            for (int b = 0; b < BANDS; b++) {
                Raster win = r.readBand(b, 13, 29, 171, 97);
                assertRasterEquals(expected.band(b).subView(13, 29, 171, 97), win, 0, 0);
            }
        }
    }

    @Test
    void layoutIsReportedInMetadata() throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("Int16_lzwtiled"))) {
            assertEquals("LZW", r.metadata().get("COMPRESSION"));
            assertEquals("2", r.metadata().get("PREDICTOR"));
            assertEquals("TILED", r.metadata().get("LAYOUT"));
            assertEquals("64x32", r.metadata().get("BLOCK_SIZE"));
            assertEquals("PIXEL", r.metadata().get("INTERLEAVE"));
            assertEquals("NO", r.metadata().get("BIGTIFF"));
        }
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("Float32_bigendianbigtiff"))) {
            assertEquals("DEFLATE", r.metadata().get("COMPRESSION"));
            assertEquals("3", r.metadata().get("PREDICTOR"));
            assertEquals("STRIPS", r.metadata().get("LAYOUT"));
            assertEquals("BAND", r.metadata().get("INTERLEAVE"));
            assertEquals("YES", r.metadata().get("BIGTIFF"));
            assertEquals("BIG_ENDIAN", r.metadata().get("BYTE_ORDER"));
        }
    }

    static Stream<String> windowLayouts() {
        return Stream.of(WINDOW_LAYOUTS).map(l -> l[0]);
    }

    @ParameterizedTest
    @MethodSource("windowLayouts")
    void window1024EqualsCropOfFullRead(String name) throws IOException {
        String[] l = Stream.of(WINDOW_LAYOUTS).filter(x -> x[0].equals(name)).findFirst().get();
        int bands = Integer.parseInt(l[2]);
        MultiBandRaster expected = gdal.pixels(name, 1500, 1300, bands, memType(l[1]));
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif(name))) {
            MultiBandRaster full = r.readWindow(0, 0, 1500, 1300);
            MultiBandRaster win = r.readWindow(237, 141, 1024, 1024);
            for (int b = 0; b < bands; b++) {
                assertRasterEquals(expected.band(b), full.band(b), 0, 0);
                assertRasterEquals(full.band(b).subView(237, 141, 1024, 1024), win.band(b), 0, 0);
                Raster one = r.readBand(b, 476, 276, 1024, 1024);
                assertRasterEquals(full.band(b).subView(476, 276, 1024, 1024), one, 0, 0);
            }
        }
    }

    @Test
    void sparseBlocksReadAsNoData() throws IOException {
        MultiBandRaster expected = gdal.pixels("sparse", 300, 200, 1, DataType.INT16);
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("sparse"))) {
            TiffLayout l = layoutOf(gdal.tif("sparse"));
            long empty = java.util.Arrays.stream(l.byteCounts).filter(c -> c == 0).count();
            assertTrue(empty > 0, "GDAL left blocks out");
            assertRasterEquals(expected.band(0), r.readBand(0, 0, 0, 300, 200), 0, 0);
            assertEquals(-5.0, r.readBand(0, 0, 0, 300, 200).getDouble(150, 199));
        }
    }

    static TiffLayout layoutOf(Path f) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
            return TiffLayout.of(TiffDirectory.read(f, ch));
        }
    }

    @Test
    void readsProjectedGeoreferencingAndNoData() throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("geo_utm"))) {
            GdalRef.Info info = gdal.info("geo_utm_dump");
            GridGeometry g = r.geometry().orElseThrow();
            assertArrayEquals(info.gt(), g.toCrs().toGdal(), 1e-9);
            assertEquals(32650, g.crs().epsg());
            assertEquals(PixelAnchor.CORNER, g.toCrs().anchor());
            assertEquals(-9999.0, r.noData().getAsDouble());
            assertEquals(info.num("nodata"), r.noData().getAsDouble());
        }
    }

    @Test
    void readsGeographicCrsAndNanNoData() throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("geo_wgs84_nan"))) {
            GdalRef.Info info = gdal.info("geo_wgs84_nan_dump");
            assertTrue(info.flag("nodata_nan"));
            assertTrue(Double.isNaN(r.noData().getAsDouble()));
            assertEquals(4326, r.geometry().orElseThrow().crs().epsg());
            assertArrayEquals(info.gt(), r.geometry().orElseThrow().toCrs().toGdal(), 1e-12);
        }
    }

    @Test
    void pixelIsPointGivesCentreAnchorAndGdalsCornerTransform() throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("geo_point"))) {
            GdalRef.Info info = gdal.info("geo_point_dump");
            assertEquals("Point", info.str("area_or_point"));
            GridGeometry g = r.geometry().orElseThrow();
            assertEquals(PixelAnchor.CENTER, g.toCrs().anchor());
            // GDAL (GTIFF_POINT_GEO_IGNORE=FALSE) reports the corner-based transform
            assertArrayEquals(info.gt(), g.toCrs().toGdal(), 1e-9);
        }
    }

    @Test
    void rotatedTransformIsRead() throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("geo_rotated"))) {
            GdalRef.Info info = gdal.info("geo_rotated_dump");
            GridGeometry g = r.geometry().orElseThrow();
            assertArrayEquals(info.gt(), g.toCrs().toGdal(), 1e-9);
            assertEquals(32650, g.crs().epsg());
        }
    }
}
