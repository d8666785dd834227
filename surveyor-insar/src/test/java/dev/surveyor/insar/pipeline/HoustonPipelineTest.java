package dev.surveyor.insar.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.testkit.SharedData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Houston crop (Sentinel-1, 93 dates, single reference 2018-01-15, 128x128, no baselines).
 * The fixture manifest {@code houston/stack.json} names the files as {@code ${HOUSTON}/...}; the
 * test resolves that against {@code ../shared}.
 */
class HoustonPipelineTest {
    @TempDir Path dir;

    static StackManifest houston(Path dir) throws Exception {
        Path data = SharedData.require("insar/houston-s1-crop");
        String text;
        try (InputStream in = HoustonPipelineTest.class.getResourceAsStream("houston/stack.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path m = dir.resolve("stack.json");
        Files.writeString(m, text.replace("${HOUSTON}", data.toAbsolutePath().toString()));
        return StackManifest.read(m);
    }

    @Test
    void findsACoherentPopulation() throws Exception {
        StackManifest m = houston(dir);
        assertEquals(93, m.acquisitions().size());
        assertFalse(m.hasBaselines());
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.atmosphere.iterations =
                3; // keeps the test short; the default (6) finds 1408 PS, mean γ 0.872
        PsResult r = PsPipeline.run(m, c, null);
        PsOutputWriter.write(r, dir.resolve("out"));
        assertEquals(LocalDate.of(2018, 1, 15), r.referenceDate());
        assertFalse(r.demErrorEstimated());
        assertTrue(r.points().size() > 500, "PS " + r.points().size());
        assertTrue(
                r.meanTemporalCoherence() >= 0.75, "mean coherence " + r.meanTemporalCoherence());
        assertTrue(Files.size(dir.resolve("out/velocity.tif")) > 0);
    }
}
