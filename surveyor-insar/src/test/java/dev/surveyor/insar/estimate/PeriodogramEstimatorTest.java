package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surveyor.insar.stack.Sensor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeriodogramEstimatorTest {
    static List<LocalDate> dates(int n) {
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            d.add(LocalDate.of(2018, 1, 3).plusDays(12L * i));
        }
        return d;
    }

    static PhaseModel model(int n, boolean baselines) {
        SplittableRandom r = new SplittableRandom(3);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 150 * (r.nextDouble() * 2 - 1);
        }
        List<LocalDate> d = dates(n);
        return PhaseModel.of(Sensor.SENTINEL1, d, d.get(n / 2), baselines ? b : null);
    }

    static float[] phases(PhaseModel m, double v, double h, double offset) {
        float[] p = new float[m.numDates()];
        for (int q = 0; q < p.length; q++) {
            double x = offset + m.phase(q, v, h);
            p[q] = (float) Math.atan2(Math.sin(x), Math.cos(x));
        }
        return p;
    }

    @Test
    void recoversNoiseFreeVelocityAndDemErrorPastTheGrid() {
        PhaseModel m = model(35, true);
        PeriodogramEstimator e = new PeriodogramEstimator(m, null);
        PixelEstimate r = e.estimate(phases(m, 12.34, -17.8, 1.0), 0);
        assertEquals(12.34, r.velocityMmYr(), 1e-3);
        assertEquals(-17.8, r.demErrorM(), 1e-3);
        assertEquals(1.0, r.temporalCoherence(), 1e-6);
        assertEquals(1.0, r.offsetRad(), 1e-4);
    }

    @Test
    void gridStepsFollowTheStackSpans() {
        PhaseModel m = model(35, true);
        PeriodogramEstimator e = new PeriodogramEstimator(m, null);
        double[] v = e.velocityGrid();
        double[] h = e.demErrorGrid();
        double lambda = Sensor.SENTINEL1.wavelengthM();
        assertEquals(lambda / (16 * m.timeSpanYr()) * 1e3, v[1] - v[0], 1e-9);
        double lrs = lambda * 850_000 * Math.sin(Math.toRadians(39));
        assertEquals(lrs / (16 * m.baselineSpanM()), h[1] - h[0], 1e-9);
        assertEquals(0.0, v[v.length / 2], 1e-12);
    }

    @Test
    void velocityOnlyWithoutBaselines() {
        PhaseModel m = model(20, false);
        assertNull(m.demCoefficients());
        PixelEstimate r = new PeriodogramEstimator(m, null).estimate(phases(m, -7.5, 0, -2.0), 0);
        assertEquals(-7.5, r.velocityMmYr(), 1e-3);
        assertEquals(0.0, r.demErrorM());
    }

    @Test
    void positivePhaseRateIsPositiveVelocity() {
        // Phase of SLC_q·conj(SLC_ref) growing with time => positive (towards the satellite).
        PhaseModel m = model(20, false);
        double[] a = m.velocityCoefficients();
        assertEquals(
                4 * Math.PI / Sensor.SENTINEL1.wavelengthM() * 1e-3 * m.timeYr()[19], a[19], 1e-12);
        float[] p = new float[20];
        for (int q = 0; q < 20; q++) {
            p[q] = (float) (0.05 * (q - 10));
        }
        assertEquals(
                1, Math.signum(new PeriodogramEstimator(m, null).estimate(p, 0).velocityMmYr()));
    }

    @Test
    void rejectsBadConfig() {
        ConfigPeriodogram c = new ConfigPeriodogram();
        c.stepDivisor = 0;
        assertThrows(
                IllegalArgumentException.class, () -> new PeriodogramEstimator(model(5, true), c));
    }
}
