package dev.surveyor.craters.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CraterEvaluationTest {
    @Test
    void perfectDetectionsScoreOneEverywhere() {
        Random r = new Random(4);
        List<Crater> truth = new ArrayList<>();
        List<Crater> det = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Crater c =
                    Crater.truth(
                            r.nextDouble() * 1000, r.nextDouble() * 1000, 8 + r.nextDouble() * 20);
            truth.add(c);
            det.add(new Crater(c.xPx(), c.yPx(), c.diameterPx(), 0.5 + 0.5 * r.nextDouble()));
        }
        CraterEvaluation e = CraterEvaluation.evaluate(truth, det, 0.5, 0, 0.3, 1);
        assertEquals(1.0, e.atThreshold().f1(), 1e-12);
        assertEquals(1.0, e.ap50(), 1e-12);
        assertEquals(1.0, e.cocoAp(), 1e-12);
        assertEquals(1.0, e.atThreshold().medianDiameterRatio(), 1e-12);
        for (double f : e.subsampleF1()) {
            assertEquals(1.0, f, 1e-12);
        }
        // curve: recall grows to 1 as the threshold falls, precision stays 1
        var last = e.curve().get(e.curve().size() - 1);
        assertEquals(1.0, last.recall(), 1e-12);
        assertEquals(1.0, last.precision(), 1e-12);
    }

    @Test
    void halfTheTruthFoundGivesRecallHalf() {
        List<Crater> truth = new ArrayList<>();
        List<Crater> det = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            truth.add(Crater.truth(20 * i, 0, 10));
            if (i % 2 == 0) {
                det.add(new Crater(20 * i, 0, 11, 0.9)); // IoU 100/121 = 0.83 and ratio 1.1
            }
        }
        CraterEvaluation e = CraterEvaluation.evaluate(truth, det, 0.5, 0, 0.5, 1);
        assertEquals(0.5, e.atThreshold().recall(), 1e-12);
        assertEquals(1.0, e.atThreshold().precision(), 1e-12);
        assertEquals(2.0 / 3, e.atThreshold().f1(), 1e-12);
        assertEquals(1.1, e.atThreshold().medianDiameterRatio(), 1e-12);
        // AP: precision 1 up to recall 0.5 -> 51 of 101 points
        assertEquals(51.0 / 101, e.ap50(), 1e-12);
    }
}
