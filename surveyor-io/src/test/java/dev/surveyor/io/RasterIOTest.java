package dev.surveyor.io;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.io.raw.RawLayout;
import dev.surveyor.io.raw.SampleFormat;
import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format dispatcher: by magic bytes and names on reading, by extension on writing. */
class RasterIOTest {
    @TempDir Path dir;

    private static RasterDataset dataset(DataType t, int bands) {
        MultiBandRaster m = Patterns.random(t, 9, 7, bands, 5);
        GridGeometry g =
                new GridGeometry(
                        9, 7, GeoTransform.northUp(500000, 4600000, 30, 30), Crs.epsg(32633));
        return new RasterDataset(m, g, OptionalDouble.empty(), Map.of());
    }

    @Test
    void writeThenReadByExtension() throws IOException {
        Object[][] cases = {
            {"a.img", DataType.FLOAT32, 2, "ENVI"},
            {"b.bin", DataType.COMPLEX64, 1, "ENVI"},
            {"c.dat", DataType.INT16, 3, "ENVI"},
            {"a.png", DataType.UINT16, 3, "PNG"},
            {"a.pgm", DataType.UINT8, 1, "PNM"},
            {"a.tif", DataType.FLOAT32, 2, "GTiff"},
        };
        for (Object[] c : cases) {
            Path f = dir.resolve((String) c[0]);
            RasterDataset ds = dataset((DataType) c[1], (Integer) c[2]);
            RasterIO.write(ds, f);
            try (RasterSource src = RasterIO.open(f)) {
                assertEquals(c[3], src.formatName(), f.toString());
                IllegalArgumentException e =
                        assertThrows(
                                IllegalArgumentException.class, () -> src.readBand(0, 5, 5, 5, 5));
                assertTrue(e.getMessage().startsWith(f.getFileName() + ": window"), e.getMessage());
            }
            RasterDataset back = RasterIO.read(f);
            assertEquals(ds.dataType(), back.dataType(), f.toString());
            for (int b = 0; b < ds.numBands(); b++) {
                assertRasterEquals(ds.band(b), back.band(b), 0, 0);
            }
            if (!c[3].equals("PNG") && !c[3].equals("PNM")) {
                assertArrayEquals(
                        ds.geometry().toCrs().toGdal(),
                        back.geometry().toCrs().toGdal(),
                        1e-9,
                        f.toString());
                assertEquals(32633, back.geometry().crs().epsg(), f.toString());
            }
        }
        // the ENVI header opens too
        assertEquals("ENVI", RasterIO.open(dir.resolve("a.hdr")).formatName());
    }

    @Test
    void magicBytesWinOverTheName() throws IOException {
        Path png = dir.resolve("looks.png");
        RasterIO.write(dataset(DataType.UINT8, 1), png);
        Path renamed = dir.resolve("actually-png.bin");
        Files.copy(png, renamed);
        try (RasterSource src = RasterIO.open(renamed)) {
            assertEquals("PNG", src.formatName());
        }
    }

    @Test
    void opensGdalGeoTiff() throws IOException {
        ExternalTools.requireGdal();
        Path tif = dir.resolve("g.tif");
        ExternalTools.check(
                "gdal_create",
                "-of",
                "GTiff",
                "-outsize",
                "5",
                "4",
                "-bands",
                "2",
                "-ot",
                "Int16",
                "-burn",
                "42",
                "-a_srs",
                "EPSG:32633",
                "-a_ullr",
                "0",
                "40",
                "50",
                "0",
                tif.toString());
        try (RasterSource src = RasterIO.open(tif)) {
            assertEquals("GTiff", src.formatName());
            assertEquals(42, src.readBand(1, 4, 3, 1, 1).getDouble(0, 0));
        }
    }

    @Test
    void unknownMissingAndFolderGiveCleanErrors() throws IOException {
        Path junk = dir.resolve("x.xyz");
        Files.writeString(junk, "no raster here");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> RasterIO.open(junk));
        assertTrue(e.getMessage().startsWith("x.xyz: unknown raster format"), e.getMessage());
        Path hdr = dir.resolve("y.hdr");
        Files.writeString(hdr, "not envi");
        e = assertThrows(RasterFormatException.class, () -> RasterIO.open(hdr));
        assertTrue(e.getMessage().startsWith("y.hdr: "), e.getMessage());
        NoSuchFileException n =
                assertThrows(
                        NoSuchFileException.class, () -> RasterIO.read(dir.resolve("gone.tif")));
        assertTrue(n.getMessage().contains("gone.tif"), n.getMessage());
        e = assertThrows(RasterFormatException.class, () -> RasterIO.open(dir));
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
        IllegalArgumentException a =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RasterIO.write(dataset(DataType.UINT8, 1), dir.resolve("z.jpg")));
        assertTrue(a.getMessage().startsWith("z.jpg: "), a.getMessage());
        assertTrue(Files.notExists(dir.resolve("z.jpg")));
    }

    @Test
    void rawNeedsItsLayout() throws IOException {
        Path f = dir.resolve("amp.raw");
        RasterDataset ds = dataset(DataType.FLOAT32, 1);
        dev.surveyor.io.raw.RawWriter.write(
                ds.raster(), f, RawLayout.of(9, 7, SampleFormat.FLOAT32));
        assertThrows(RasterFormatException.class, () -> RasterIO.open(f));
        try (RasterSource src = RasterIO.openRaw(f, RawLayout.of(9, 7, SampleFormat.FLOAT32))) {
            assertEquals("RAW", src.formatName());
            assertRasterEquals(ds.band(0), src.readBand(0, 0, 0, 9, 7), 0, 0);
        }
    }
}
