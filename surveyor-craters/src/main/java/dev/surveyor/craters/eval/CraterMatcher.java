package dev.surveyor.craters.eval;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-to-one greedy matching of detections to truth.
 *
 * <p>Detections are taken in descending score order (ties: input order); each is matched to the
 * still unmatched truth crater of best {@link MatchCriterion#quality quality} among those the
 * criterion accepts (by default box IoU at least the threshold, the best being the highest IoU;
 * ties: the lower truth index). Truth with a diameter below {@code minDiameterPx} is removed first;
 * a detection left unmatched whose diameter is below {@code minDiameterPx} is ignored (neither true
 * nor false positive), as small craters are not labelled. Because matching is greedy in score
 * order, the matches of the detections scoring at least {@code t} are the same for every {@code t}:
 * one matching gives the whole PR curve.
 *
 * <p>Uses a uniform grid of truth centres so large catalogues match in near-linear time.
 */
public final class CraterMatcher {
    /** Result of a matching, detections in descending score order. */
    public record Matching(
            List<Crater> detections,
            boolean[] truePositive,
            boolean[] ignored,
            int[] truthIndex,
            List<Crater> truth) {
        /** Number of truth craters (after the minimum-diameter rule). */
        public int numTruth() {
            return truth.size();
        }
    }

    private final MatchCriterion criterion;
    private final double minDiameterPx;

    /**
     * Box IoU matching.
     *
     * @param minIou IoU needed for a match, in (0, 1]
     * @param minDiameterPx minimum diameter (px), 0 for none
     */
    public CraterMatcher(double minIou, double minDiameterPx) {
        this(MatchCriterion.boxIou(minIou), minDiameterPx);
    }

    /**
     * @param criterion when a detection matches a truth crater
     * @param minDiameterPx minimum diameter (px), 0 for none
     */
    public CraterMatcher(MatchCriterion criterion, double minDiameterPx) {
        if (criterion == null) {
            throw new IllegalArgumentException("criterion must not be null");
        }
        Checks.atLeast("minDiameterPx", minDiameterPx, 0.0);
        this.criterion = criterion;
        this.minDiameterPx = minDiameterPx;
    }

    /** The match criterion. */
    public MatchCriterion criterion() {
        return criterion;
    }

    /** Matches all detections to the truth. */
    public Matching match(List<Crater> truthAll, List<Crater> detectionsAll) {
        List<Crater> truth =
                truthAll.stream().filter(c -> c.diameterPx() >= minDiameterPx).toList();
        List<Crater> dets = new ArrayList<>(detectionsAll);
        dets.sort(Comparator.comparingDouble(Crater::score).reversed());
        int n = dets.size();
        boolean[] tp = new boolean[n];
        boolean[] ign = new boolean[n];
        int[] ti = new int[n];
        java.util.Arrays.fill(ti, -1);
        double maxD = 1;
        for (Crater c : truth) {
            maxD = Math.max(maxD, c.diameterPx());
        }
        double cell = Math.max(8, maxD);
        java.util.Map<Long, List<Integer>> grid = new java.util.HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            Crater c = truth.get(i);
            grid.computeIfAbsent(
                            key((int) Math.floor(c.xPx() / cell), (int) Math.floor(c.yPx() / cell)),
                            k -> new ArrayList<>())
                    .add(i);
        }
        boolean[] used = new boolean[truth.size()];
        for (int d = 0; d < n; d++) {
            Crater det = dets.get(d);
            int gx = (int) Math.floor(det.xPx() / cell);
            int gy = (int) Math.floor(det.yPx() / cell);
            // every criterion needs centres closer than (d1 + d2) / 2 <= det + maxD; search
            // enough cells.
            int reach = 1 + (int) Math.ceil(det.diameterPx() / cell);
            double bestQ = Double.NEGATIVE_INFINITY;
            int best = -1;
            for (int yy = gy - reach; yy <= gy + reach; yy++) {
                for (int xx = gx - reach; xx <= gx + reach; xx++) {
                    List<Integer> l = grid.get(key(xx, yy));
                    if (l == null) {
                        continue;
                    }
                    for (int t : l) {
                        if (used[t]) {
                            continue;
                        }
                        double q = criterion.quality(det, truth.get(t));
                        if (!Double.isNaN(q)
                                && (best < 0 || q > bestQ || (q == bestQ && t < best))) {
                            bestQ = q;
                            best = t;
                        }
                    }
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp[d] = true;
                ti[d] = best;
            } else if (det.diameterPx() < minDiameterPx) {
                ign[d] = true;
            }
        }
        return new Matching(List.copyOf(dets), tp, ign, ti, truth);
    }

    private static long key(int x, int y) {
        return ((long) x << 32) ^ (y & 0xffffffffL);
    }
}
