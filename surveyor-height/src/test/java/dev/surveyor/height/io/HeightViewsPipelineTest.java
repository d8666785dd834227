package dev.surveyor.height.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.data.TileReader;
import dev.surveyor.height.data.TileSplit;
import dev.surveyor.height.data.ViewFixtures;
import dev.surveyor.height.nn.Architecture;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.height.predict.TiledHeightPredictor;
import dev.surveyor.height.train.ConfigHeightTraining;
import dev.surveyor.height.train.HeightTrainer;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny model trained for a few steps on image + {@code tlc} view bands records the view in {@code
 * model.json}; predicting files with the view file equals predicting the appended bands in memory;
 * predicting without it, or with a wrong view file, fails naming the model and the view.
 */
class HeightViewsPipelineTest {
    @TempDir Path dir;

    static ConfigHeightTraining tiny() {
        ConfigHeightTraining t = new ConfigHeightTraining();
        t.net.architecture = Architecture.MRFED;
        t.net.widthMultiplier = 1.0 / 16;
        t.net.sizePreservingBlocks = 0;
        t.cropPx = 64;
        t.batchSize = 1;
        t.epochs = 1;
        t.stepsPerEpoch = 2;
        t.seed = 3;
        return t;
    }

    /** Trains {@code t} on {@code tiles} with tile {@code val} for validation into {@code out}. */
    private static void train(
            ConfigHeightTraining t, List<ImageHeightPair> tiles, String val, Path out)
            throws Exception {
        HeightTrainer.create(t)
                .train(
                        TileSplit.byName(tiles, java.util.Set.of(val)),
                        out,
                        null,
                        false,
                        "test",
                        ProgressListener.NONE,
                        r -> {});
    }

