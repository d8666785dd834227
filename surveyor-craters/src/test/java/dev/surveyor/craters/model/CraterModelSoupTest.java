package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CraterModelSoup}: the mean of the members' parameters, provenance, refusals. */
class CraterModelSoupTest {
    @TempDir Path tmp;

    private Path train(String name, int stride, long seed) throws Exception {
        return TinyModels.train(tmp.resolve(name), stride, seed);
    }

    private static List<float[]> parameters(Path dir) throws Exception {
        ModelDir md = new ModelDir(dir);
        ConfigCenterNet arch = DetectionSettings.read(md, md.readJson()).architecture();
        List<float[]> out = new ArrayList<>();
        try (Model m = CenterNetNetworks.load(md, arch, ModelDir.BEST)) {
            for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void soupHoldsTheMeanOfTheMembersAndRecordsThem() throws Exception {
        LearnEngine.start(1);
        Path a = train("a", 2, 1), b = train("b", 2, 2), out = tmp.resolve("soup");
        CraterModelSoup.write(List.of(a, b), out, "surveyor craters soup ...", Double.NaN);
        List<float[]> pa = parameters(a), pb = parameters(b), ps = parameters(out);
        assertFalse(java.util.Arrays.equals(pa.get(0), pb.get(0)), "two seeds");
        for (int i = 0; i < ps.size(); i++) {
            float[] mean = new float[ps.get(i).length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = (pa.get(i)[j] + pb.get(i)[j]) / 2;
            }
            assertArrayEquals(mean, ps.get(i), 1e-6f);
        }
        ObjectNode ja = new ModelDir(a).readJson(), js = new ModelDir(out).readJson();
        assertEquals(ja.path("threshold"), js.path("threshold"), "the first member's threshold");
        assertEquals(ja.path("architecture"), js.path("architecture"));
        assertEquals("surveyor craters soup ...", js.at("/training/command").asText());
        assertEquals(b.toString(), js.at("/training/soupOf/1/model").asText());
        assertEquals(
                new ModelDir(b).readJson().at("/training/command"),
                js.at("/training/soupOf/1/command"));
        assertTrue(js.path("metrics").isMissingNode(), "the first member's metrics are not kept");

        Path out2 = tmp.resolve("soup2");
        CraterModelSoup.write(List.of(a, b), out2, "c", 0.3);
        assertEquals(0.3, new ModelDir(out2).readJson().path("threshold").asDouble(), 0);
    }

    @Test
    void anotherArchitectureOrOutOverAMemberIsRefused() throws Exception {
        LearnEngine.start(1);
        Path a = train("a", 2, 1), c = train("c", 4, 1), out = tmp.resolve("soup");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CraterModelSoup.write(List.of(a, c), out, "c", Double.NaN));
        assertTrue(
                e.getMessage().startsWith(c.resolve("model.json") + ": architecture differs"),
                e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        byte[] before = Files.readAllBytes(a.resolve("best.params"));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CraterModelSoup.write(List.of(a, a), a, "c", Double.NaN));
        assertTrue(e.getMessage().contains("is one of the models"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(a.resolve("best.params")));
    }
}
