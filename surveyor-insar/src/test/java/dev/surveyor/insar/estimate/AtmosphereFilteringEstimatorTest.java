package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.StackSimulator;
import org.junit.jupiter.api.Test;

class AtmosphereFilteringEstimatorTest {

    @Test
    void explore() throws Exception {
        for (double atm : new double[] {Double.parseDouble(System.getenv().getOrDefault("EXP_ATM", "1.5"))}) {
            for (int iters : new int[] {Integer.parseInt(System.getenv().getOrDefault("EXP_IT", "6"))}) {
                ConfigSimulation c = new ConfigSimulation();
                c.atmosphereStdRad = atm;
                SimulatedStack s = StackSimulator.simulate(c);
                CramerRaoBound crb = s.cramerRaoBound();
                PointSet pts = SimPoints.of(s, s.truth());
                ConfigAtmosphere ca = new ConfigAtmosphere();
                ca.iterations = iters;
                ca.filterSigmaPx = Double.parseDouble(System.getenv().getOrDefault("EXP_SIGMA", "0"));
                long t0 = System.nanoTime();
                PointEstimates e = new AtmosphereFilteringEstimator(s.phaseModel(), null, ca).estimate(pts, null);
                long t1 = System.nanoTime();
                double[] r = SimPoints.rmse(s.truth(), e);
                double[] pr = SimPoints.pairRmse(s.truth(), e, 6);
                int bad = 0;
                for (int p = 0; p < pts.size(); p++) { if (Math.abs(e.velocityMmYr()[p] - s.truth().get(p).velocityMmYr()) > 3) bad++; }
                System.out.println("bad " + bad);
                java.util.List<Double> errs = new java.util.ArrayList<>();
                for (int i = 0; i < pts.size(); i++) for (int j = i + 1; j < pts.size(); j++) {
                    var a = s.truth().get(i); var b = s.truth().get(j);
                    if (Math.hypot(a.row() - b.row(), a.col() - b.col()) >= 6) continue;
                    int m = Integer.parseInt(System.getenv().getOrDefault("EXP_MARGIN", "0"));
                    if (Math.min(Math.min(a.row(), a.col()), Math.min(99 - a.row(), 99 - a.col())) < m) continue;
                    double ee = Math.abs((e.demErrorM()[i] - e.demErrorM()[j]) - (a.demErrorM() - b.demErrorM())) / (Math.sqrt(2) * crb.sigmaDemErrorM());
                    if (ee > 400) System.out.printf("bad pair d=%.1f err %.1f coh %.2f %.2f at (%d,%d) (%d,%d) h %.1f/%.1f %.1f/%.1f%n", Math.hypot(a.row() - b.row(), a.col() - b.col()), ee, e.temporalCoherence()[i], e.temporalCoherence()[j], a.row(), a.col(), b.row(), b.col(), e.demErrorM()[i], a.demErrorM(), e.demErrorM()[j], b.demErrorM());
                    errs.add(Math.abs((e.demErrorM()[i] - e.demErrorM()[j]) - (a.demErrorM() - b.demErrorM())) / (Math.sqrt(2) * crb.sigmaDemErrorM()));
                }
                java.util.Collections.sort(errs);
                System.out.printf("pair |err|/crb p50 %.2f p90 %.2f p99 %.2f max %.2f%n", errs.get(errs.size()/2), errs.get(errs.size()*9/10), errs.get(errs.size()*99/100), errs.get(errs.size()-1));
                double mc = java.util.Arrays.stream(e.temporalCoherence()).average().orElse(0);
                System.out.printf("atm %.1f iters %d: n=%d crb v %.3f h %.3f | rmse v %.3f (%.2f) h %.3f (%.2f) | pair v %.2f h %.2f (n=%d) | coh %.3f sigma %.1f | %.0f ms%n",
                        atm, iters, pts.size(), crb.sigmaVelocityMmYr(), crb.sigmaDemErrorM(), r[0], r[0] / crb.sigmaVelocityMmYr(), r[1], r[1] / crb.sigmaDemErrorM(),
                        pr[0] / (Math.sqrt(2) * crb.sigmaVelocityMmYr()), pr[1] / (Math.sqrt(2) * crb.sigmaDemErrorM()), (int) pr[2], mc, e.filterSigmaPx(), (t1 - t0) / 1e6);
            }
        }
        assertTrue(true);
    }
}
