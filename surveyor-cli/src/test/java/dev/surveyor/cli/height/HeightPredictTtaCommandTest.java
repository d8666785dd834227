package dev.surveyor.cli.height;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.TileReader;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code height predict} takes its test-time augmentation from {@code model.json} unless {@code
 * --tta} or {@code --no-tta} says otherwise (a tiny random-weight MRFED on a synthetic scene).
 */
class HeightPredictTtaCommandTest {
    @TempDir Path tmp;

    private float[] predict(Path model, Path image, String... extra) throws Exception {
        Path out = tmp.resolve("h" + extra.length + String.join("", extra) + ".tif");
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "height",
                                "predict",
                                "--model",
                                model.toString(),
                                "--image",
                                image.toString(),
                                "--out",
                                out.toString(),
                                "--tile",
                                "64",
                                "--overlap",
                                "16",
                                "--threads",
                                "1"));
        args.addAll(Arrays.asList(extra));
        StringWriter err = new StringWriter();
        assertEquals(
                0, HeightViewsCommandTest.run(err, args.toArray(String[]::new)), err.toString());
        return HeightPipelines.readHeight(out).data();
    }

    @Test
    void modelDefaultAppliesUnlessOverridden() throws Exception {
        ConfigSyntheticScene sc = new ConfigSyntheticScene();
        sc.widthPx = 96;
        sc.heightPx = 80;
        sc.seed = 5;
        String name = SyntheticSceneFiles.writeDataDir(tmp.resolve("data"), sc, 1).get(0);
        Path image = tmp.resolve("data/img/img_" + name + ".tif");
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 4;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        BandNormalization norm =
                BandNormalization.fit(
                        List.of(
                                TileReader.readPair(
                                        image, tmp.resolve("data/lab/lab_" + name + ".tif"))));
        Path plain = tmp.resolve("plain");
        Path d4 = tmp.resolve("d4");
        try (HeightModel m = HeightModel.create(net, norm, 10)) {
            m.save(
                    plain,
                    m.card(List.of(name), List.of(), "test", 0, 0, Map.of(), DihedralSet.NONE));
            m.save(d4, m.card(List.of(name), List.of(), "test", 0, 0, Map.of(), DihedralSet.D4));
        }
        float[] off = predict(plain, image);
        float[] on = predict(plain, image, "--tta");
        assertFalse(Arrays.equals(off, on), "the 8 flips change a random network's output");
        assertArrayEquals(on, predict(d4, image));
        assertArrayEquals(off, predict(d4, image, "--no-tta"));
        float[] rows = predict(plain, image, "--tta", "identity,flip-rows");
        assertFalse(Arrays.equals(rows, off) || Arrays.equals(rows, on), "two of the eight");

        StringWriter err = new StringWriter();
        String[] both = {
            "height",
            "predict",
            "--model",
            d4.toString(),
            "--image",
            image.toString(),
            "--out",
            tmp.resolve("x.tif").toString(),
            "--tta",
            "d4",
            "--no-tta"
        };
        assertEquals(2, HeightViewsCommandTest.run(err, both));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("x.tif")));
        StringWriter err2 = new StringWriter();
        String[] unknown = Arrays.copyOf(both, both.length - 1);
        unknown[unknown.length - 1] = "flip";
        assertEquals(2, HeightViewsCommandTest.run(err2, unknown));
        assertTrue(err2.toString().contains("transform set 'flip'"), err2.toString());
    }
}
