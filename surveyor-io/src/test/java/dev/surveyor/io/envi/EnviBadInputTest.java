package dev.surveyor.io.envi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelAnchor;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.io.raw.RawRasterSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed headers and data files give clean errors naming the file and the key or value. */
class EnviBadInputTest {
    @TempDir Path dir;

    static final String GOOD =
            """
            ENVI
            description = {test}
            samples = 4
            lines = 3
            bands = 2
            header offset = 0
            data type = 2
            interleave = bil
            byte order = 0
            map info = {UTM, 1, 1, 500000, 4600000, 30, 30, 33, North, WGS-84}
            band names = {
             a,
             b}
            """;

    private Path fixture(String header, long dataBytes) throws IOException {
        Files.writeString(dir.resolve("s.hdr"), header);
        Path data = dir.resolve("s.img");
        Files.write(data, new byte[(int) dataBytes]);
        return data;
    }

    private String error(String header, long dataBytes) throws IOException {
        Path data = fixture(header, dataBytes);
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> EnviReader.open(data).close());
        return e.getMessage();
    }

    @Test
    void goodFixtureOpens() throws IOException {
        try (RawRasterSource src = EnviReader.open(fixture(GOOD, 4 * 3 * 2 * 2))) {
            assertEquals(4, src.width());
            assertEquals(DataType.INT16, src.dataType());
            assertEquals("a,\n b", src.metadata().get("band names"));
        }
    }

    @Test
    void badHeaderValuesNameFileKeyAndValue() throws IOException {
        String[][] cases = {
            {"samples = 4", "samples = four", "samples = 'four'"},
            {"samples = 4", "samples = 0", "samples = 0"},
            {"samples = 4", "", "'samples' is missing"},
            {"lines = 3", "lines = -3", "lines = -3"},
            {"bands = 2", "bands = 99999999999", "bands = 99999999999"},
            {"data type = 2", "data type = 7", "data type = 7"},
            {"data type = 2", "data type = x", "data type = 'x'"},
            {"data type = 2", "", "'data type' is missing"},
            {"byte order = 0", "byte order = 2", "byte order = 2"},
            {"interleave = bil", "interleave = bsx", "interleave = 'bsx'"},
            {"header offset = 0", "header offset = -5", "header offset = -5"},
            {"30, 30, 33", "30, x, 33", "(pixel size y) = 'x' is not a number"},
            {"30, 30, 33", "0, 30, 33", "pixel size"},
            {
                "{UTM, 1, 1, 500000, 4600000, 30, 30, 33, North, WGS-84}",
                "{UTM, 1, 1}",
                "map info has 3 fields"
            },
            {"band names = {", "band names = {\n never closed", "no closing '}'"},
            {"ENVI\n", "ENVY\n", "not an ENVI header"},
        };
        for (String[] c : cases) {
            String header = GOOD.replace(c[0], c[1]);
            if (c[0].equals("band names = {")) {
                header =
                        GOOD.substring(0, GOOD.indexOf("band names")) + "band names = {\n a,\n b\n";
            }
            String msg = error(header, 48);
            assertTrue(msg.startsWith("s.hdr: "), c[1] + " -> " + msg);
            assertTrue(msg.contains(c[2]), c[1] + " -> " + msg);
        }
    }

    @Test
    void dataSizeDisagreeingWithHeaderNamesDataFile() throws IOException {
        for (long size : new long[] {0, 47, 49}) {
            String msg = error(GOOD, size);
            assertTrue(msg.startsWith("s.img: file has " + size + " bytes"), msg);
            assertTrue(msg.contains("need 48"), msg);
        }
    }

    @Test
    void missingCompanionFiles() throws IOException {
        Files.writeString(dir.resolve("lonely.hdr"), GOOD);
        NoSuchFileException e =
                assertThrows(
                        NoSuchFileException.class,
                        () -> EnviReader.open(dir.resolve("lonely.hdr")));
        assertTrue(e.getMessage().contains("lonely.hdr"), e.getMessage());
        Files.write(dir.resolve("alone.img"), new byte[48]);
        RasterFormatException f =
                assertThrows(
                        RasterFormatException.class,
                        () -> EnviReader.open(dir.resolve("alone.img")));
        assertTrue(f.getMessage().startsWith("alone.img: no ENVI header"), f.getMessage());
        assertThrows(NoSuchFileException.class, () -> EnviReader.open(dir.resolve("absent.img")));
    }

    @Test
    void headerNamedAfterFullDataNameIsFound() throws IOException {
        Files.writeString(dir.resolve("scene.dat.hdr"), GOOD);
        Files.write(dir.resolve("scene.dat"), new byte[48]);
        try (RawRasterSource src = EnviReader.open(dir.resolve("scene.dat"))) {
            assertEquals(2, src.numBands());
        }
        try (RawRasterSource src = EnviReader.open(dir.resolve("scene.dat.hdr"))) {
            assertEquals(dir.resolve("scene.dat"), src.path());
        }
    }

    @Test
    void nanNoDataAndRotationRoundTrip() throws IOException {
        double t = Math.toRadians(20);
        // GDAL's ENVI convention: [x0, sx cos t, sx sin t, y0, sy sin t, -sy cos t]
        GeoTransform gt =
                new GeoTransform(
                        1000,
                        10 * Math.cos(t),
                        10 * Math.sin(t),
                        2000,
                        20 * Math.sin(t),
                        -20 * Math.cos(t),
                        PixelAnchor.CORNER);
        MultiBandRaster m = Patterns.random(DataType.FLOAT32, 5, 4, 1, 9);
        RasterDataset ds =
                new RasterDataset(
                        m,
                        new GridGeometry(5, 4, gt, Crs.epsg(3857)),
                        OptionalDouble.of(Double.NaN),
                        Map.of());
        Path f = dir.resolve("rot.bin");
        EnviWriter.write(ds, f);
        String header = Files.readString(dir.resolve("rot.hdr"));
        assertTrue(header.contains("rotation="), header);
        assertTrue(header.contains("surveyor epsg = 3857"), header);
        assertTrue(header.contains("data ignore value = nan"), header);
        try (RawRasterSource src = EnviReader.open(f)) {
            assertArrayEquals(gt.toGdal(), src.geometry().orElseThrow().toCrs().toGdal(), 1e-9);
            assertEquals(3857, src.geometry().orElseThrow().crs().epsg());
            assertTrue(Double.isNaN(src.noData().orElseThrow()));
        }
    }

    @Test
    void shearCannotBeWrittenAndLeavesNothing() throws IOException {
        GeoTransform sheared = new GeoTransform(0, 1, 0.5, 0, 0, -1, PixelAnchor.CORNER);
        RasterDataset ds =
                RasterDataset.of(
                        Patterns.random(DataType.UINT8, 3, 3, 1, 1),
                        new GridGeometry(3, 3, sheared, null));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EnviWriter.write(ds, dir.resolve("s.img")));
        assertTrue(e.getMessage().contains("shear"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** When the header cannot be put in place, no data file is left behind and no temp files. */
    @Test
    void failedHeaderRenameLeavesNoDataFile() throws IOException {
        Path blocker = dir.resolve("x.hdr");
        Files.createDirectories(blocker.resolve("occupied"));
        RasterDataset ds = RasterDataset.of(Patterns.random(DataType.INT16, 6, 5, 2, 1));
        assertThrows(IOException.class, () -> EnviWriter.write(ds, dir.resolve("x.img")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(blocker), files.toList());
        }
    }

    @Test
    void headerPathIsRefused() {
        RasterDataset ds = RasterDataset.of(Patterns.random(DataType.INT16, 2, 2, 1, 1));
        assertThrows(
                IllegalArgumentException.class, () -> EnviWriter.write(ds, dir.resolve("x.hdr")));
    }
}
