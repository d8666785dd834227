package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.StackSimulator;
import org.junit.jupiter.api.Test;

class NuisanceDebugTest {
    @Test
    void nuisanceError() throws Exception {
        ConfigSimulation c = new ConfigSimulation();
        c.atmosphereStdRad = 1.5;
        c.phaseNoiseRad = Double.parseDouble(System.getenv().getOrDefault("EXP_NOISE", "0"));
        c.velocityStdMmYr = 0;
        c.demErrorStdM = 0;
        SimulatedStack s = StackSimulator.simulate(c);
        PointSet pts = SimPoints.of(s, s.truth());
        ConfigAtmosphere ca = new ConfigAtmosphere();
        ca.iterations = 1;
        PointEstimates e = new AtmosphereFilteringEstimator(s.phaseModel(), null, ca).estimate(pts, null);
        int n = pts.numDates();
        double se = 0;
        double sp = 0;
        for (int p = 0; p < pts.size(); p++) {
            for (int q = 0; q < n; q++) {
                double d = AtmosphereFilteringEstimator.wrap(pts.phaseRad()[p * n + q] - e.nuisanceRad()[p * n + q]);
                se += d * d;
                sp += pts.phaseRad()[p * n + q] * pts.phaseRad()[p * n + q];
            }
        }
        System.out.printf("nuisance error rms %.3f rad (signal rms %.3f), mean coh %.3f%n", Math.sqrt(se / (pts.size() * n)), Math.sqrt(sp / (pts.size() * n)),
                java.util.Arrays.stream(e.temporalCoherence()).average().orElse(0));
        assertTrue(true);
    }
}
