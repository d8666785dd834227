package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.StackSimulator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AtmosphereFilteringEstimatorTest {

    private static SimulatedStack sim(double atmosphereRad, double rampRad) {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = 80;
        c.heightPx = 80;
        c.atmosphereStdRad = atmosphereRad;
        c.orbitRampStdRad = rampRad;
        c.seed = 7;
        return StackSimulator.simulate(c);
    }

    private static double meanCoherence(PointEstimates e) {
        return Arrays.stream(e.temporalCoherence()).average().orElse(0);
    }

    @Test
    void plainPeriodogramCannotSeeThroughTheAtmosphereButTheFilterCan() throws Exception {
        SimulatedStack s = sim(1.5, 0);
        PointSet pts = SimPoints.of(s, s.truth());
        ConfigAtmosphere plain = new ConfigAtmosphere();
        plain.iterations = 0;
        PointEstimates raw =
                new AtmosphereFilteringEstimator(s.phaseModel(), null, plain).estimate(pts, null);
        PointEstimates filtered =
                new AtmosphereFilteringEstimator(s.phaseModel(), null, null).estimate(pts, null);
        // Clean PS with 0.3 rad noise have γ ≈ exp(−0.3²/2) = 0.956.
        assertTrue(meanCoherence(raw) < 0.6, "plain coherence " + meanCoherence(raw));
        assertTrue(meanCoherence(filtered) > 0.88, "filtered coherence " + meanCoherence(filtered));
        assertEquals(pts.size() * pts.numDates(), filtered.nuisanceRad().length);
    }

    @Test
    void orbitRampsAreRemovedLikeAtmosphere() throws Exception {
        SimulatedStack s = sim(0, 1.5);
        PointSet pts = SimPoints.of(s, s.truth());
        PointEstimates e =
                new AtmosphereFilteringEstimator(s.phaseModel(), null, null).estimate(pts, null);
        double[] pair = SimPoints.pairRmse(s.truth(), e, 6);
        CramerRaoBound crb = s.cramerRaoBound();
        assertTrue(
                pair[0] <= 1.5 * Math.sqrt(2) * crb.sigmaVelocityMmYr(), "pair v RMSE " + pair[0]);
    }

    @Test
    void withoutNuisanceTheEstimatesStayAbsolute() throws Exception {
        SimulatedStack s = sim(0, 0);
        PointSet pts = SimPoints.of(s, s.truth());
        PointEstimates e =
                new AtmosphereFilteringEstimator(s.phaseModel(), null, null).estimate(pts, null);
        double[] r = SimPoints.rmse(s.truth(), e);
        CramerRaoBound crb = s.cramerRaoBound();
        assertTrue(
                r[0] <= 1.25 * crb.sigmaVelocityMmYr(),
                "v RMSE " + r[0] + " CRB " + crb.sigmaVelocityMmYr());
        assertTrue(
                r[1] <= 1.25 * crb.sigmaDemErrorM(),
                "dH RMSE " + r[1] + " CRB " + crb.sigmaDemErrorM());
    }

    @Test
    void adaptiveFilterWidthFollowsTheDensity() {
        SimulatedStack s = sim(0, 0);
        PointSet pts = SimPoints.of(s, s.truth());
        double sigma =
                new AtmosphereFilteringEstimator(s.phaseModel(), null, null).filterSigma(pts);
        // 5 % density, 16 neighbours: sqrt(16 / (4π · 0.05)) ≈ 5.05 px (bounding box a bit
        // smaller).
        assertEquals(Math.sqrt(16 / (4 * Math.PI * 0.05)), sigma, 0.3);
    }
}
