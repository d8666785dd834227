package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CramerRaoBoundTest {
    @Test
    void velocityOnlyBoundIsTheRegressionSlopeVariance() {
        PhaseModel m = PeriodogramEstimatorTest.model(35, false);
        double[] a = m.velocityCoefficients();
        double mean = 0;
        for (double x : a) {
            mean += x / a.length;
        }
        double sxx = 0;
        for (double x : a) {
            sxx += (x - mean) * (x - mean);
        }
        CramerRaoBound crb = CramerRaoBound.of(m, 0.3);
        assertEquals(0.3 / Math.sqrt(sxx), crb.sigmaVelocityMmYr(), 1e-12);
        assertTrue(Double.isNaN(crb.sigmaDemErrorM()));
    }

    @Test
    void periodogramReachesTheBoundOnSmallNoise() {
        PhaseModel m = PeriodogramEstimatorTest.model(35, true);
        CramerRaoBound crb = CramerRaoBound.of(m, 0.1);
        PeriodogramEstimator e = new PeriodogramEstimator(m, null);
        SplittableRandom r = new SplittableRandom(11);
        int trials = 400;
        double sv = 0;
        double sh = 0;
        for (int t = 0; t < trials; t++) {
            float[] p = PeriodogramEstimatorTest.phases(m, 3, 5, 0);
            for (int q = 0; q < p.length; q++) {
                double g =
                        Math.sqrt(-2 * Math.log(1 - r.nextDouble()))
                                * Math.cos(2 * Math.PI * r.nextDouble());
                p[q] += (float) (0.1 * g);
            }
            PixelEstimate x = e.estimate(p, 0);
            sv += (x.velocityMmYr() - 3) * (x.velocityMmYr() - 3);
            sh += (x.demErrorM() - 5) * (x.demErrorM() - 5);
        }
        double rv = Math.sqrt(sv / trials) / crb.sigmaVelocityMmYr();
        double rh = Math.sqrt(sh / trials) / crb.sigmaDemErrorM();
        // Efficient estimator: ratio 1 within the Monte-Carlo spread (±~7 % for 400 trials).
        assertEquals(1.0, rv, 0.12, "velocity RMSE / CRB");
        assertEquals(1.0, rh, 0.12, "DEM error RMSE / CRB");
    }
}
