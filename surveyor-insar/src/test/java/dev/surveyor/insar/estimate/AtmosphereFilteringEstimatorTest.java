package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.StackSimulator;
import org.junit.jupiter.api.Test;

class AtmosphereFilteringEstimatorTest {

    @Test
    void explore() throws Exception {
        for (double atm : new double[] {1.5}) {
            for (int iters : new int[] {1, 2, 4, 8}) {
                ConfigSimulation c = new ConfigSimulation();
                c.atmosphereStdRad = atm;
                SimulatedStack s = StackSimulator.simulate(c);
                CramerRaoBound crb = s.cramerRaoBound();
                PointSet pts = SimPoints.of(s, s.truth());
                ConfigAtmosphere ca = new ConfigAtmosphere();
                ca.iterations = iters;
                long t0 = System.nanoTime();
                PointEstimates e = new AtmosphereFilteringEstimator(s.phaseModel(), null, ca).estimate(pts, null);
                long t1 = System.nanoTime();
                double[] r = SimPoints.rmse(s.truth(), e);
                double[] pr = SimPoints.pairRmse(s.truth(), e, 6);
                int bad = 0;
                for (int p = 0; p < pts.size(); p++) { if (Math.abs(e.velocityMmYr()[p] - s.truth().get(p).velocityMmYr()) > 3) bad++; }
                System.out.println("bad " + bad);
                double mc = java.util.Arrays.stream(e.temporalCoherence()).average().orElse(0);
                System.out.printf("atm %.1f iters %d: n=%d crb v %.3f h %.3f | rmse v %.3f (%.2f) h %.3f (%.2f) | pair v %.2f h %.2f (n=%d) | coh %.3f sigma %.1f | %.0f ms%n",
                        atm, iters, pts.size(), crb.sigmaVelocityMmYr(), crb.sigmaDemErrorM(), r[0], r[0] / crb.sigmaVelocityMmYr(), r[1], r[1] / crb.sigmaDemErrorM(),
                        pr[0] / (Math.sqrt(2) * crb.sigmaVelocityMmYr()), pr[1] / (Math.sqrt(2) * crb.sigmaDemErrorM()), (int) pr[2], mc, e.filterSigmaPx(), (t1 - t0) / 1e6);
            }
        }
        assertTrue(true);
    }
}
