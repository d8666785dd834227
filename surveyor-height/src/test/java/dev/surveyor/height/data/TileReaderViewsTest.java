package dev.surveyor.height.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extra views appended after the image bands by {@link TileReader#readTiles}. */
class TileReaderViewsTest {
    @TempDir Path dir;

    @Test
    void viewBandsFollowTheImageBandsInTheGivenOrder() throws Exception {
        List<String> names = ViewFixtures.write(dir, 32, 2);
        TileReader.TileSet plain = TileReader.readTiles(dir, List.of());
        TileReader.TileSet set = TileReader.readTiles(dir, List.of("dsm", "tlc"));
        assertEquals(4, set.imageBands());
        assertEquals(List.of(new InputView("dsm", 1), new InputView("tlc", 2)), set.views());
        assertEquals(names, set.tiles().stream().map(ImageHeightPair::name).toList());
        for (int t = 0; t < names.size(); t++) {
            ImageHeightPair p = set.tiles().get(t);
            ImageHeightPair q = plain.tiles().get(t);
            assertEquals(7, p.numBands());
            assertArrayEquals(q.heightM(), p.heightM());
            for (int b = 0; b < 4; b++) {
                assertArrayEquals(q.bands()[b], p.bands()[b], "image band " + b);
            }
            float[][] dsm =
                    TileReader.read(dir.resolve("dsm/dsm_" + names.get(t) + ".tif")).bands();
            float[][] tlc =
                    TileReader.read(dir.resolve("tlc/tlc_" + names.get(t) + ".tif")).bands();
            assertArrayEquals(dsm[0], p.bands()[4]);
            assertArrayEquals(tlc[0], p.bands()[5]);
            assertArrayEquals(tlc[1], p.bands()[6]);
            // known values: tlc band 0 = 300 + 5 h, band 1 = 200 + column, dsm = 1000 + row
            int i = 5 * 32 + 9;
            assertEquals(300 + 5 * q.heightM()[i], p.bands()[5][i], 1e-4);
            assertEquals(209f, p.bands()[6][i]);
            assertEquals(1005f, p.bands()[4][i]);
        }
        // without views: exactly the old reader
        List<ImageHeightPair> old = TileReader.readDataDir(dir);
        assertEquals(4, old.get(0).numBands());
        assertArrayEquals(old.get(1).bands()[3], plain.tiles().get(1).bands()[3]);
        assertTrue(plain.views().isEmpty());
    }

    @Test
    void viewOfAnotherSizeNamesBothFilesAndSizes() throws Exception {
        List<String> names = ViewFixtures.write(dir, 32, 2);
        Path bad = dir.resolve("tlc/tlc_" + names.get(1) + ".tif");
        ViewFixtures.writeRaster(bad, new RasterF32(32, 30), new RasterF32(32, 30));
        RasterFormatException e =
                assertThrows(
                        RasterFormatException.class,
                        () -> TileReader.readTiles(dir, List.of("tlc")));
        String m = e.getMessage();
        assertTrue(
                m.contains(bad.toString())
                        && m.contains("32x30")
                        && m.contains("img_" + names.get(1) + ".tif")
                        && m.contains("32x32")
                        && !m.contains("\n"),
                m);
        ImageHeightPair viaPair =
                TileReader.readPair(
                        dir.resolve("img/img_" + names.get(0) + ".tif"),
                        dir.resolve("lab/lab_" + names.get(0) + ".tif"),
                        List.of(dir.resolve("dsm/dsm_" + names.get(0) + ".tif")));
        assertEquals(5, viaPair.numBands());
        assertThrows(
                RasterFormatException.class,
                () ->
                        TileReader.readPair(
                                dir.resolve("img/img_" + names.get(1) + ".tif"),
                                dir.resolve("lab/lab_" + names.get(1) + ".tif"),
                                List.of(bad)));
    }

    @Test
    void missingViewFileNamesTheTileAndTheDirectory() throws Exception {
        List<String> names = ViewFixtures.write(dir, 32, 2);
        Files.delete(dir.resolve("tlc/tlc_" + names.get(1) + ".tif"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TileReader.readTiles(dir, List.of("tlc")));
        assertTrue(
                e.getMessage().contains(dir.resolve("tlc").toString())
                        && e.getMessage().contains(names.get(1)),
                e.getMessage());
        IllegalArgumentException noDir =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TileReader.readTiles(dir, List.of("nope")));
        assertTrue(noDir.getMessage().contains("nope"), noDir.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> TileReader.readTiles(dir, List.of("tlc", "tlc")));
        assertThrows(
                IllegalArgumentException.class, () -> TileReader.readTiles(dir, List.of("lab")));
        assertThrows(
                IllegalArgumentException.class, () -> TileReader.readTiles(dir, List.of("../x")));
    }

    @Test
    void viewWithAnotherBandCountInOneTileIsRejected() throws Exception {
        List<String> names = ViewFixtures.write(dir, 32, 2);
        Path odd = dir.resolve("tlc/tlc_" + names.get(1) + ".tif");
        ViewFixtures.writeRaster(odd, new RasterF32(32, 32));
        RasterFormatException e =
                assertThrows(
                        RasterFormatException.class,
                        () -> TileReader.readTiles(dir, List.of("tlc")));
        assertTrue(e.getMessage().contains(odd.toString()), e.getMessage());
    }

    @Test
    void zy3ThreeLineCameraViewsAppendThreeBands() throws Exception {
        Path zy3 = SharedData.require("height/zy3-beijing");
        TileReader.TileSet set = TileReader.readTiles(zy3, List.of("tlc"));
        assertEquals(List.of(new InputView("tlc", 3)), set.views());
        assertEquals(4, set.imageBands());
        ImageHeightPair t = set.tiles().get(0);
        assertEquals("bj0216", t.name());
        assertEquals(7, t.numBands());
        // gdalinfo -stats tlc_bj0216.tif: per-band mean and range (nadir, forward, backward)
        double[] mean = {332.552, 316.423, 325.673};
        double[][] range = {{155, 950}, {157, 946}, {184, 950}};
        for (int b = 0; b < 3; b++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : t.bands()[4 + b]) {
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            assertEquals(mean[b], sum / t.bands()[4 + b].length, 0.001, "band " + b);
            assertEquals(range[b][0], lo, 0.0);
            assertEquals(range[b][1], hi, 0.0);
        }
    }
}
