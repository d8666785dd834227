package dev.surveyor.craters.eval;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.List;

/**
 * Calibrates a detector to another labelling convention from one labelled image: a diameter scale
 * (the median truth/detected diameter ratio on matches, iterated because matching itself depends on
 * the scale) and the best-F1 score threshold of the rescaled detections.
 *
 * @param sizeScale factor to multiply detected diameters by
 * @param threshold best-F1 threshold after rescaling
 * @param f1 the F1 at that threshold on the calibration image
 * @param iterations rounds run
 */
public record CraterCalibration(double sizeScale, double threshold, double f1, int iterations) {
    /**
     * Fits the calibration.
     *
     * @param truth labelled craters of the calibration image
     * @param detections raw detections (all scores) of the same image
     * @param minIou match IoU
     * @param minDiameterPx minimum diameter rule
     */
    public static CraterCalibration fit(
            List<Crater> truth, List<Crater> detections, double minIou, double minDiameterPx) {
        Checks.inRange("minIou", minIou, 1e-9, 1.0);
        CraterMatcher matcher = new CraterMatcher(minIou, minDiameterPx);
        // a first, loose round (IoU 0.1) finds the scale even when no box reaches minIou yet
        CraterMatcher loose = new CraterMatcher(Math.min(0.1, minIou), minDiameterPx);
        double scale = 1;
        int it = 0;
        DetectionScores.AtThreshold best = null;
        for (; it < 8; it++) {
            final double s = scale;
            List<Crater> d =
                    detections.stream()
                            .map(c -> new Crater(c.xPx(), c.yPx(), c.diameterPx() * s, c.score()))
                            .toList();
            best = DetectionScores.bestF1((it == 0 ? loose : matcher).match(truth, d));
            double ratio = best.medianDiameterRatio();
            if (!Double.isFinite(ratio) || (it > 0 && Math.abs(ratio - 1) < 1e-3)) {
                break;
            }
            scale /= ratio;
        }
        final double s = scale;
        List<Crater> d =
                detections.stream()
                        .map(c -> new Crater(c.xPx(), c.yPx(), c.diameterPx() * s, c.score()))
                        .toList();
        best = DetectionScores.bestF1(matcher.match(truth, d));
        return new CraterCalibration(scale, best.threshold(), best.f1(), it + 1);
    }
}
