package dev.surveyor.craters.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CraterCalibrationTest {
    @Test
    void recoversADiameterConventionAndTheThreshold() {
        Random r = new Random(8);
        List<Crater> truth = new ArrayList<>();
        List<Crater> det = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double d = 10 + 20 * r.nextDouble();
            double x = (i % 20) * 60 + 30, y = (i / 20) * 60 + 30;
            truth.add(Crater.truth(x, y, d));
            // detections 1.6x the labelled size (IoU 0.39: no match before calibration), scores
            // 0.5..1
            det.add(new Crater(x, y, 1.6 * d, 0.5 + 0.5 * r.nextDouble()));
        }
        for (int i = 0; i < 50; i++) {
            det.add(
                    new Crater(
                            2000 + 40 * i,
                            2000,
                            15,
                            0.3 * r.nextDouble())); // low-score false alarms
        }
        CraterCalibration c = CraterCalibration.fit(truth, det, 0.5, 0);
        assertEquals(1 / 1.6, c.sizeScale(), 1e-9);
        assertEquals(1.0, c.f1(), 1e-12);
        // the best threshold keeps every true crater and drops every false alarm (scores < 0.3)
        double minTrueScore =
                det.subList(0, 300).stream().mapToDouble(Crater::score).min().orElseThrow();
        assertEquals(minTrueScore, c.threshold(), 1e-12);
    }
}
