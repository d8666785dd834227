package dev.surveyor.io.tiff;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our writer then our reader, for every type, byte order, compression, predictor, strips/tiles and
 * interleave, on odd sizes (a 7x5 grid of partial 16x16 tiles). Values must come back bit-exact.
 */
class GeoTiffRoundTripTest {
    @TempDir Path dir;

    static Stream<Arguments> combos() {
        List<Arguments> out = new ArrayList<>();
        for (DataType t : DataType.values()) {
            for (boolean bigEndian : new boolean[] {false, true}) {
                for (Compression c : Compression.values()) {
                    for (int layout = 0; layout < 3; layout++) { // strips, tiles, planar tiles
                        out.add(Arguments.of(t, bigEndian, c, layout));
                    }
                }
            }
        }
        return out.stream();
    }

    static int predictorFor(DataType t, Compression c) {
        if (c == Compression.NONE) {
            return 1;
        }
        return t == DataType.FLOAT32 ? 3 : t == DataType.COMPLEX64 ? 1 : 2;
    }

    @ParameterizedTest(name = "{0} bigEndian={1} {2} layout={3}")
    @MethodSource("combos")
    void roundTripIsExact(DataType type, boolean bigEndian, Compression c, int layout)
            throws IOException {
        int w = 16 * 6 + 5; // 7 tile columns, the last partial
        int h = 16 * 4 + 9; // 5 tile rows, the last partial
        MultiBandRaster data = TestRasters.create(type, w, h, 3, type.ordinal() * 31L + layout);
        GeoTiffWriteOptions opt = new GeoTiffWriteOptions().compression(c, predictorFor(type, c));
        opt.bigEndian = bigEndian;
        if (layout >= 1) {
            opt.tiles(16, 16);
        } else {
            opt.rowsPerStrip = 10;
        }
        opt.planar = layout == 2;
        Path f = dir.resolve("rt.tif");
        GeoTiffWriter.write(RasterDataset.of(data), f, opt);
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            assertEquals(type, r.dataType());
            MultiBandRaster back = r.readWindow(0, 0, w, h);
            for (int b = 0; b < 3; b++) {
                assertRasterEquals(data.band(b), back.band(b), 0, 0);
            }
            MultiBandRaster win = r.readWindow(17, 3, 61, 50);
            for (int b = 0; b < 3; b++) {
                assertRasterEquals(data.band(b).subView(17, 3, 61, 50), win.band(b), 0, 0);
            }
            assertEquals(c.name(), r.metadata().get("COMPRESSION"));
            assertEquals(layout >= 1 ? "TILED" : "STRIPS", r.metadata().get("LAYOUT"));
            assertEquals(layout == 2 ? "BAND" : "PIXEL", r.metadata().get("INTERLEAVE"));
        }
    }

    @Test
    void complexInt16RoundTripIsExactForIntegerParts() throws IOException {
        MultiBandRaster data = TestRasters.complexInts(45, 33, 2, 5);
        for (boolean be : new boolean[] {false, true}) {
            GeoTiffWriteOptions opt = new GeoTiffWriteOptions().compression(Compression.DEFLATE, 2);
            opt.complexInt16 = true;
            opt.bigEndian = be;
            Path f = dir.resolve("ci16.tif");
            GeoTiffWriter.write(RasterDataset.of(data), f, opt);
            try (GeoTiffReader r = GeoTiffReader.open(f)) {
                assertEquals("CInt16", r.metadata().get("SAMPLE_TYPE"));
                assertRasterEquals(data.band(1), r.readBand(1, 0, 0, 45, 33), 0, 0);
            }
        }
    }

    @Test
    void georeferencingAndNoDataRoundTrip() throws IOException {
        MultiBandRaster data = TestRasters.create(DataType.INT16, 20, 10, 1, 1);
        GeoTransform[] transforms = {
            GeoTransform.northUp(440720, 3751320, 30, 30),
            new GeoTransform(440720, 25, 5, 3751320, 4, -28, PixelAnchor.CORNER),
            new GeoTransform(116.25, 0.001, 0, 40.1, 0, -0.001, PixelAnchor.CENTER),
        };
        Crs[] crs = {Crs.epsg(32650), Crs.epsg(32650), Crs.epsg(4326)};
        for (int i = 0; i < transforms.length; i++) {
            GridGeometry g = new GridGeometry(20, 10, transforms[i], crs[i]);
            RasterDataset ds = new RasterDataset(data, g, OptionalDouble.of(-9999), Map.of());
            Path f = dir.resolve("geo" + i + ".tif");
            GeoTiffWriter.write(ds, f, null);
            try (GeoTiffReader r = GeoTiffReader.open(f)) {
                GridGeometry back = r.geometry().orElseThrow();
                assertEquals(transforms[i], back.toCrs());
                assertEquals(crs[i].epsg(), back.crs().epsg());
                assertEquals(-9999.0, r.noData().getAsDouble());
            }
        }
    }

    @Test
    void streamWriterInOddChunksEqualsOneShotWrite() throws IOException {
        int w = 70;
        int h = 83;
        MultiBandRaster data = TestRasters.create(DataType.FLOAT32, w, h, 2, 9);
        GridGeometry g =
                new GridGeometry(w, h, GeoTransform.northUp(0, 100, 1, 1), Crs.epsg(32633));
        for (boolean tiled : new boolean[] {false, true}) {
            GeoTiffWriteOptions opt = new GeoTiffWriteOptions().compression(Compression.DEFLATE, 3);
            if (tiled) {
                opt.tiles(32, 16);
            } else {
                opt.rowsPerStrip = 6;
            }
            Path f = dir.resolve("stream" + tiled + ".tif");
            try (GeoTiffStreamWriter sw =
                    GeoTiffStreamWriter.create(
                            f, w, h, 2, DataType.FLOAT32, g, OptionalDouble.of(-1), opt)) {
                int y = 0;
                int[] chunks = {1, 5, 17, 3, 16, 32, 9};
                for (int i = 0; y < h; i++) {
                    int n = Math.min(chunks[i % chunks.length], h - y);
                    sw.writeRows(data.subView(0, y, w, n));
                    y += n;
                }
                assertFalse(Files.exists(f), "target appears only at commit");
                sw.commit();
            }
            assertEquals(
                    "rw-r--r--",
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(f)));
            try (GeoTiffReader r = GeoTiffReader.open(f)) {
                MultiBandRaster back = r.readWindow(0, 0, w, h);
                assertRasterEquals(data.band(0), back.band(0), 0, 0);
                assertRasterEquals(data.band(1), back.band(1), 0, 0);
                assertEquals(-1.0, r.noData().getAsDouble());
                assertArrayEquals(
                        g.toCrs().toGdal(), r.geometry().orElseThrow().toCrs().toGdal(), 0);
            }
        }
    }

    @Test
    void abortedStreamLeavesTargetUntouched() throws IOException {
        Path f = dir.resolve("keep.tif");
        Files.writeString(f, "previous");
        try (GeoTiffStreamWriter sw =
                GeoTiffStreamWriter.create(f, 10, 10, 1, DataType.UINT8, null, null, null)) {
            sw.writeRows(TestRasters.create(DataType.UINT8, 10, 4, 1, 1));
            assertThrows(IllegalStateException.class, sw::commit);
        }
        assertEquals("previous", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "temporary file removed");
        }
    }

    @Test
    void largeWritesAreEncodedInSeveralParallelBatches() throws IOException {
        MultiBandRaster data = TestRasters.create(DataType.FLOAT32, 2100, 1100, 1, 12);
        GeoTiffWriteOptions opt = new GeoTiffWriteOptions().compression(Compression.DEFLATE, 3);
        opt.rowsPerStrip = 3;
        Path f = dir.resolve("large.tif");
        GeoTiffWriter.write(RasterDataset.of(data), f, opt);
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            assertEquals("2100x3", r.metadata().get("BLOCK_SIZE"));
            assertRasterEquals(data.band(0), r.readBand(0, 0, 0, 2100, 1100), 0, 0);
        }
    }

    @Test
    void concurrentWindowReadsAgreeWithSerialOnes() throws Exception {
        MultiBandRaster data = TestRasters.create(DataType.UINT16, 300, 260, 2, 21);
        GeoTiffWriteOptions opt = new GeoTiffWriteOptions().compression(Compression.DEFLATE, 2);
        opt.tiles(32, 32);
        Path f = dir.resolve("conc.tif");
        GeoTiffWriter.write(RasterDataset.of(data), f, opt);
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int x0 = (i * 37) % 200;
                int y0 = (i * 53) % 160;
                int band = i % 2;
                futures.add(
                        pool.submit(
                                () -> {
                                    assertRasterEquals(
                                            data.band(band).subView(x0, y0, 97, 89),
                                            r.readBand(band, x0, y0, 97, 89),
                                            0,
                                            0);
                                    return null;
                                }));
            }
            for (java.util.concurrent.Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void bigUncompressedSingleStripIsReadInRowChunks() throws IOException {
        // one 18 MB strip: windows read only their row spans, in chunks of at most 16 MB
        MultiBandRaster data = TestRasters.create(DataType.FLOAT32, 3000, 1500, 1, 13);
        GeoTiffWriteOptions opt = new GeoTiffWriteOptions();
        opt.rowsPerStrip = 1500;
        Path f = dir.resolve("onestrip.tif");
        GeoTiffWriter.write(RasterDataset.of(data), f, opt);
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            assertEquals("3000x1500", r.metadata().get("BLOCK_SIZE"));
            assertRasterEquals(data.band(0), r.readBand(0, 0, 0, 3000, 1500), 0, 0);
            assertRasterEquals(
                    data.band(0).subView(1234, 77, 1024, 1024),
                    r.readBand(0, 1234, 77, 1024, 1024),
                    0,
                    0);
        }
    }

    @Test
    void forcedBigTiffRoundTrips() throws IOException {
        MultiBandRaster data = TestRasters.create(DataType.UINT16, 50, 40, 4, 3);
        GeoTiffWriteOptions opt = new GeoTiffWriteOptions().compression(Compression.LZW, 2);
        opt.bigTiff = GeoTiffWriteOptions.BigTiff.YES;
        Path f = dir.resolve("big.tif");
        GeoTiffWriter.write(RasterDataset.of(data), f, opt);
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            assertEquals("YES", r.metadata().get("BIGTIFF"));
            assertRasterEquals(data.band(3), r.readBand(3, 0, 0, 50, 40), 0, 0);
        }
    }

    @Test
    void badOptionsAreRejected() {
        RasterDataset ds = RasterDataset.of(TestRasters.create(DataType.INT16, 5, 5, 1, 1));
        GeoTiffWriteOptions p3 = new GeoTiffWriteOptions().compression(Compression.DEFLATE, 3);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> GeoTiffWriter.write(ds, dir.resolve("x.tif"), p3));
        assertTrue(e.getMessage().contains("predictor 3"), e.getMessage());
        GeoTiffWriteOptions tiles = new GeoTiffWriteOptions().tiles(20, 16);
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTiffWriter.write(ds, dir.resolve("x.tif"), tiles));
        assertFalse(Files.exists(dir.resolve("x.tif")));
    }
}
