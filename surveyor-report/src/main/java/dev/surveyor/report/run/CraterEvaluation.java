package dev.surveyor.report.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Detections scored against truth: one-to-one greedy matching by descending score, a detection
 * matching the unmatched truth crater of highest box IoU when that IoU is at least {@code minIou}
 * (boxes are the circumscribed squares, as CenterNet crater papers score).
 *
 * <p>Because matching runs in score order, whether a detection is a true positive does not depend
 * on the threshold: the detections kept at threshold {@code t} are a prefix of the order and keep
 * their matches. So one pass gives the whole precision-recall curve.
 *
 * <p>Truth craters smaller than {@code minDiameterPx} are dropped, and unmatched detections smaller
 * than it are ignored (neither true nor false positives).
 *
 * @param detections the detections, sorted by descending score
 * @param matchedTruth for each detection in that order, the index into {@code truth} it matched, or
 *     -1 when it is a false positive, or -2 when it is ignored (below the minimum diameter)
 * @param truth the truth craters kept (at least {@code minDiameterPx})
 * @param truthMatchScore for each truth crater, the score of the detection that matched it, or NaN
 * @param thresholds curve points: the score thresholds (descending; one per distinct score)
 * @param precision precision at each threshold
 * @param recall recall at each threshold
 * @param f1 F1 at each threshold
 * @param averagePrecision area under the precision envelope (all-point interpolation), AP@minIou
 * @param bestIndex index of the threshold with the highest F1 (-1 when there is no curve)
 */
public record CraterEvaluation(
        List<CraterCircle> detections,
        int[] matchedTruth,
        List<CraterCircle> truth,
        double[] truthMatchScore,
        double[] thresholds,
        double[] precision,
        double[] recall,
        double[] f1,
        double averagePrecision,
        int bestIndex) {

    /** Scores {@code detections} against {@code truth}. */
    public static CraterEvaluation evaluate(
            List<CraterCircle> detections,
            List<CraterCircle> truth,
            double minIou,
            double minDiameterPx) {
        if (!(minIou > 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minIou must be in (0, 1], got " + minIou);
        }
        List<CraterCircle> det = new ArrayList<>(detections);
        det.sort(Comparator.comparingDouble((CraterCircle c) -> -c.score()));
        List<CraterCircle> tru =
                truth.stream().filter(c -> c.diameterPx() >= minDiameterPx).toList();
        // truth sorted by x for a cheap search window
        Integer[] byX = new Integer[tru.size()];
        for (int i = 0; i < byX.length; i++) {
            byX[i] = i;
        }
        Arrays.sort(byX, Comparator.comparingDouble(i -> tru.get(i).xPx()));
        double[] xs = new double[byX.length];
        double maxD = 0;
        for (int i = 0; i < byX.length; i++) {
            xs[i] = tru.get(byX[i]).xPx();
            maxD = Math.max(maxD, tru.get(byX[i]).diameterPx());
        }
        boolean[] used = new boolean[tru.size()];
        double[] truthScore = new double[tru.size()];
        Arrays.fill(truthScore, Double.NaN);
        int[] match = new int[det.size()];
        for (int k = 0; k < det.size(); k++) {
            CraterCircle d = det.get(k);
            double reach = (d.diameterPx() + maxD) / 2;
            int lo = lowerBound(xs, d.xPx() - reach);
            int best = -1;
            double bestIou = minIou;
            for (int j = lo; j < xs.length && xs[j] <= d.xPx() + reach; j++) {
                int t = byX[j];
                if (!used[t]) {
                    double iou = d.boxIou(tru.get(t));
                    if (iou >= bestIou) {
                        bestIou = iou;
                        best = t;
                    }
                }
            }
            if (best >= 0) {
                used[best] = true;
                truthScore[best] = d.score();
                match[k] = best;
            } else {
                match[k] = d.diameterPx() < minDiameterPx ? -2 : -1;
            }
        }
        // curve over distinct thresholds
        List<double[]> pts = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < det.size(); k++) {
            if (match[k] >= 0) {
                tp++;
            } else if (match[k] == -1) {
                fp++;
            }
            boolean lastOfScore =
                    k == det.size() - 1 || det.get(k + 1).score() != det.get(k).score();
            if (lastOfScore) {
                double p = tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
                double r = tru.isEmpty() ? 0.0 : tp / (double) tru.size();
                double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
                pts.add(new double[] {det.get(k).score(), p, r, f});
            }
        }
        int n = pts.size();
        double[] th = new double[n];
        double[] pr = new double[n];
        double[] rc = new double[n];
        double[] f1 = new double[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            th[i] = pts.get(i)[0];
            pr[i] = pts.get(i)[1];
            rc[i] = pts.get(i)[2];
            f1[i] = pts.get(i)[3];
            if (best < 0 || f1[i] > f1[best]) {
                best = i;
            }
        }
        return new CraterEvaluation(
                List.copyOf(det),
                match,
                tru,
                truthScore,
                th,
                pr,
                rc,
                f1,
                averagePrecision(pr, rc),
                best);
    }

    /** All-point interpolated AP: sum over recall steps of the best precision at higher recall. */
    static double averagePrecision(double[] precision, double[] recall) {
        int n = precision.length;
        if (n == 0) {
            return 0;
        }
        double[] env = precision.clone();
        for (int i = n - 2; i >= 0; i--) {
            env[i] = Math.max(env[i], env[i + 1]);
        }
        double ap = 0;
        double prevR = 0;
        for (int i = 0; i < n; i++) {
            ap += (recall[i] - prevR) * env[i];
            prevR = recall[i];
        }
        return ap;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Index of the curve point for threshold {@code t}: the last point with threshold ≥ t, or -1.
     */
    public int indexAt(double t) {
        int idx = -1;
        for (int i = 0; i < thresholds.length && thresholds[i] >= t; i++) {
            idx = i;
        }
        return idx;
    }
}
