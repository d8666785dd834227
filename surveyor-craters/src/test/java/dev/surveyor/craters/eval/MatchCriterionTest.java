package dev.surveyor.craters.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.craters.Crater;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchCriterionTest {
    private static boolean matches(MatchCriterion c, Crater det, Crater truth) {
        return !Double.isNaN(c.quality(det, truth));
    }

    @Test
    void deepMoonUsesRelativeCentreAndRadiusThresholds() {
        MatchCriterion dm = MatchCriterion.deepMoon();
        Crater t = Crater.truth(50, 50, 20); // r = 10
        // centre: d^2 / min(r)^2 = 169 / 100 = 1.69 < 1.8 matches; 196 / 100 = 1.96 does not
        assertTrue(matches(dm, Crater.truth(63, 50, 20), t));
        assertFalse(matches(dm, Crater.truth(64, 50, 20), t));
        // diagonal: 9^2 + 9^2 = 162 -> 1.62 matches; 10^2 + 10^2 = 200 -> 2.0 does not
        assertTrue(matches(dm, Crater.truth(59, 59, 20), t));
        assertFalse(matches(dm, Crater.truth(60, 60, 20), t));
        // radius: |19 - 10| / 10 = 0.9 matches; |21 - 10| / 10 = 1.1 does not
        assertTrue(matches(dm, Crater.truth(50, 50, 38), t));
        assertFalse(matches(dm, Crater.truth(50, 50, 42), t));
        // relative to the SMALLER radius: r 5 vs 10 -> 5 / 5 = 1.0, not < 1
        assertFalse(matches(dm, Crater.truth(50, 50, 10), t));
        assertTrue(matches(dm, Crater.truth(50, 50, 10.5), t)); // 4.75 / 5.25 = 0.905
        // the centre limit scales with the smaller radius: r 6 -> 1.8 * 36 = 64.8 > 8^2
        assertTrue(matches(dm, Crater.truth(58, 50, 12), t));
        assertFalse(matches(dm, Crater.truth(59, 50, 12), t)); // 81 / 36 = 2.25
        // the box-IoU criterion rejects the 13 px shift DeepMoon accepts (IoU 140 / 660)
        assertEquals(140.0 / 660, Crater.truth(63, 50, 20).boxIou(t), 1e-12);
        assertFalse(matches(MatchCriterion.boxIou(0.5), Crater.truth(63, 50, 20), t));
        // quality: minus (dx^2 + dy^2 + dr^2)
        assertEquals(-(9 + 16 + 4), dm.quality(Crater.truth(53, 54, 24), t), 1e-12);
    }

    @Test
    void pycdaScalesTheXyDiameterDistanceByTheTruthDiameter() {
        MatchCriterion p = MatchCriterion.pycda();
        Crater t = Crater.truth(50, 50, 20);
        assertTrue(matches(p, new Crater(58, 50, 20, 0.5), t)); // 8 / 20 = 0.4 (<= 0.4)
        assertFalse(matches(p, new Crater(58.5, 50, 20, 0.5), t)); // 0.425
        assertTrue(matches(p, new Crater(56, 50, 25, 0.5), t)); // sqrt(36 + 25) / 20 = 0.39
        assertFalse(matches(p, new Crater(56, 53, 25, 0.5), t)); // sqrt(70) / 20 = 0.418
        assertEquals(-Math.sqrt(61) / 20, p.quality(new Crater(56, 50, 25, 0.5), t), 1e-12);
        // asymmetric: the truth diameter normalises. det 27 vs truth 20: 7 / 20 = 0.35 matches;
        // det 10 vs truth 20: 10 / 20 = 0.5 does not, det 20 vs truth 10: 10 / 10 = 1 does not
        assertTrue(matches(p, new Crater(50, 50, 27, 0.5), t));
        assertFalse(matches(p, new Crater(50, 50, 10, 0.5), t));
        assertFalse(matches(p, new Crater(50, 50, 20, 0.5), Crater.truth(50, 50, 10)));
        assertTrue(matches(p, new Crater(50, 50, 11, 0.5), Crater.truth(50, 50, 14))); // 3/14
    }

    @Test
    void matcherPicksTheBestCandidateOfTheCriterion() {
        // two truth craters both acceptable to DeepMoon for the first detection; the closer in
        // dx^2 + dy^2 + dr^2 (truth 1: 1 + 0 + 1 = 2 vs truth 0: 16 + 0 + 0 = 16) is taken, and the
        // second detection gets the other one
        List<Crater> truth = List.of(Crater.truth(46, 50, 20), Crater.truth(51, 50, 22));
        List<Crater> dets = List.of(new Crater(50, 50, 20, 0.9), new Crater(45, 50, 20, 0.8));
        CraterMatcher.Matching m =
                new CraterMatcher(MatchCriterion.deepMoon(), 0).match(truth, dets);
        assertArrayEquals(new boolean[] {true, true}, m.truePositive());
        assertArrayEquals(new int[] {1, 0}, m.truthIndex());
        // PyCDA on the same case: det 0 -> truth 0: 4 / 20 = 0.2, truth 1: sqrt(1 + 4) / 22 =
        // 0.10 -> truth 1; det 1 -> truth 0 (1 / 20)
        m = new CraterMatcher(MatchCriterion.pycda(), 0).match(truth, dets);
        assertArrayEquals(new int[] {1, 0}, m.truthIndex());
        // box IoU: det 0 vs truth 1 IoU = 400 / 484 = 0.826, vs truth 0: 16 * 20 / (800 - 320) =
        // 0.667 -> truth 1 as well; det 1 vs truth 0: 19 * 20 / (800 - 380) = 0.905
        m = new CraterMatcher(MatchCriterion.boxIou(0.5), 0).match(truth, dets);
        assertArrayEquals(new int[] {1, 0}, m.truthIndex());
    }

    @Test
    void evaluationCountsUnderEachCriterion() {
        // truth: three 20 px craters; detections: one exact, one 13 px off (DeepMoon only), one
        // 8 px off (PyCDA and DeepMoon, box IoU 12 * 20 / (800 - 240) = 0.43 fails), one far away
        List<Crater> truth =
                List.of(
                        Crater.truth(50, 50, 20),
                        Crater.truth(150, 50, 20),
                        Crater.truth(250, 50, 20));
        List<Crater> dets =
                List.of(
                        new Crater(50, 50, 20, 0.9),
                        new Crater(163, 50, 20, 0.8),
                        new Crater(258, 50, 20, 0.7),
                        new Crater(400, 400, 20, 0.6));
        CraterEvaluation iou =
                CraterEvaluation.evaluate(truth, dets, MatchCriterion.boxIou(0.5), 0, 0.5, 1);
        CraterEvaluation dm =
                CraterEvaluation.evaluate(truth, dets, MatchCriterion.deepMoon(), 0, 0.5, 1);
        CraterEvaluation pc =
                CraterEvaluation.evaluate(truth, dets, MatchCriterion.pycda(), 0, 0.5, 1);
        assertEquals(1, iou.atThreshold().truePositives());
        assertEquals(3, dm.atThreshold().truePositives());
        assertEquals(2, pc.atThreshold().truePositives());
        assertEquals(3.0 / 4, dm.atThreshold().precision(), 1e-12);
        assertEquals(1.0, dm.atThreshold().recall(), 1e-12);
        assertEquals(2.0 / 4, pc.atThreshold().precision(), 1e-12);
        assertEquals(2.0 / 3, pc.atThreshold().recall(), 1e-12);
        // the double-based overload is the box-IoU criterion
        CraterEvaluation legacy = CraterEvaluation.evaluate(truth, dets, 0.5, 0, 0.5, 1);
        assertEquals(iou.atThreshold(), legacy.atThreshold());
        assertEquals(iou.ap50(), legacy.ap50(), 0);
    }

    @Test
    void namesAndBadArguments() {
        assertEquals(MatchCriterion.boxIou(0.3), MatchCriterion.byName("iou", 0.3));
        assertEquals(MatchCriterion.deepMoon(), MatchCriterion.byName("DeepMoon", 0.5));
        assertEquals(MatchCriterion.pycda(), MatchCriterion.byName("pycda", 0.5));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> MatchCriterion.byName("yolo", 0.5));
        assertTrue(e.getMessage().contains("yolo"));
        assertThrows(IllegalArgumentException.class, () -> MatchCriterion.boxIou(0));
        assertThrows(IllegalArgumentException.class, () -> new MatchCriterion.PyCda(0.9));
    }
}
