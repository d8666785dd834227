package dev.surveyor.report.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CraterEvaluationTest {
    @Test
    void boxIouOfShiftedSquares() {
        CraterCircle a = new CraterCircle(10, 10, 10, 1);
        // same size shifted by half a side: intersection 50, union 150
        assertEquals(1.0 / 3, a.boxIou(new CraterCircle(15, 10, 10, 1)), 1e-12);
        // concentric 10 and 5: 25 / 100
        assertEquals(0.25, a.boxIou(new CraterCircle(10, 10, 5, 1)), 1e-12);
        assertEquals(0.0, a.boxIou(new CraterCircle(30, 10, 10, 1)), 0);
        assertEquals(1.0, a.boxIou(a), 1e-12);
    }

    @Test
    void handComputedCurveAndAp() {
        List<CraterCircle> truth =
                List.of(
                        new CraterCircle(10, 10, 10, Double.NaN),
                        new CraterCircle(50, 50, 20, Double.NaN),
                        new CraterCircle(90, 20, 8, Double.NaN));
        List<CraterCircle> det =
                List.of(
                        new CraterCircle(80, 80, 10, 0.7), // false alarm
                        new CraterCircle(10, 10, 10, 0.9), // exact
                        new CraterCircle(51, 50, 20, 0.8), // IoU 19*20/(800-380)=0.905
                        new CraterCircle(94, 20, 8, 0.6)); // shifted by half a side: IoU 1/3 < 0.5
        CraterEvaluation e = CraterEvaluation.evaluate(det, truth, 0.5, 0);
        assertArrayEquals(new double[] {0.9, 0.8, 0.7, 0.6}, e.thresholds(), 0);
        assertArrayEquals(new double[] {1, 1, 2.0 / 3, 0.5}, e.precision(), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3}, e.recall(), 1e-12);
        assertEquals(0.8, e.f1()[1], 1e-12);
        assertEquals(1, e.bestIndex());
        assertEquals(2.0 / 3, e.averagePrecision(), 1e-12);
        assertArrayEquals(new int[] {0, 1, -1, -1}, e.matchedTruth());
        assertArrayEquals(new double[] {0.9, 0.8, Double.NaN}, e.truthMatchScore(), 0);
        assertEquals(1, e.indexAt(0.75));
        assertEquals(-1, e.indexAt(0.95));
    }

    @Test
    void greedyByScoreGivesTheTruthToTheHigherScore() {
        List<CraterCircle> truth = List.of(new CraterCircle(10, 10, 10, Double.NaN));
        // the lower-scored detection overlaps better, but the higher-scored one matches first
        List<CraterCircle> det =
                List.of(new CraterCircle(10, 10, 10, 0.5), new CraterCircle(11, 10, 10, 0.9));
        CraterEvaluation e = CraterEvaluation.evaluate(det, truth, 0.5, 0);
        assertEquals(0.9, e.detections().get(0).score());
        assertArrayEquals(new int[] {0, -1}, e.matchedTruth());
    }

    @Test
    void minimumDiameterDropsSmallTruthAndIgnoresSmallFalseAlarms() {
        List<CraterCircle> truth =
                List.of(
                        new CraterCircle(10, 10, 4, Double.NaN),
                        new CraterCircle(50, 50, 20, Double.NaN));
        List<CraterCircle> det =
                List.of(new CraterCircle(50, 50, 20, 0.9), new CraterCircle(10, 10, 4, 0.8));
        CraterEvaluation e = CraterEvaluation.evaluate(det, truth, 0.5, 8);
        assertEquals(1, e.truth().size());
        assertArrayEquals(new int[] {0, -2}, e.matchedTruth());
        assertArrayEquals(new double[] {1, 1}, e.precision(), 0);
        assertEquals(1.0, e.averagePrecision(), 1e-12);
    }
}
