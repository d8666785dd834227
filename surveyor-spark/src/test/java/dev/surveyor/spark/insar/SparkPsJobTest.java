package dev.surveyor.spark.insar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.spark.LocalSpark;
import dev.surveyor.spark.OutputDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark ({@code local[2]}) and single-machine PS runs give byte-identical output files. */
class SparkPsJobTest {
    @TempDir static Path dir;
    static StackManifest manifest;

    @BeforeAll
    static void simulate() throws IOException {
        ConfigSimulation s = new ConfigSimulation();
        s.widthPx = 70;
        s.heightPx = 61;
        s.numDates = 20;
        s.psFraction = 0.06;
        s.atmosphereStdRad = 1.0;
        s.seed = 7;
        manifest =
                StackManifest.read(
                        SimulationWriter.write(StackSimulator.simulate(s), dir.resolve("stack")));
    }

    private static ConfigPsPipeline config(int iterations) {
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.blockRows = 16; // 4 blocks, the last one shorter
        c.atmosphere.iterations = iterations;
        c.periodogram.velocityRangeMmYr = 30;
        c.periodogram.demErrorRangeM = 30;
        return c;
    }

    private static void compare(ConfigPsPipeline c, String name) throws IOException {
        Path single = dir.resolve(name + "-single");
        Path spark = dir.resolve(name + "-spark");
        PsResult a = PsPipeline.run(manifest, c, null);
        PsOutputWriter.write(a, single);
        PsResult b = SparkPsJob.runAndWrite(LocalSpark.engine(), manifest, c, spark, null);
        assertTrue(a.points().size() > 20, "too few PS to compare: " + a.points().size());
        assertEquals(a.numCandidates(), b.numCandidates());
        List<String> files = OutputDirs.assertIdentical(single, spark);
        assertTrue(files.contains("ps.csv") && files.contains("velocity.tif"), files.toString());
        assertTrue(Files.size(spark.resolve("ps.csv")) > 1000);
    }

    @Test
    void perPointPeriodogramOnExecutorsIsBitIdentical() throws IOException {
        compare(config(0), "plain");
    }

    @Test
    void nuisanceFilteringRunIsBitIdentical() throws IOException {
        compare(config(2), "filtered");
    }

    @Test
    void bundledHoustonInterferogramStackIsBitIdentical() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("samples/houston-s1/stack.json"))) {
            p = p.getParent();
        }
        assumeTrue(p != null, "samples/houston-s1 not found above the working directory");
        StackManifest houston = StackManifest.read(p.resolve("samples/houston-s1/stack.json"));
        ConfigPsPipeline c = new ConfigPsPipeline(); // defaults: 6 filter iterations
        Path single = dir.resolve("houston-single");
        Path spark = dir.resolve("houston-spark");
        PsOutputWriter.write(PsPipeline.run(houston, c, null), single);
        PsResult b = SparkPsJob.runAndWrite(LocalSpark.engine(), houston, c, spark, null);
        assertTrue(b.points().size() > 100, "PS on the Houston crop: " + b.points().size());
        OutputDirs.assertIdentical(single, spark);
    }

    @Test
    void referenceDateChosenOnTheDriverWhenTheManifestHasNone() throws IOException {
        StackManifest noRef = manifest.withReference(null);
        ConfigPsPipeline c = config(0);
        PsResult a = PsPipeline.run(noRef, c, null);
        PsResult b = SparkPsJob.run(LocalSpark.engine(), noRef, c, null);
        assertEquals(a.referenceDate(), b.referenceDate());
        assertEquals(PsOutputWriter.summaryJson(a), PsOutputWriter.summaryJson(b));
    }
}
