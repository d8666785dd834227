package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuses the detections of several runs over the same area (the scales of {@link TestScales}) into
 * one list, as weighted box fusion does for object detectors.
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
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, (a, b) -> Double.compare(all.get(b).score(), all.get(a).score()));
        double maxD = 0;
        for (Crater c : all) {
            maxD = Math.max(maxD, c.diameterPx());
        }
        CraterGrid grid = new CraterGrid(all, Math.max(16, Math.min(256, maxD)));
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

    /** A uniform grid over crater centres for IoU neighbour queries. */
    private static final class CraterGrid {
        private final List<Crater> all;
        private final double cell;
        private final java.util.Map<Long, List<Integer>> cells = new java.util.HashMap<>();

        CraterGrid(List<Crater> all, double cell) {
            this.all = all;
            this.cell = cell;
            for (int i = 0; i < all.size(); i++) {
                cells.computeIfAbsent(
                                key(all.get(i).xPx(), all.get(i).yPx()), c -> new ArrayList<>())
                        .add(i);
            }
        }

        private long key(double x, double y) {
            return key((int) Math.floor(x / cell), (int) Math.floor(y / cell));
        }

        private static long key(int gx, int gy) {
            return ((long) gx << 32) ^ (gy & 0xffffffffL);
        }

        /** Candidates whose centres are close enough for any box overlap with {@code c}. */
        List<Integer> near(Crater c) {
            // two squares overlap only if the centres are within (d1 + d2) / 2 on each axis; box
            // IoU >= 0.5 further needs d2 <= 2 d1, so (d1 + 2 d1) / 2 = 1.5 d1 is enough
            double reachPx = 1.5 * c.diameterPx();
            int gx0 = (int) Math.floor((c.xPx() - reachPx) / cell);
            int gx1 = (int) Math.floor((c.xPx() + reachPx) / cell);
            int gy0 = (int) Math.floor((c.yPx() - reachPx) / cell);
            int gy1 = (int) Math.floor((c.yPx() + reachPx) / cell);
            List<Integer> out = new ArrayList<>();
            for (int gy = gy0; gy <= gy1; gy++) {
                for (int gx = gx0; gx <= gx1; gx++) {
                    List<Integer> l = cells.get(key(gx, gy));
                    if (l != null) {
                        out.addAll(l);
                    }
                }
            }
            return out;
        }
    }
}