    @Test
    void trainWithViewsThenPredictFilesEqualsTheLibraryPath() throws Exception {
        LearnEngine.start(1);
        Path data = dir.resolve("data");
        List<String> names = ViewFixtures.write(data, 64, 2);
        TileReader.TileSet set = TileReader.readTiles(data, List.of("tlc"));
        ConfigHeightTraining t = tiny();
        t.views = set.views();
        Path modelDir = dir.resolve("model");
        train(t, set.tiles(), names.get(1), modelDir);
        JsonNode json = new ObjectMapper().readTree(modelDir.resolve("model.json").toFile());
        assertEquals(6, json.path("inputBands").asInt());
        assertEquals("tlc", json.path("views").path(0).path("name").asText());
        assertEquals(2, json.path("views").path(0).path("bands").asInt());
        assertEquals(6, json.path("bandMean").size());
        ModelCard card = HeightModel.readCard(modelDir);
        assertEquals(List.of(new InputView("tlc", 2)), card.views());
        // the view bands are normalised too: tlc band 1 = 200 + column over 64 columns
        assertEquals(231.5, card.bandMean()[5], 1e-6);

        ImageHeightPair tile = set.tiles().get(1);
        Path image = data.resolve("img/img_" + names.get(1) + ".tif");
        Path tlc = data.resolve("tlc/tlc_" + names.get(1) + ".tif");
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = 32;
        c.overlapPx = 8;
        Path out = dir.resolve("h.tif");
        try (HeightModel m = HeightModel.load(modelDir)) {
            assertEquals(4, m.imageBands());
            List<Path> files = HeightPipelines.viewFiles(modelDir, m.views(), Map.of("tlc", tlc));
            assertEquals(List.of(tlc), files);
            HeightPipelines.predictFile(m, image, files, out, null, 60, c, ProgressListener.NONE);
            RasterF32[] bands = new RasterF32[tile.numBands()];
            for (int b = 0; b < bands.length; b++) {
                bands[b] = new RasterF32(tile.bands()[b], 64, 64, 0, 64);
            }
            RasterF32 lib =
                    TiledHeightPredictor.create(c)
                            .predict(m, MultiBandRaster.of(bands), OptionalDouble.empty());
            RasterF32 file = HeightPipelines.readHeight(out);
            assertArrayEquals(lib.data(), file.data());

            // the view reaches the network: another view gives another prediction
            float[] bump = tile.bands()[4].clone();
            for (int i = 0; i < bump.length; i++) {
                bump[i] += 500;
            }
            Path tlc2 = dir.resolve("tlc2.tif");
            ViewFixtures.writeRaster(
                    tlc2,
                    new RasterF32(bump, 64, 64, 0, 64),
                    new RasterF32(tile.bands()[5], 64, 64, 0, 64));
            Path out2 = dir.resolve("h2.tif");
            HeightPipelines.predictFile(
                    m, image, List.of(tlc2), out2, null, 60, c, ProgressListener.NONE);
            assertFalse(
                    Arrays.equals(file.data(), HeightPipelines.readHeight(out2).data()),
                    "view bands must change the prediction");

            // without the view: the model dir and the view are named
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> HeightPipelines.viewFiles(modelDir, m.views(), Map.of()));
            assertTrue(
                    e.getMessage().contains(modelDir.toString())
                            && e.getMessage().contains("'tlc'")
                            && !e.getMessage().contains("\n"),
                    e.getMessage());
            IllegalArgumentException e2 =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    HeightPipelines.predictFile(
                                            m,
                                            image,
                                            List.of(),
                                            dir.resolve("x.tif"),
                                            null,
                                            60,
                                            c,
                                            ProgressListener.NONE));
            assertTrue(
                    e2.getMessage().contains(modelDir.toString())
                            && e2.getMessage().contains("tlc"),
                    e2.getMessage());
            IllegalArgumentException unknown =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    HeightPipelines.viewFiles(
                                            modelDir, m.views(), Map.of("tlc", tlc, "dsm", tlc)));
            assertTrue(unknown.getMessage().contains("'dsm'"), unknown.getMessage());
            // a view file with the wrong band count or size
            Path dsm = data.resolve("dsm/dsm_" + names.get(1) + ".tif");
            IllegalArgumentException bands1 =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    HeightPipelines.predictFile(
                                            m,
                                            image,
                                            List.of(dsm),
                                            dir.resolve("x.tif"),
                                            null,
                                            60,
                                            c,
                                            ProgressListener.NONE));
            assertTrue(
                    bands1.getMessage().contains("'tlc'")
                            && bands1.getMessage().contains("1 bands")
                            && bands1.getMessage().contains(modelDir.toString()),
                    bands1.getMessage());
            Path small = dir.resolve("small.tif");
            ViewFixtures.writeRaster(small, new RasterF32(40, 64), new RasterF32(40, 64));
            IllegalArgumentException size =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    HeightPipelines.predictFile(
                                            m,
                                            image,
                                            List.of(small),
                                            dir.resolve("x.tif"),
                                            null,
                                            60,
                                            c,
                                            ProgressListener.NONE));
            assertTrue(size.getMessage().contains("40x64"), size.getMessage());
            assertFalse(Files.exists(dir.resolve("x.tif")));
        }
    }

    @Test
    void zy3ThreeLineCameraViewsTrainAndPredict() throws Exception {
        Path zy3 = SharedData.require("height/zy3-beijing");
        LearnEngine.start(1);
        TileReader.TileSet set = TileReader.readTiles(zy3, List.of("tlc"));
        List<ImageHeightPair> two =
                set.tiles().stream()
                        .filter(p -> p.name().equals("bj0216") || p.name().equals("bj0317"))
                        .toList();
        ConfigHeightTraining t = tiny();
        t.views = set.views();
        Path modelDir = dir.resolve("zy3");
        train(t, two, "bj0317", modelDir);
        ModelCard card = HeightModel.readCard(modelDir);
        assertEquals(7, card.inputBands());
        assertEquals(List.of(new InputView("tlc", 3)), card.views());
        ImageHeightPair val = two.get(1);
        Path out = dir.resolve("bj0317.tif");
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        try (HeightModel m = HeightModel.load(modelDir)) {
            HeightPipelines.predictFile(
                    m,
                    zy3.resolve("img/img_bj0317.tif"),
                    List.of(zy3.resolve("tlc/tlc_bj0317.tif")),
                    out,
                    null,
                    60,
                    c,
                    ProgressListener.NONE);
            RasterF32[] bands = new RasterF32[7];
            for (int b = 0; b < 7; b++) {
                bands[b] = new RasterF32(val.bands()[b], 400, 400, 0, 400);
            }
            RasterF32 lib =
                    TiledHeightPredictor.create(c)
                            .predict(m, MultiBandRaster.of(bands), OptionalDouble.empty());
            assertArrayEquals(lib.data(), HeightPipelines.readHeight(out).data());
        }
    }

    @Test
    void trainingWithoutViewsWritesNoViewsKey() throws Exception {
        LearnEngine.start(1);
        Path data = dir.resolve("data");
        ViewFixtures.write(data, 64, 1);
        List<ImageHeightPair> tiles = TileReader.readDataDir(data);
        Path modelDir = dir.resolve("model");
        HeightTrainer.create(tiny())
                .train(
                        new TileSplit(tiles, List.of()),
                        modelDir,
                        null,
                        false,
                        "test",
                        ProgressListener.NONE,
                        r -> {});
        String json = Files.readString(modelDir.resolve("model.json"));
        assertFalse(json.contains("\"views\""), json);
        assertFalse(json.contains("imageBands"), json);
        assertEquals(4, HeightModel.readCard(modelDir).inputBands());
        // a views model cannot fine-tune from a model without them
        ConfigHeightTraining t = tiny();
        TileReader.TileSet set = TileReader.readTiles(data, List.of("tlc"));
        t.views = set.views();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                HeightTrainer.create(t)
                                        .train(
                                                new TileSplit(set.tiles(), List.of()),
                                                dir.resolve("ft"),
                                                modelDir,
                                                false,
                                                "test",
                                                ProgressListener.NONE,
                                                r -> {}));
        assertTrue(e.getMessage().contains(modelDir.toString()), e.getMessage());
    }
}
