package dev.surveyor.height.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.learn.LearnEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HeightEnsemble}: the prediction is the mean of the members' (each with its own test-time
 * augmentation default), the directory round-trips, and bad ensembles are refused whole.
 */
class HeightEnsembleTest {
    @TempDir Path tmp;

    private static final int W = 40;
    private static final int H = 36;

    /** A tiny random-weight MRFED saved in {@code dir}. */
    private static void tiny(Path dir, int bands, long seed, DihedralSet tta, List<InputView> views)
            throws Exception {
        LearnEngine.seed(seed);
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = bands;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        double[] mean = new double[bands];
        double[] std = new double[bands];
        java.util.Arrays.fill(mean, 100);
        java.util.Arrays.fill(std, 10 + seed);
        try (HeightModel m = HeightModel.create(net, new BandNormalization(mean, std), 10, views)) {
            m.save(
                    dir,
                    m.card(List.of("t" + seed), List.of(), "train " + seed, 1, 0, Map.of(), tta));
        }
    }

    private static float[][] window(int bands) {
        Random r = new Random(5);
        float[][] b = new float[bands][W * H];
        for (float[] band : b) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (float) (100 + 10 * r.nextGaussian());
            }
        }
        return b;
    }

    private static float[] predict(Path dir, DihedralSet tta, float[][] bands) throws Exception {
        try (HeightPredictor p = HeightPredictor.load(dir)) {
            return p.predictWindow(bands, W, H, tta);
        }
    }

    private static float[] mean(float[] a, float[] b) {
        float[] m = new float[a.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (a[i] + b[i]) / 2;
        }
        return m;
    }

    @Test
    void predictionIsTheMeanOfTheMembersEachWithItsOwnDefault() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), e = tmp.resolve("models/ens");
        DihedralSet rows = DihedralSet.parse("identity,flip-rows");
        tiny(a, 2, 1, rows, List.of());
        tiny(b, 2, 2, DihedralSet.NONE, List.of());
        HeightEnsemble.write(List.of(a, b), e, "surveyor height ensemble ...");

        EnsembleCard card = HeightEnsemble.readCard(e);
        assertEquals(List.of("member-1", "member-2"), card.members());
        assertEquals(List.of(a.toString(), b.toString()), card.sources());
        assertEquals("surveyor height ensemble ...", card.command());
        assertArrayEquals(
                Files.readAllBytes(b.resolve(HeightModel.PARAMS_FILE)),
                Files.readAllBytes(e.resolve("member-2").resolve(HeightModel.PARAMS_FILE)));
        List<ModelCard> cards = HeightPredictor.readCards(e);
        assertEquals(
                List.of("train 1", "train 2"), cards.stream().map(ModelCard::command).toList());
        assertTrue(HeightPredictor.isModelDirectory(e));
        try (var s = Files.list(e.getParent())) {
            assertEquals(1, s.count(), "no temporary directory left beside the ensemble");
        }

        float[][] x = window(2);
        float[] pa = predict(a, null, x), pb = predict(b, null, x);
        assertFalse(java.util.Arrays.equals(pa, pb), "two different members");
        assertArrayEquals(
                predict(a, rows, x), pa, 0f, "a loaded model predicts with its card's default");
        assertArrayEquals(mean(pa, pb), predict(e, null, x), 1e-5f);
        float[] plain = mean(predict(a, DihedralSet.NONE, x), pb);
        assertArrayEquals(plain, predict(e, DihedralSet.NONE, x), 1e-5f, "one set for all");
        assertFalse(java.util.Arrays.equals(plain, predict(e, null, x)), "a's flip-rows counts");
        try (HeightPredictor p = HeightPredictor.load(e)) {
            assertEquals(2, p.imageBands());
            assertEquals(e, p.directory().orElseThrow());
        }
    }

    @Test
    void badEnsemblesAreRefusedAndLeaveNothing() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), v = tmp.resolve("v");
        tiny(a, 2, 1, DihedralSet.NONE, List.of());
        tiny(b, 2, 2, DihedralSet.NONE, List.of());
        tiny(v, 3, 3, DihedralSet.NONE, List.of(new InputView("pan", 1)));

        Path out = tmp.resolve("e");
        IllegalArgumentException one =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HeightEnsemble.write(List.of(a), out, "c"));
        assertTrue(one.getMessage().contains("at least two models, got 1"), one.getMessage());
        IllegalArgumentException views =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HeightEnsemble.write(List.of(a, v), out, "c"));
        assertTrue(
                views.getMessage().startsWith(v.resolve("model.json").toString())
                        && views.getMessage().contains("inputBands 3"),
                views.getMessage());
        assertFalse(Files.exists(out));

        HeightEnsemble.write(List.of(a, b), out, "c");
        byte[] before = Files.readAllBytes(out.resolve(HeightEnsemble.CARD_FILE));
        IllegalArgumentException exists =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HeightEnsemble.write(List.of(b, a), out, "c"));
        assertTrue(exists.getMessage().contains(out + ": exists"), exists.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out.resolve(HeightEnsemble.CARD_FILE)));

        IllegalArgumentException nested =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HeightEnsemble.write(List.of(out, a), tmp.resolve("e2"), "c"));
        assertTrue(nested.getMessage().contains("an ensemble"), nested.getMessage());
        IllegalArgumentException single =
                assertThrows(IllegalArgumentException.class, () -> HeightModel.load(out));
        assertTrue(single.getMessage().contains("not one model"), single.getMessage());

        Files.writeString(
                out.resolve(HeightEnsemble.CARD_FILE),
                "{\"format\":\"surveyor-height-ensemble/1\",\"members\":[\"member-1\",\"../a\"]}");
        RasterFormatException outside =
                assertThrows(RasterFormatException.class, () -> HeightPredictor.load(out));
        assertTrue(
                outside.getMessage().contains(HeightEnsemble.CARD_FILE)
                        && outside.getMessage().contains("\"../a\" is not a sub-directory"),
                outside.getMessage());
        Files.writeString(out.resolve(HeightEnsemble.CARD_FILE), "{\"format\":\"x\"}");
        RasterFormatException format =
                assertThrows(RasterFormatException.class, () -> HeightPredictor.readCards(out));
        assertTrue(format.getMessage().contains("format 'x'"), format.getMessage());
    }
}
