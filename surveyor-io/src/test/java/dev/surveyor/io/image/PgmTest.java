package dev.surveyor.io.image;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.testkit.ExternalTools;
import dev.surveyor.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PGM (P5/P2) reading and writing; GDAL's PNM driver is the reference. */
class PgmTest {
    @TempDir Path dir;

    @Test
    void roundTripBinaryAndAsciiAndGdalAgrees() throws IOException {
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        List<Path> files = new ArrayList<>();
        List<MultiBandRaster> rasters = new ArrayList<>();
        for (DataType t : new DataType[] {DataType.UINT8, DataType.UINT16}) {
            for (boolean ascii : new boolean[] {false, true}) {
                MultiBandRaster m =
                        Patterns.random(t, 19, 13, 1, t.ordinal() * 2L + (ascii ? 1 : 0));
                Path f = dir.resolve(t + (ascii ? "-p2" : "-p5") + ".pgm");
                PgmWriter.write(RasterDataset.of(m), f, ascii);
                try (DecodedRasterSource src = PgmReader.open(f)) {
                    assertEquals(t, src.dataType());
                    assertRasterEquals(m.band(0), src.readAll().band(0), 0, 0);
                    assertRasterEquals(
                            m.band(0).subView(5, 4, 10, 6), src.readBand(0, 5, 4, 10, 6), 0, 0);
                }
                files.add(f);
                rasters.add(m);
            }
        }
        // GDAL's PNM driver reads only binary P5; numpy parses the ASCII P2 files
        List<Path> binary = files.stream().filter(f -> f.toString().endsWith("p5.pgm")).toList();
        List<String[]> idx = PngTest.gdalDump(dir, binary);
        for (String[] e : idx) {
            assertEquals(e[0].contains("UINT16") ? "UInt16" : "Byte", e[1], e[0]);
        }
        for (Path f : files) {
            if (f.toString().endsWith("p2.pgm")) {
                ExternalTools.check(ExternalTools.PYTHON, "-c", P2_DUMP, f.toString());
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Patterns.assertMatchesDump(
                    files.get(i).getFileName().toString(),
                    rasters.get(i).band(0),
                    0,
                    Patterns.readDump(Path.of(files.get(i) + ".ref")),
                    0);
        }
    }

    static final String P2_DUMP =
            """
            import sys, numpy as np
            t = open(sys.argv[1]).read().split()
            assert t[0] == 'P2'
            w, h = int(t[1]), int(t[2])
            np.array(t[4:4 + w * h], dtype='<f8').tofile(sys.argv[1] + '.ref')
            """;

    @Test
    void sixteenBitIsBigEndianAfterTheHeader() throws IOException {
        RasterU16 r = new RasterU16(2, 1);
        r.set(0, 0, 0x1234);
        r.set(1, 0, 0xFFFE);
        Path f = dir.resolve("be.pgm");
        PgmWriter.write(RasterDataset.of(MultiBandRaster.of(r)), f);
        byte[] header = "P5\n2 1\n65535\n".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[header.length + 4];
        System.arraycopy(header, 0, expected, 0, header.length);
        expected[header.length] = 0x12;
        expected[header.length + 1] = 0x34;
        expected[header.length + 2] = (byte) 0xFF;
        expected[header.length + 3] = (byte) 0xFE;
        assertArrayEquals(expected, Files.readAllBytes(f));
    }

    @Test
    void commentsAndOddMaxvalsParse() throws IOException {
        Path f = dir.resolve("c.pgm");
        Files.writeString(
                f,
                "P2\n# made by hand\n3 2 # width height\n# maxval next\n1023\n0 1 2\n1023 512 7\n");
        RasterDataset ds = PgmReader.read(f);
        assertEquals(DataType.UINT16, ds.dataType(), "maxval 1023 needs 16 bits");
        assertEquals(1023, ((RasterU16) ds.band(0)).get(0, 1));
        assertEquals("1023", ds.metadata().get("maxval"));
        Path g = dir.resolve("d.pgm");
        Files.write(
                g,
                concat(
                        "P5 2 2 100\n".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {0, 100, 50, 1}));
        RasterDataset d = PgmReader.read(g);
        assertEquals(DataType.UINT8, d.dataType());
        assertEquals(100, ((RasterU8) d.band(0)).get(1, 0), "values are not rescaled by maxval");
    }

    /** The HRSC tile in shared/data opens with GDAL's values, pixel for pixel. */
    @Test
    void hrscHoldoutTileMatchesGdal() throws IOException {
        Path pgm = SharedData.require("craters/mars-hrsc-pycda/holdout_tile.pgm");
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        PngTest.gdalDump(dir, List.of(pgm));
        try (DecodedRasterSource src = PgmReader.open(pgm)) {
            assertEquals(1700, src.width());
            assertEquals(1700, src.height());
            assertEquals(DataType.UINT8, src.dataType());
            RasterDataset ds = src.readAll();
            Patterns.assertMatchesDump(
                    "holdout_tile.pgm",
                    ds.band(0),
                    0,
                    Patterns.readDump(dir.resolve("holdout_tile.pgm.ref")),
                    0);
        }
    }

    @Test
    void badPgmsGiveCleanErrorsNamingTheFile() throws IOException {
        String[][] cases = {
            {"P5\n4 4\n255\n" + "x".repeat(15), "truncated"},
            {"P5\n4 4\n0\n", "maxval 0"},
            {"P5\n4 4\n70000\n", "maxval 70000"},
            {"P2\n2 1\n10\n3 11\n", "sample 11"},
            {"P6\n2 1\n255\nabcdef", "not a PGM"},
            {"P5\nfour 4\n255\n", "width is not a number"},
            {"P5\n4", "height is missing"},
            {"P2\n2 2\n255\n1 2 3", "sample 3 is missing"},
            {"P5\n0 4\n255\n", "image size 0x4"},
        };
        int i = 0;
        for (String[] c : cases) {
            Path f = dir.resolve("bad" + i++ + ".pgm");
            Files.write(f, c[0].getBytes(StandardCharsets.ISO_8859_1));
            RasterFormatException e =
                    assertThrows(RasterFormatException.class, () -> PgmReader.read(f), c[1]);
            assertTrue(e.getMessage().startsWith(f.getFileName() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), c[1] + " -> " + e.getMessage());
        }
    }

    @Test
    void pgmHoldsOneIntegerBand() {
        Path f = dir.resolve("x.pgm");
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PgmWriter.write(
                                RasterDataset.of(Patterns.random(DataType.INT16, 2, 2, 1, 1)), f));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PgmWriter.write(
                                RasterDataset.of(Patterns.random(DataType.UINT8, 2, 2, 3, 1)), f));
        assertTrue(Files.notExists(f));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
