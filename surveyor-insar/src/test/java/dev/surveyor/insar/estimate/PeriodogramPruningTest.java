package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pruned grid search returns exactly the brute-force arg max. */
class PeriodogramPruningTest {

    /**
     * Points: {@code noise < 0} = uniformly random phases, otherwise the model at random (v, ΔH)
     * plus Gaussian noise of that std (rad).
     */
    private static float[] points(PhaseModel m, int count, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = m.numDates();
        float[] p = new float[count * n];
        for (int i = 0; i < count; i++) {
            double v = 8 * r.nextGaussian();
            double h = m.hasDemError() ? 15 * r.nextGaussian() : 0;
            for (int q = 0; q < n; q++) {
                double x =
                        noise < 0
                                ? r.nextDouble(-Math.PI, Math.PI)
                                : m.phase(q, v, h) + noise * r.nextGaussian();
                p[i * n + q] = (float) Math.atan2(Math.sin(x), Math.cos(x));
            }
        }
        return p;
    }

    // Grid sizes cover every remainder mod 3 of both axes (partial edge blocks).
    @ParameterizedTest(name = "dates {0}, baselines {1}, noise {2} rad, grid ±{3} mm/yr ±{4} m")
    @CsvSource({
        "35, true, -1, 50, 50",
        "35, true, 0.3, 50, 50",
        "35, true, 1.0, 50, 50",
        "35, false, -1, 50, 50",
        "35, false, 0.3, 50, 50",
        "20, true, -1, 23, 31",
        "20, true, 0.5, 23, 31",
        "12, true, -1, 17, 9",
        "60, true, 0.8, 40, 20",
        "35, true, -1, 44, 50",
        "35, true, 0.3, 47, 37",
        "35, true, 0.3, 44, 28",
    })
    void prunedSearchIsTheBruteForceArgMax(
            int dates, boolean baselines, double noise, double vRange, double hRange) {
        PhaseModel m = PeriodogramEstimatorTest.model(dates, baselines);
        ConfigPeriodogram c = new ConfigPeriodogram();
        c.velocityRangeMmYr = vRange;
        c.demErrorRangeM = hRange;
        PeriodogramEstimator e = new PeriodogramEstimator(m, c);
        int count = 1500;
        float[] p = points(m, count, noise, 11 + dates);
        int n = m.numDates();
        long brute = 0;
        for (int i = 0; i < count; i++) {
            int expected = e.bestCellBruteForce(p, i * n);
            long before = e.cellsEvaluated();
            int got = e.bestCell(p, i * n);
            brute += e.cellsEvaluated() - before;
            assertTrue(expected >= 0);
            assertEquals(expected, got, "point " + i);
        }
        double share = (double) brute / ((double) count * e.cellsPerPoint());
        if (baselines && noise >= 0 && noise <= 0.3) {
            // Coherent points (PS candidates): most of the grid is never evaluated.
            assertTrue(share < 0.5, "evaluated share " + share);
        }
        // Incoherent points fall back to brute force after the block centres (a ninth of the
        // grid) and perhaps some derivatives: never much more work than brute force.
        assertTrue(share < 1.5, "evaluated share " + share);
    }

    @ParameterizedTest(name = "baselines {0}")
    @CsvSource({"true", "false"})
    void bestCellHasTheLargestPowerOfAllCells(boolean baselines) {
        PhaseModel m = PeriodogramEstimatorTest.model(35, baselines);
        PeriodogramEstimator e = new PeriodogramEstimator(m, null);
        PrunedGridSearch s =
                new PrunedGridSearch(
                        PeriodogramTables.of(
                                m.velocityCoefficients(),
                                m.demCoefficients(),
                                e.velocityGrid(),
                                e.demErrorGrid()));
        float[] p = points(m, 40, -1, 5);
        for (int i = 0; i < 40; i++) {
            int best = s.argmax(p, i * 35);
            float bp = s.power(p, i * 35, best);
            for (int c = 0; c < e.cellsPerPoint(); c++) {
                float pc = s.power(p, i * 35, c);
                assertTrue(pc < bp || (pc == bp && c >= best), "cell " + c + " beats " + best);
            }
            // The power is |Σ z_q P_q|² of the grid cell, to float rounding.
            int nh = e.demErrorGrid().length;
            double v = e.velocityGrid()[best / nh];
            double h = e.demErrorGrid()[best % nh];
            double re = 0;
            double im = 0;
            for (int q = 0; q < 35; q++) {
                double r = p[i * 35 + q] - m.phase(q, v, baselines ? h : 0);
                re += Math.cos(r);
                im += Math.sin(r);
            }
            assertEquals(re * re + im * im, bp, 1e-4 * (re * re + im * im) + 1e-3);
        }
    }

