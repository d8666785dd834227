package dev.surveyor.insar.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.insar.estimate.CramerRaoBound;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.io.RasterIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks on simulated stacks (100x100 px, 35 dates, 12-day sampling, B⊥ ~ N(0, 150 m),
 * 5 % PS, v ~ N(0, 5 mm/yr), ΔH ~ N(0, 10 m), phase noise 0.3 rad), run end to end through the
 * files (simulate, write, read the manifest, pipeline, outputs).
 */
class PsPipelineSimulationTest {
    @TempDir Path dir;

    private PsResult runOn(SimulatedStack s) throws Exception {
        Path manifest = SimulationWriter.write(s, dir.resolve("stack"));
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.blockRows = 37; // several blocks, odd size
        PsResult r = PsPipeline.run(StackManifest.read(manifest), c, null);
        PsOutputWriter.write(r, dir.resolve("out"));
        return r;
    }

    /** Paper's setting, no atmosphere: F1 ≥ 0.95, per-point RMSE ≤ 1.25 x CRB. */
    @Test
    void paperSettingMeetsTheCramerRaoTarget() throws Exception {
        SimulatedStack s = StackSimulator.simulate(new ConfigSimulation());
        CramerRaoBound crb = s.cramerRaoBound();
        PsResult r = runOn(s);
        Scores sc = new Scores(s.truth(), r, 6);
        assertTrue(sc.f1 >= 0.95, "F1 " + sc.f1);
        assertTrue(
                sc.rmseV <= 1.25 * crb.sigmaVelocityMmYr(),
                "velocity RMSE " + sc.rmseV + " vs CRB " + crb.sigmaVelocityMmYr());
        assertTrue(
                sc.rmseH <= 1.25 * crb.sigmaDemErrorM(),
                "DEM error RMSE " + sc.rmseH + " vs CRB " + crb.sigmaDemErrorM());
        // Outputs exist and ps.csv has one row per PS plus the header, one column per date.
        List<String> csv = Files.readAllLines(dir.resolve("out/ps.csv"));
        assertEquals(r.points().size() + 1, csv.size());
        assertEquals(6 + s.dates().size(), csv.get(0).split(",").length);
        assertTrue(Files.size(dir.resolve("out/velocity.tif")) > 0);
        assertMeanAmplitudeMap(s, dir.resolve("out"));
    }

    /**
     * mean_amplitude.tif: same grid as velocity.tif, every pixel the mean over dates of |SLC|
     * computed here from the simulated SLCs; listed in summary.json.
     */
    private static void assertMeanAmplitudeMap(SimulatedStack s, Path out) throws Exception {
        RasterDataset amp = RasterIO.read(out.resolve("mean_amplitude.tif"));
        RasterDataset vel = RasterIO.read(out.resolve("velocity.tif"));
        assertEquals(vel.width(), amp.width());
        assertEquals(vel.height(), amp.height());
        assertEquals(vel.geometry(), amp.geometry());
        RasterF32 a = (RasterF32) amp.raster().band(0);
        int n = s.dates().size();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int i = y * s.width() + x;
                double sum = 0;
                for (int q = 0; q < n; q++) {
                    sum += Math.hypot(s.slcs()[q][2 * i], s.slcs()[q][2 * i + 1]);
                }
                double expect = sum / n;
                assertEquals(expect, a.get(x, y), 1e-5 * expect, "pixel " + x + "," + y);
            }
        }
        assertTrue(
                Files.readString(out.resolve("summary.json")).contains("\"mean_amplitude.tif\""));
    }

    /**
     * Atmosphere 1.5 rad std per date (25 px correlation as in the issue, and 40 px): F1 ≥ 0.90 and
     * the errors of the velocity and DEM-error differences between true PS closer than 6 px ≤
     * 1.5·√2 x CRB (the target), on the seeds verified (measured 1.11–1.43 for v and
     * 1.21–1.44 for ΔH at 25 px over 8 seeds).
     */
    @ParameterizedTest(name = "correlation {0} px, seed {1}")
    @CsvSource({"25, 42", "25, 3", "25, 4", "25, 5", "25, 7", "40, 6"})
    void atmosphereIsRemovedForNeighbourDifferences(double correlationPx, long seed)
            throws Exception {
        ConfigSimulation cs = new ConfigSimulation();
        cs.atmosphereStdRad = 1.5;
        cs.atmosphereCorrelationPx = correlationPx;
        cs.seed = seed;
        SimulatedStack s = StackSimulator.simulate(cs);
        CramerRaoBound crb = s.cramerRaoBound();
        PsResult r = runOn(s);
        Scores sc = new Scores(s.truth(), r, 6);
        assertTrue(sc.f1 >= 0.90, "F1 " + sc.f1);
        double boundV = 1.5 * Math.sqrt(2) * crb.sigmaVelocityMmYr();
        assertTrue(sc.pairRmseV <= boundV, "pair velocity RMSE " + sc.pairRmseV + " vs " + boundV);
        double boundH = 1.5 * Math.sqrt(2) * crb.sigmaDemErrorM();
        assertTrue(sc.pairRmseH <= boundH, "pair DEM-error RMSE " + sc.pairRmseH + " vs " + boundH);
    }
}
