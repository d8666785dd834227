package dev.surveyor.craters.eval;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A full evaluation of detections against truth: scores at a chosen threshold and at the best-F1
 * threshold, AP@0.5, COCO AP@[.5:.95], the precision/recall/F1 curve against the threshold, and the
 * F1 over random 80 % subsamples of the truth's extent (cells of a 5 x 5 grid; the paper's
 * robustness box plot).
 *
 * @param atThreshold scores at the requested threshold
 * @param bestF1 scores at the best-F1 threshold
 * @param ap50 AP at IoU 0.5 (or under the chosen match criterion)
 * @param cocoAp AP averaged over IoU 0.50:0.05:0.95
 * @param curve scores at every distinct detection score (descending thresholds)
 * @param subsampleF1 F1 at the requested threshold on 10 random 80 % subsamples
 */
public record CraterEvaluation(
        DetectionScores.AtThreshold atThreshold,
        DetectionScores.AtThreshold bestF1,
        double ap50,
        double cocoAp,
        List<DetectionScores.AtThreshold> curve,
        double[] subsampleF1) {

    /**
     * Evaluates.
     *
     * @param truth truth craters
     * @param detections detections with scores
     * @param minIou IoU of a match (0.5 by default)
     * @param minDiameterPx minimum diameter rule (0 for none)
     * @param threshold score threshold for {@link #atThreshold}
     * @param seed seed of the subsamples
     */
    public static CraterEvaluation evaluate(
            List<Crater> truth,
            List<Crater> detections,
            double minIou,
            double minDiameterPx,
            double threshold,
            long seed) {
        return evaluate(
                truth, detections, MatchCriterion.boxIou(minIou), minDiameterPx, threshold, seed);
    }

    /**
     * Evaluates with any match criterion ({@link #ap50} is then the AP under that criterion; {@link
     * #cocoAp} stays box-IoU based, as COCO defines it).
     *
     * @param truth truth craters
     * @param detections detections with scores
     * @param criterion when a detection matches a truth crater
     * @param minDiameterPx minimum diameter rule (0 for none)
     * @param threshold score threshold for {@link #atThreshold}
     * @param seed seed of the subsamples
     */
    public static CraterEvaluation evaluate(
            List<Crater> truth,
            List<Crater> detections,
            MatchCriterion criterion,
            double minDiameterPx,
            double threshold,
            long seed) {
        Checks.inRange("threshold", threshold, 0.0, 1.0);
        CraterMatcher matcher = new CraterMatcher(criterion, minDiameterPx);
        CraterMatcher.Matching m = matcher.match(truth, detections);
        List<DetectionScores.AtThreshold> curve = new ArrayList<>();
        List<Crater> d = m.detections();
        int tp = 0, fp = 0;
        for (int i = 0; i < d.size(); i++) {
            if (m.truePositive()[i]) {
                tp++;
            } else if (!m.ignored()[i]) {
                fp++;
            }
            if (i + 1 == d.size() || d.get(i + 1).score() < d.get(i).score()) {
                curve.add(DetectionScores.make(d.get(i).score(), tp, fp, m.numTruth(), Double.NaN));
            }
        }
        double minX = Double.POSITIVE_INFINITY,
                minY = minX,
                maxX = Double.NEGATIVE_INFINITY,
                maxY = maxX;
        for (Crater c : truth) {
            minX = Math.min(minX, c.xPx());
            minY = Math.min(minY, c.yPx());
            maxX = Math.max(maxX, c.xPx());
            maxY = Math.max(maxY, c.yPx());
        }
        double[] sub = new double[10];
        Random rnd = new Random(seed);
        for (int s = 0; s < 10; s++) {
            boolean[] keep = new boolean[25];
            List<Integer> cells = new ArrayList<>();
            for (int k = 0; k < 25; k++) {
                cells.add(k);
            }
            java.util.Collections.shuffle(cells, rnd);
            for (int k = 0; k < 20; k++) {
                keep[cells.get(k)] = true;
            }
            final double x0 = minX,
                    y0 = minY,
                    cw = (maxX - minX) / 5 + 1e-9,
                    ch = (maxY - minY) / 5 + 1e-9;
            java.util.function.Predicate<Crater> in =
                    c -> {
                        int cx = (int) Math.min(4, Math.max(0, Math.floor((c.xPx() - x0) / cw)));
                        int cy = (int) Math.min(4, Math.max(0, Math.floor((c.yPx() - y0) / ch)));
                        return keep[cy * 5 + cx];
                    };
            sub[s] =
                    DetectionScores.at(
                                    matcher.match(
                                            truth.stream().filter(in).toList(),
                                            detections.stream().filter(in).toList()),
                                    threshold)
                            .f1();
        }
        return new CraterEvaluation(
                DetectionScores.at(m, threshold),
                DetectionScores.bestF1(m),
                DetectionScores.averagePrecision(m),
                DetectionScores.cocoAp(truth, detections, minDiameterPx),
                List.copyOf(curve),
                sub);
    }
}
