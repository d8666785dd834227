package dev.surveyor.cli.height;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code height soup}: the mean of the members' parameters, with provenance; bad input refused. */
class HeightSoupCommandTest {
    @TempDir Path tmp;

    private static final BandNormalization NORM =
            new BandNormalization(new double[] {100, 200}, new double[] {10, 20});

    /** A tiny random-weight MRFED (2 bands) saved in {@code dir}. */
    private static void tiny(Path dir, BandNormalization norm, DihedralSet tta) throws Exception {
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 2;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        try (HeightModel m = HeightModel.create(net, norm, 10)) {
            ModelCard c =
                    m.card(
                            List.of(dir.getFileName().toString()),
                            List.of(),
                            "t",
                            5,
                            3,
                            Map.of(),
                            tta);
            m.save(dir, c);
        }
    }

    private static List<float[]> parameters(Path dir) throws Exception {
        List<float[]> out = new ArrayList<>();
        try (HeightModel m = HeightModel.load(dir)) {
            for (Pair<String, Parameter> p : m.djlModel().getBlock().getParameters()) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    /** Runs {@code height soup} of {@code models} into {@code out} with {@code extra} options. */
    private static int soup(StringWriter err, List<Path> models, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("height", "soup", "--out", out.toString()));
        for (Path m : models) {
            args.add("--model");
            args.add(m.toString());
        }
        args.addAll(List.of(extra));
        return HeightViewsCommandTest.run(err, args.toArray(String[]::new));
    }

    @Test
    void soupHoldsTheMeanOfTheMembersAndRecordsThem() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), out = tmp.resolve("soup");
        tiny(a, NORM, DihedralSet.D4);
        tiny(b, NORM, DihedralSet.NONE);
        StringWriter err = new StringWriter();
        assertEquals(0, soup(err, List.of(a, b), out), err.toString());
        List<float[]> pa = parameters(a), pb = parameters(b), ps = parameters(out);
        assertEquals(pa.size(), ps.size());
        assertFalse(java.util.Arrays.equals(pa.get(0), pb.get(0)), "two random initialisations");
        for (int i = 0; i < ps.size(); i++) {
            float[] mean = new float[ps.get(i).length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = (pa.get(i)[j] + pb.get(i)[j]) / 2;
            }
            assertArrayEquals(mean, ps.get(i), 1e-6f);
        }
        ModelCard card = HeightModel.readCard(out);
        assertTrue(card.command().startsWith("surveyor height soup --out"), card.command());
        assertEquals(List.of("a", "b"), card.trainTiles());
        assertEquals(10, card.trainingSeconds(), 0);
        assertEquals(
                DihedralSet.D4, card.defaultTestTimeAugmentation(), "the first member's default");
        JsonNode members = new ObjectMapper().valueToTree(card.metrics()).path("soupOf");
        assertEquals(2, members.size());
        assertEquals(b.toString(), members.path(1).path("model").asText());
        assertEquals(3, members.path(1).path("bestEpoch").asInt());
        assertArrayEquals(NORM.mean(), card.bandMean(), 0);

        Path out2 = tmp.resolve("soup2");
        assertEquals(0, soup(err, List.of(a, b), out2, "--no-tta"), err.toString());
        assertNull(HeightModel.readCard(out2).testTimeAugmentation());
        Path out3 = tmp.resolve("soup3");
        assertEquals(
                0, soup(err, List.of(b, a), out3, "--tta", "flip-rows,identity"), err.toString());
        assertEquals("identity,flip-rows", HeightModel.readCard(out3).testTimeAugmentation());
    }

    @Test
    void membersWithAnotherNormalisationOrOutOverAMemberAreRefused() throws Exception {
        Path a = tmp.resolve("a"), c = tmp.resolve("c");
        tiny(a, NORM, DihedralSet.NONE);
        tiny(
                c,
                new BandNormalization(new double[] {100, 201}, new double[] {10, 20}),
                DihedralSet.NONE);
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("soup");
        assertEquals(2, soup(err, List.of(a, c), out), err.toString());
        String msg = err.toString().strip();
        assertTrue(
                msg.contains(c.resolve("model.json").toString()) && msg.contains("bandMean"), msg);
        assertEquals(1, msg.lines().count(), msg);
        assertFalse(Files.exists(out), "nothing written");

        List<float[]> before = parameters(a);
        StringWriter e2 = new StringWriter();
        assertEquals(2, soup(e2, List.of(a, a), a), e2.toString());
        assertTrue(e2.toString().contains("is one of the models"), e2.toString());
        assertArrayEquals(before.get(0), parameters(a).get(0), 0f);
    }
}
