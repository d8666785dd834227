package dev.surveyor.craters.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.craters.Crater;
import java.util.List;
import org.junit.jupiter.api.Test;

class CraterMatcherTest {
    @Test
    void boxIouOfCircumscribedSquares() {
        // squares 10x10 shifted by 5 in x: inter 50, union 150
        assertEquals(1.0 / 3, Crater.truth(0, 0, 10).boxIou(Crater.truth(5, 0, 10)), 1e-12);
        // nested: 5x5 inside 10x10 -> 25 / 100
        assertEquals(0.25, Crater.truth(0, 0, 10).boxIou(Crater.truth(0, 0, 5)), 1e-12);
        assertEquals(0, Crater.truth(0, 0, 10).boxIou(Crater.truth(20, 0, 10)));
    }

    @Test
    void greedyOneToOneByScore() {
        List<Crater> truth = List.of(Crater.truth(10, 10, 10), Crater.truth(40, 10, 10));
        List<Crater> dets =
                List.of(
                        new Crater(11, 10, 10, 0.6), // IoU 0.818 with truth 0
                        new Crater(10, 10, 10, 0.9), // exact, matched first
                        new Crater(41, 11, 10, 0.8),
                        new Crater(100, 100, 10, 0.7)); // false positive
        CraterMatcher.Matching m = new CraterMatcher(0.5, 0).match(truth, dets);
        assertArrayEquals(new boolean[] {true, true, false, false}, m.truePositive());
        assertArrayEquals(new int[] {0, 1, -1, -1}, m.truthIndex());
        DetectionScores.AtThreshold all = DetectionScores.at(m, 0);
        assertEquals(2, all.truePositives());
        assertEquals(2, all.falsePositives());
        assertEquals(0, all.falseNegatives());
        assertEquals(0.5, all.precision(), 1e-12);
        assertEquals(1.0, all.recall(), 1e-12);
        assertEquals(2.0 / 3, all.f1(), 1e-12);
        DetectionScores.AtThreshold best = DetectionScores.bestF1(m);
        assertEquals(0.8, best.threshold(), 1e-12);
        assertEquals(1.0, best.f1(), 1e-12);
        assertEquals(1.0, best.medianDiameterRatio(), 1e-12);
        // PR points: (0.5,1) (1,1) (1,2/3) (1,0.5): envelope 1 at every recall -> AP 1
        assertEquals(1.0, DetectionScores.averagePrecision(m), 1e-12);
    }

    @Test
    void averagePrecisionHandComputed() {
        List<Crater> truth = List.of(Crater.truth(10, 10, 10), Crater.truth(40, 10, 10));
        // FP first, then TP, then TP: points (0, 0), (0.5, 0.5), (1, 2/3)
        List<Crater> dets =
                List.of(
                        new Crater(100, 100, 10, 0.9),
                        new Crater(10, 10, 10, 0.8),
                        new Crater(40, 10, 10, 0.7));
        CraterMatcher.Matching m = new CraterMatcher(0.5, 0).match(truth, dets);
        // recall points 0..0.5 (51 of them) -> envelope 2/3; 0.51..1 (50) -> 2/3
        assertEquals(2.0 / 3, DetectionScores.averagePrecision(m), 1e-12);
        // only one TP at the end: recall 0..0.5 -> 0.5 precision (51 points), rest 0
        CraterMatcher.Matching m2 =
                new CraterMatcher(0.5, 0).match(truth, List.of(dets.get(0), dets.get(1)));
        assertEquals(0.5 * 51 / 101, DetectionScores.averagePrecision(m2), 1e-12);
    }

    @Test
    void minimumDiameterDropsTruthAndIgnoresSmallFalseAlarms() {
        List<Crater> truth = List.of(Crater.truth(10, 10, 10), Crater.truth(40, 10, 6));
        List<Crater> dets =
                List.of(
                        new Crater(10, 10, 10, 0.9),
                        new Crater(40, 10, 6, 0.8), // its truth is dropped; small -> ignored
                        new Crater(80, 10, 12, 0.7)); // large false alarm -> counted
        CraterMatcher.Matching m = new CraterMatcher(0.5, 8).match(truth, dets);
        assertEquals(1, m.numTruth());
        DetectionScores.AtThreshold a = DetectionScores.at(m, 0);
        assertEquals(1, a.truePositives());
        assertEquals(1, a.falsePositives());
        assertEquals(0.5, a.precision(), 1e-12);
    }

    @Test
    void cocoApIsAtMostAp50AndEqualForExactBoxes() {
        List<Crater> truth = List.of(Crater.truth(10, 10, 10), Crater.truth(40, 10, 10));
        List<Crater> exact = List.of(new Crater(10, 10, 10, 0.9), new Crater(40, 10, 10, 0.8));
        assertEquals(1.0, DetectionScores.cocoAp(truth, exact, 0), 1e-12);
        // 1 px off: IoU = 90/110 = 0.818 -> counts at 0.50..0.80 (7 of 10 thresholds)
        List<Crater> off = List.of(new Crater(11, 10, 10, 0.9), new Crater(41, 10, 10, 0.8));
        assertEquals(1.0, DetectionScores.ap50(truth, off, 0), 1e-12);
        assertEquals(0.7, DetectionScores.cocoAp(truth, off, 0), 1e-12);
    }
}