    /**
     * The search's double phasors (polynomial path up to 1000 rad, {@link SinCos} beyond) against
     * {@link Math#cos}/{@link Math#sin}: the cell sum of unwrapped phases to 1e-12.
     */
    @Test
    void cellSumOfUnwrappedPhasesMatchesMathCosSin() {
        double[] a = {-0.7, -0.2, 0.1, 0.4, 0.9};
        double[] b = {0.01, -0.03, 0.02, 0.0, -0.01};
        double[] vg = {-2, 0, 2};
        double[] hg = {-5, 0, 5};
        PrunedGridSearch s = new PrunedGridSearch(PeriodogramTables.of(a, b, vg, hg));
        SplittableRandom r = new SplittableRandom(4);
        double[] out = new double[2];
        for (double range : new double[] {Math.PI, 900, 5000}) {
            for (int it = 0; it < 200; it++) {
                float[] p = new float[5];
                for (int q = 0; q < 5; q++) {
                    p[q] = (float) r.nextDouble(-range, range);
                }
                if (it == 0) {
                    p[0] = (float) Math.PI;
                    p[1] = (float) -Math.PI;
                    p[2] = 0;
                }
                int cell = r.nextInt(9);
                s.power(p, 0, cell);
                s.cellSum(cell, out);
                double re = 0;
                double im = 0;
                for (int q = 0; q < 5; q++) {
                    // exp(jφ) · exp(−jm), not exp(j(φ − m)): the difference would round to
                    // ulp(φ).
                    double m = a[q] * vg[cell / 3] + b[q] * hg[cell % 3];
                    double c = Math.cos(p[q]);
                    double sn = Math.sin(p[q]);
                    re += c * Math.cos(m) + sn * Math.sin(m);
                    im += sn * Math.cos(m) - c * Math.sin(m);
                }
                assertEquals(re, out[0], 1e-12);
                assertEquals(im, out[1], 1e-12);
            }
        }
    }

    @Test
    void gridCellEstimateWithoutRefinementIsTheCellsCoherence() {
        PhaseModel m = PeriodogramEstimatorTest.model(35, true);
        ConfigPeriodogram c = new ConfigPeriodogram();
        c.refine = false;
        PeriodogramEstimator e = new PeriodogramEstimator(m, c);
        float[] p = points(m, 50, 0.4, 8);
        for (int i = 0; i < 50; i++) {
            PixelEstimate x = e.estimate(p, i * 35);
            PixelEstimate ref = e.evaluate(p, i * 35, x.velocityMmYr(), x.demErrorM());
            assertEquals(ref.temporalCoherence(), x.temporalCoherence(), 1e-12);
            assertEquals(ref.offsetRad(), x.offsetRad(), 1e-10);
        }
    }

    @Test
    void gridTooLargeForTablesIsSearchedSeparably() {
        PhaseModel m = PeriodogramEstimatorTest.model(35, true);
        ConfigPeriodogram c = new ConfigPeriodogram();
        c.velocityRangeMmYr = 400;
        c.demErrorRangeM = 5000;
        PeriodogramEstimator e = new PeriodogramEstimator(m, c);
        assertTrue(4L * 35 * e.cellsPerPoint() > PeriodogramTables.MAX_TABLE_FLOATS);
        float[] p = PeriodogramEstimatorTest.phases(m, 12.34, -17.8, 1.0);
        assertEquals(-1, e.bestCell(p, 0));
        PixelEstimate r = e.estimate(p, 0);
        assertEquals(12.34, r.velocityMmYr(), 1e-3);
        assertEquals(-17.8, r.demErrorM(), 1e-3);
    }

    @ParameterizedTest(name = "baselines {0}")
    @CsvSource({"true", "false"})
    void nanPhaseGivesCellZeroLikeBruteForce(boolean baselines) {
        PhaseModel m = PeriodogramEstimatorTest.model(35, baselines);
        PeriodogramEstimator e = new PeriodogramEstimator(m, null);
        float[] p = points(m, 1, 0.3, 1);
        p[7] = Float.NaN;
        assertEquals(0, e.bestCellBruteForce(p, 0));
        assertEquals(0, e.bestCell(p, 0));
    }

    @ParameterizedTest(name = "baselines {0}")
    @CsvSource({"true", "false"})
    void copiesShareTablesAndAgree(boolean baselines) {
        PhaseModel m = PeriodogramEstimatorTest.model(35, baselines);
        PeriodogramEstimator e = new PeriodogramEstimator(m, null);
        PeriodogramEstimator f = e.copy();
        float[] p = points(m, 200, 0.6, 3);
        for (int i = 0; i < 200; i++) {
            PixelEstimate x = e.estimate(p, i * 35);
            PixelEstimate y = f.estimate(p, i * 35);
            assertEquals(x, y);
        }
    }
}
