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

    /** A 96x80 synthetic scene's image. */
    private Path scene() throws Exception {
        ConfigSyntheticScene sc = new ConfigSyntheticScene();
        sc.widthPx = 96;
        sc.heightPx = 80;
        sc.seed = 5;
        String name = SyntheticSceneFiles.writeDataDir(tmp.resolve("data"), sc, 1).get(0);
        return tmp.resolve("data/img/img_" + name + ".tif");
    }

    /** A tiny random-weight MRFED for {@code image}, saved with each prediction default. */
    private static void tiny(Path image, Map<Path, DihedralSet> dirs) throws Exception {
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 4;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        String name = image.getFileName().toString().replaceFirst("^img_(.*)\\.tif$", "$1");
        Path lab = image.getParent().resolveSibling("lab/lab_" + name + ".tif");
        BandNormalization norm = BandNormalization.fit(List.of(TileReader.readPair(image, lab)));
        try (HeightModel m = HeightModel.create(net, norm, 10)) {
            for (Map.Entry<Path, DihedralSet> d : dirs.entrySet()) {
                m.save(
                        d.getKey(),
                        m.card(List.of(name), List.of(), "test", 0, 0, Map.of(), d.getValue()));
            }
        }
    }

    @Test
    void modelDefaultAppliesUnlessOverridden() throws Exception {
        Path image = scene();
        Path plain = tmp.resolve("plain");
        Path d4 = tmp.resolve("d4");
        Map<Path, DihedralSet> dirs = new java.util.LinkedHashMap<>();
        dirs.put(plain, DihedralSet.NONE);
        dirs.put(d4, DihedralSet.D4);
        tiny(image, dirs);
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

    @Test
    void anEnsemblePredictsTheMeanOfItsMembersEachWithItsDefault() throws Exception {
        Path image = scene();
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), ens = tmp.resolve("ens");
        DihedralSet rows = DihedralSet.parse("identity,flip-rows");
        tiny(image, Map.of(a, rows));
        tiny(image, Map.of(b, DihedralSet.NONE));
        String[] write = {
            "height",
            "ensemble",
            "--model",
            a.toString(),
            "--model",
            b.toString(),
            "--out",
            ens.toString()
        };
        StringWriter err = new StringWriter();
        assertEquals(0, HeightViewsCommandTest.run(err, write), err.toString());
        float[] pa = predict(a, image), pb = predict(b, image), pe = predict(ens, image);
        assertFalse(Arrays.equals(pa, pb), "two random initialisations");
        for (int i = 0; i < pe.length; i++) {
            assertEquals((pa[i] + pb[i]) / 2, pe[i], 1e-5, "pixel " + i);
        }
        float[] plainA = predict(a, image, "--no-tta");
        float[] pePlain = predict(ens, image, "--no-tta");
        assertEquals((plainA[7] + pb[7]) / 2, pePlain[7], 1e-5, "--no-tta for every member");

        StringWriter err2 = new StringWriter();
        assertEquals(2, HeightViewsCommandTest.run(err2, write), "the ensemble exists");
        String msg = err2.toString().strip();
        assertTrue(msg.contains(ens + ": exists"), msg);
        assertEquals(1, msg.lines().count(), msg);
    }
}
