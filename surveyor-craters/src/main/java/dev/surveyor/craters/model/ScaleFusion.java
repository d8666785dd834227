package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuses the detections of several runs over the same area (the scales of {@link TestScales}, the
 * members of a {@link CraterEnsemble}) into one list, as weighted box fusion does for object
 * detectors.
 *
 * <p>All detections are visited in descending score. An unassigned detection starts a group; from
 * each other run, the unassigned detection that overlaps it most with box IoU {@code >= 0.5}
 * (circumscribed squares, {@link Crater#boxIou}) joins the group — at most one per run. A group
 * becomes one crater: centre and diameter are the score-weighted means of its members, score is the
 * sum of their scores divided by the number of runs (a run that did not see the crater adds 0). So
 * a crater found at every scale keeps its mean score and one seen at one of four scales keeps a
 * quarter of it.
 *
 * <p>Stateless.
 */
public final class ScaleFusion {
    /** Box IoU at or above which detections of two runs are the same crater. */
    public static final double MATCH_IOU = 0.5;

    private ScaleFusion() {}

    /**
     * Fuses runs.
     *
     * @param runs detections of each run, same pixel coordinates (any order)
     * @return fused craters, descending score
     */
    public static List<Crater> fuse(List<List<Crater>> runs) {
        int k = runs.size();
        if (k == 1) {
            List<Crater> one = new ArrayList<>(runs.get(0));
            one.sort(Comparator.comparingDouble(Crater::score).reversed());
            return one;
        }
        List<Crater> all = new ArrayList<>();
        List<Integer> runOf = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            for (Crater c : runs.get(r)) {
                all.add(c);
                runOf.add(r);
            }
        }
        Integer[] order = CraterGrid.byDescendingScore(all);
        double maxD = 0;
        for (Crater c : all) {
            maxD = Math.max(maxD, c.diameterPx());
        }
        CraterGrid grid = new CraterGrid(Math.max(16, Math.min(256, maxD)));
        for (int i = 0; i < all.size(); i++) {
            grid.add(i, all.get(i));
        }
        boolean[] used = new boolean[all.size()];
        List<Crater> out = new ArrayList<>();
        for (int idx : order) {
            if (used[idx]) {
                continue;
            }
            used[idx] = true;
            Crater seed = all.get(idx);
            int[] best = new int[k];
            double[] bestIou = new double[k];
            java.util.Arrays.fill(best, -1);
            for (int o : grid.near(seed)) {
                int r = runOf.get(o);
                if (used[o] || r == runOf.get(idx)) {
                    continue;
                }
                double iou = seed.boxIou(all.get(o));
                if (iou >= MATCH_IOU && (iou > bestIou[r] || (iou == bestIou[r] && o < best[r]))) {
                    best[r] = o;
                    bestIou[r] = iou;
                }
            }
            double sw = seed.score(), sx = sw * seed.xPx(), sy = sw * seed.yPx();
            double sd = sw * seed.diameterPx();
            for (int r = 0; r < k; r++) {
                if (best[r] >= 0) {
                    used[best[r]] = true;
                    Crater m = all.get(best[r]);
                    sw += m.score();
                    sx += m.score() * m.xPx();
                    sy += m.score() * m.yPx();
                    sd += m.score() * m.diameterPx();
                }
            }
            out.add(new Crater(sx / sw, sy / sw, sd / sw, sw / k));
        }
        out.sort(Comparator.comparingDouble(Crater::score).reversed());
        return out;
    }
}
