package dev.surveyor.spark.insar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surveyor.insar.estimate.AtmosphereFilteringEstimator;
import dev.surveyor.insar.estimate.ConfigAtmosphere;
import dev.surveyor.insar.estimate.PointEstimates;
import dev.surveyor.insar.estimate.PointSet;
import dev.surveyor.insar.pipeline.BlockCandidates;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.insar.sim.TruePoint;
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

    private static ConfigSimulation simConfig() {
        ConfigSimulation s = new ConfigSimulation();
        s.widthPx = 70;
        s.heightPx = 61;
        s.numDates = 20;
        s.psFraction = 0.06;
        s.atmosphereStdRad = 1.0;
        s.seed = 7;
        return s;
    }

    @BeforeAll
    static void simulate() throws IOException {
        manifest =
                StackManifest.read(
                        SimulationWriter.write(
                                StackSimulator.simulate(simConfig()), dir.resolve("stack")));
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
        assertTrue(
                files.contains("ps.csv")
                        && files.contains("velocity.tif")
                        && files.contains("mean_amplitude.tif"),
                files.toString());
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
    void everyEstimationPassRunsAsOneSparkJobWithBitIdenticalEstimates() throws IOException {
        SimulatedStack s = StackSimulator.simulate(simConfig());
        PointSet pts = PsPipeline.concat(List.of(truthCandidates(s)), s.dates().size());
        ConfigAtmosphere a = new ConfigAtmosphere();
        a.iterations = 3;
        AtmosphereFilteringEstimator est =
                new AtmosphereFilteringEstimator(s.phaseModel(), null, a);
        PointEstimates local = est.estimate(pts, null);
        var jsc = LocalSpark.engine().context();
        jsc.setJobGroup("range-runner-test", "passes", false);
        // Small chunks: many tasks per pass, so chunk boundaries fall between neighbours.
        SparkRangeRunner runner = new SparkRangeRunner(LocalSpark.engine(), 3, 16, 0);
        PointEstimates spark;
        try {
            spark = est.estimate(pts, null, runner);
        } finally {
            runner.release();
            jsc.clearJobGroup();
        }
        // The periodogram, each filter iteration, the arcs.
        assertEquals(
                1 + a.iterations + 1,
                jsc.statusTracker().getJobIdsForGroup("range-runner-test").length,
                "one Spark job per pass");
        assertTrue(runner.chunks(pts.size()).size() >= 6, "chunks " + runner.chunks(pts.size()));
        assertArrayEquals(local.velocityMmYr(), spark.velocityMmYr());
        assertArrayEquals(local.demErrorM(), spark.demErrorM());
        assertArrayEquals(local.temporalCoherence(), spark.temporalCoherence());
        assertArrayEquals(local.offsetRad(), spark.offsetRad());
        assertArrayEquals(local.nuisanceRad(), spark.nuisanceRad());
    }

    /** The true PS of a simulation as one block of candidates (row-major, as the pipeline's). */
    private static BlockCandidates truthCandidates(SimulatedStack s) {
        var truth =
                s.truth().stream()
                        .sorted(
                                java.util.Comparator.comparingInt(TruePoint::row)
                                        .thenComparingInt(TruePoint::col))
                        .toList();
        int n = s.dates().size();
        int np = truth.size();
        int[] rows = new int[np];
        int[] cols = new int[np];
        float[] ph = new float[np * n];
        float[] refSlc = s.slcs()[s.referenceIndex()];
        for (int p = 0; p < np; p++) {
            rows[p] = truth.get(p).row();
            cols[p] = truth.get(p).col();
            int i = rows[p] * s.width() + cols[p];
            for (int q = 0; q < n; q++) {
                float[] z = s.slcs()[q];
                double re = z[2 * i] * refSlc[2 * i] + z[2 * i + 1] * refSlc[2 * i + 1];
                double im = z[2 * i + 1] * refSlc[2 * i] - z[2 * i] * refSlc[2 * i + 1];
                ph[p * n + q] = (float) Math.atan2(im, re);
            }
        }
        return new BlockCandidates(rows, cols, new float[np], ph, 0, new float[0]);
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
