package dev.surveyor.cli.height;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.TileReader;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
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
            m.save(plain, m.card(List.of(name), List.of(), "test", 0, 0, Map.of(), null));
            m.save(d4, m.card(List.of(name), List.of(), "test", 0, 0, Map.of(), ModelCard.D4));
        }
        float[] off = predict(plain, image);
        float[] on = predict(plain, image, "--tta");
        assertFalse(Arrays.equals(off, on), "the 8 flips change a random network's output");
        assertArrayEquals(on, predict(d4, image));
        assertArrayEquals(off, predict(d4, image, "--no-tta"));
    }
}
