package dev.surveyor.insar.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSimulatorTest {
    @TempDir Path dir;

    @Test
    void truthCountsDatesAndDeterminism() {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = 40;
        c.heightPx = 30;
        SimulatedStack a = StackSimulator.simulate(c);
        SimulatedStack b = StackSimulator.simulate(c);
        assertEquals(Math.round(0.05 * 40 * 30), a.truth().size());
        assertEquals(35, a.dates().size());
        assertEquals(12, a.dates().get(1).toEpochDay() - a.dates().get(0).toEpochDay());
        assertEquals(0.0, a.bperpM()[a.referenceIndex()]);
        assertArrayEquals(a.slcs()[3], b.slcs()[3]);
        c.seed = 43;
        assertTrue(
                StackSimulator.simulate(c).truth().get(0).velocityMmYr()
                        != a.truth().get(0).velocityMmYr());
    }

    @Test
    void noiseFreePsPhaseFollowsThePhaseModel() {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = 20;
        c.heightPx = 20;
        c.phaseNoiseRad = 0;
        SimulatedStack s = StackSimulator.simulate(c);
        var model = s.phaseModel();
        TruePoint t = s.truth().get(0);
        int i = t.row() * 20 + t.col();
        int ref = s.referenceIndex();
        for (int q = 0; q < s.dates().size(); q++) {
            float[] z = s.slcs()[q];
            float[] r = s.slcs()[ref];
            double re = z[2 * i] * r[2 * i] + z[2 * i + 1] * r[2 * i + 1];
            double im = z[2 * i + 1] * r[2 * i] - z[2 * i] * r[2 * i + 1];
            double expected = model.phase(q, t.velocityMmYr(), t.demErrorM());
            double d = Math.atan2(im, re) - expected;
            assertEquals(0, Math.atan2(Math.sin(d), Math.cos(d)), 1e-4, "date " + q);
        }
    }

    @Test
    void atmosphericScreenHasTheAskedStdAndCorrelationLength() {
        float[] f = StackSimulator.screen(new SplittableRandom(5), 200, 200, 25, 1.5);
        double s2 = 0;
        for (float v : f) {
            s2 += v * v;
        }
        assertEquals(1.5, Math.sqrt(s2 / f.length), 1e-3);
        // Autocorrelation at lag L should be about exp(-1) (Gaussian-filtered white noise, σ =
        // L/2);
        // averaged over 20 screens because one 200 px screen holds only ~64 independent cells.
        double c0 = 0;
        double c25 = 0;
        SplittableRandom rnd = new SplittableRandom(9);
        for (int k = 0; k < 20; k++) {
            float[] g = StackSimulator.screen(rnd, 200, 200, 25, 1.5);
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x + 25 < 200; x++) {
                    c0 += g[y * 200 + x] * g[y * 200 + x];
                    c25 += g[y * 200 + x] * g[y * 200 + x + 25];
                }
            }
        }
        assertEquals(Math.exp(-1), c25 / c0, 0.08);
    }

    @Test
    void writesStackTruthAndBound() throws Exception {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = 16;
        c.heightPx = 12;
        c.numDates = 6;
        SimulatedStack s = StackSimulator.simulate(c);
        Path m = SimulationWriter.write(s, dir);
        assertTrue(Files.exists(m));
        assertEquals(16L * 12 * 8, Files.size(dir.resolve("slc/20180103.c64")));
        List<String> truth = Files.readAllLines(dir.resolve("truth.csv"));
        assertEquals("row,col,velocity_mm_yr,dem_error_m", truth.get(0));
        assertEquals(s.truth().size() + 1, truth.size());
        String crb = Files.readString(dir.resolve("crb.json"));
        assertTrue(crb.contains("\"velocity_mm_yr\""), crb);
    }

    @Test
    void rejectsBadSettings() {
        ConfigSimulation c = new ConfigSimulation();
        c.numDates = 2;
        assertThrows(IllegalArgumentException.class, () -> StackSimulator.simulate(c));
    }
}
