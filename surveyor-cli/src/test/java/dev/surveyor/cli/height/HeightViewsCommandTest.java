package dev.surveyor.cli.height;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.data.TileReader;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import dev.surveyor.io.RasterIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code height train --views} and {@code height predict --view NAME=FILE} on two small synthetic
 * tiles with a 2-band {@code tlc} view ({@code 300 + 5 * height}, {@code 200 + column}).
 */
class HeightViewsCommandTest {
    @TempDir Path tmp;

    /** Runs the CLI (stderr into err, stdout dropped) and returns its exit code. */
    static int run(StringWriter err, String... args) {
        var cl = SurveyorCli.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private List<String> writeData(Path dir) throws Exception {
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = 64;
        c.heightPx = 64;
        c.buildingCoverFraction = 0.4;
        c.maxBuildingSideM = 30;
        c.seed = 11;
        List<String> names = SyntheticSceneFiles.writeDataDir(dir, c, 2);
        Files.createDirectories(dir.resolve("tlc"));
        for (String n : names) {
            float[] h = TileReader.read(dir.resolve("lab/lab_" + n + ".tif")).bands()[0];
            RasterF32 a = new RasterF32(64, 64);
            RasterF32 b = new RasterF32(64, 64);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    a.set(x, y, 300 + 5 * h[y * 64 + x]);
                    b.set(x, y, 200 + x);
                }
            }
            RasterIO.write(
                    RasterDataset.of(MultiBandRaster.of(a, b)),
                    dir.resolve("tlc/tlc_" + n + ".tif"));
        }
        return names;
    }

    @Test
    void trainWithViewsPredictWithViewAndRefuseWithout() throws Exception {
        Path data = tmp.resolve("data");
        List<String> names = writeData(data);
        Path model = tmp.resolve("model");
        StringWriter err = new StringWriter();
        int code =
                run(
                        err,
                        "height",
                        "train",
                        "--data",
                        data.toString(),
                        "--views",
                        "tlc",
                        "--val",
                        names.get(1),
                        "--out",
                        model.toString(),
                        "--epochs",
                        "1",
                        "--steps",
                        "2",
                        "--batch",
                        "1",
                        "--crop",
                        "64",
                        "--width",
                        "0.0625",
                        "--keep-blocks",
                        "0",
                        "--threads",
                        "1",
                        "--no-augment");
        assertEquals(0, code, err.toString());
        JsonNode card = new ObjectMapper().readTree(model.resolve("model.json").toFile());
        assertEquals(6, card.path("inputBands").asInt());
        assertEquals("tlc", card.path("views").path(0).path("name").asText());
        assertEquals(2, card.path("views").path(0).path("bands").asInt());
        assertTrue(
                card.path("command").asText().startsWith("surveyor height train --data " + data),
                card.path("command").asText());

        Path image = data.resolve("img/img_" + names.get(1) + ".tif");
        Path tlc = data.resolve("tlc/tlc_" + names.get(1) + ".tif");
        Path out = tmp.resolve("h.tif");
        code =
                run(
                        err,
                        "height",
                        "predict",
                        "--model",
                        model.toString(),
                        "--image",
                        image.toString(),
                        "--view",
                        "tlc=" + tlc,
                        "--out",
                        out.toString(),
                        "--tile",
                        "32",
                        "--overlap",
                        "8",
                        "--threads",
                        "1");
        assertEquals(0, code, err.toString());
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = 32;
        c.overlapPx = 8;
        Path lib = tmp.resolve("lib.tif");
        try (HeightModel m = HeightModel.load(model)) {
            HeightPipelines.predictFile(
                    m, image, List.of(tlc), lib, null, 60, c, ProgressListener.NONE);
        }
        assertArrayEquals(
                HeightPipelines.readHeight(lib).data(), HeightPipelines.readHeight(out).data());

        // without the view: exit 2, one line naming the model directory and the view
        StringWriter e2 = new StringWriter();
        code =
                run(
                        e2,
                        "height",
                        "predict",
                        "--model",
                        model.toString(),
                        "--image",
                        image.toString(),
                        "--out",
                        tmp.resolve("x.tif").toString());
        assertEquals(2, code, e2.toString());
        String msg = e2.toString().strip();
        assertTrue(
                msg.contains(model.toString()) && msg.contains("'tlc'") && !msg.contains("\n"),
                msg);
        // a view the model does not have, and a view file with the wrong band count
        StringWriter e3 = new StringWriter();
        code =
                run(
                        e3,
                        "height",
                        "predict",
                        "--model",
                        model.toString(),
                        "--image",
                        image.toString(),
                        "--view",
                        "tlc=" + tlc,
                        "--view",
                        "dsm=" + tlc,
                        "--out",
                        tmp.resolve("x.tif").toString());
        assertEquals(2, code, e3.toString());
        assertTrue(e3.toString().contains("'dsm'"), e3.toString());
        StringWriter e4 = new StringWriter();
        code =
                run(
                        e4,
                        "height",
                        "predict",
                        "--model",
                        model.toString(),
                        "--image",
                        image.toString(),
                        "--view",
                        "tlc=" + image,
                        "--out",
                        tmp.resolve("x.tif").toString());
        assertEquals(2, code, e4.toString());
        assertTrue(
                e4.toString().contains("'tlc'") && e4.toString().contains("4 bands"),
                e4.toString());
        assertTrue(!Files.exists(tmp.resolve("x.tif")));
    }

    @Test
    void missingViewDirectoryOrFileIsBadInput() throws Exception {
        Path data = tmp.resolve("data");
        List<String> names = writeData(data);
        StringWriter err = new StringWriter();
        int code =
                run(
                        err,
                        "height",
                        "train",
                        "--data",
                        data.toString(),
                        "--views",
                        "tlc,nope",
                        "--out",
                        tmp.resolve("m").toString(),
                        "--epochs",
                        "1",
                        "--steps",
                        "1");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("nope"), err.toString());
        Files.delete(data.resolve("tlc/tlc_" + names.get(0) + ".tif"));
        StringWriter e2 = new StringWriter();
        code =
                run(
                        e2,
                        "height",
                        "train",
                        "--data",
                        data.toString(),
                        "--views",
                        "tlc",
                        "--out",
                        tmp.resolve("m").toString(),
                        "--epochs",
                        "1",
                        "--steps",
                        "1");
        assertEquals(2, code, e2.toString());
        assertTrue(
                e2.toString().contains(names.get(0))
                        && e2.toString().contains(data.resolve("tlc").toString()),
                e2.toString());
    }

    @Test
    void helpDescribesTheViewOptions() {
        var cl = SurveyorCli.newCommandLine();
        String train =
                cl.getSubcommands().get("height").getSubcommands().get("train").getUsageMessage();
        String predict =
                cl.getSubcommands().get("height").getSubcommands().get("predict").getUsageMessage();
        assertTrue(train.contains("--views") && train.contains("tlc"), train);
        assertTrue(predict.contains("--view") && predict.contains("NAME=FILE"), predict);
    }
}
