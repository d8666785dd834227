package dev.surveyor.craters.eval;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall, F1, AP and the diameter ratio of one matching.
 *
 * <p>AP is COCO's: the precision envelope (maximum precision at any recall at least r) sampled at
 * the 101 recall points 0, 0.01, ..., 1 and averaged (0 where the recall is never reached).
 */
public final class DetectionScores {
    /** Scores at one threshold. */
    public record AtThreshold(
            double threshold,
            int truePositives,
            int falsePositives,
            int falseNegatives,
            double precision,
            double recall,
            double f1,
            double medianDiameterRatio) {}

    private DetectionScores() {}

    /** Scores of the detections with a score of at least {@code threshold}. */
    public static AtThreshold at(CraterMatcher.Matching m, double threshold) {
        int tp = 0, fp = 0;
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < m.detections().size(); i++) {
            Crater d = m.detections().get(i);
            if (d.score() < threshold) {
                break;
            }
            if (m.truePositive()[i]) {
                tp++;
                ratios.add(d.diameterPx() / m.truth().get(m.truthIndex()[i]).diameterPx());
            } else if (!m.ignored()[i]) {
                fp++;
            }
        }
        return make(threshold, tp, fp, m.numTruth(), median(ratios));
    }

    /** The threshold (a detection score) of the highest F1 and its scores; threshold 1 if none. */
    public static AtThreshold bestF1(CraterMatcher.Matching m) {
        int tp = 0, fp = 0;
        AtThreshold best = make(1.0, 0, 0, m.numTruth(), Double.NaN);
        List<Crater> dets = m.detections();
        for (int i = 0; i < dets.size(); i++) {
            if (m.truePositive()[i]) {
                tp++;
            } else if (!m.ignored()[i]) {
                fp++;
            }
            boolean lastOfScore =
                    i + 1 == dets.size() || dets.get(i + 1).score() < dets.get(i).score();
            if (lastOfScore) {
                AtThreshold a = make(dets.get(i).score(), tp, fp, m.numTruth(), Double.NaN);
                if (a.f1() > best.f1()) {
                    best = a;
                }
            }
        }
        return at(m, best.threshold());
    }

    /** COCO-style 101-point interpolated average precision of the matching. */
    public static double averagePrecision(CraterMatcher.Matching m) {
        int nt = m.numTruth();
        if (nt == 0) {
            return Double.NaN;
        }
        List<double[]> pr = new ArrayList<>();
        int tp = 0, fp = 0;
        for (int i = 0; i < m.detections().size(); i++) {
            if (m.truePositive()[i]) {
                tp++;
            } else if (!m.ignored()[i]) {
                fp++;
            } else {
                continue;
            }
            pr.add(new double[] {tp / (double) nt, tp / (double) (tp + fp)});
        }
        int n = pr.size();
        double[] env = new double[n];
        double run = 0;
        for (int i = n - 1; i >= 0; i--) {
            run = Math.max(run, pr.get(i)[1]);
            env[i] = run;
        }
        double sum = 0;
        int j = 0;
        for (int k = 0; k <= 100; k++) {
            double r = k / 100.0;
            while (j < n && pr.get(j)[0] < r - 1e-12) {
                j++;
            }
            if (j < n) {
                sum += env[j];
            }
        }
        return sum / 101;
    }

    /** AP at IoU 0.5. */
    public static double ap50(List<Crater> truth, List<Crater> dets, double minDiameterPx) {
        return averagePrecision(new CraterMatcher(0.5, minDiameterPx).match(truth, dets));
    }

    /** COCO AP averaged over IoU 0.50, 0.55, ..., 0.95. */
    public static double cocoAp(List<Crater> truth, List<Crater> dets, double minDiameterPx) {
        double s = 0;
        for (int k = 0; k < 10; k++) {
            s +=
                    averagePrecision(
                            new CraterMatcher(0.5 + 0.05 * k, minDiameterPx).match(truth, dets));
        }
        return s / 10;
    }

    static AtThreshold make(double thr, int tp, int fp, int nt, double ratio) {
        double p = tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        double r = nt == 0 ? 1.0 : tp / (double) nt;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new AtThreshold(thr, tp, fp, nt - tp, p, r, f, ratio);
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }
}
