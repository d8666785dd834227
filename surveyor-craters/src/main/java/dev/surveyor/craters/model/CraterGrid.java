package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A uniform grid over crater centres (pixel coordinates) for box-IoU neighbour queries, filled as
 * the caller goes: {@link #add} an index, {@link #near} returns the added indices that may overlap
 * a crater. Used by the seam merge of {@link TiledInference} and by {@link ScaleFusion}.
 *
 * <p>Not thread-safe.
 */
final class CraterGrid {
    private final double cellPx;
    private final Map<Long, List<Integer>> cells = new HashMap<>();

    /**
     * @param cellPx cell side (px)
     */
    CraterGrid(double cellPx) {
        this.cellPx = cellPx;
    }

    /** Indices {@code 0..n-1} of {@code craters} by descending score (a stable sort). */
    static Integer[] byDescendingScore(List<Crater> craters) {
        Integer[] order = new Integer[craters.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, (a, b) -> Double.compare(craters.get(b).score(), craters.get(a).score()));
        return order;
    }

    /** Adds crater {@code c} under {@code index}. */
    void add(int index, Crater c) {
        cells.computeIfAbsent(key(cell(c.xPx()), cell(c.yPx())), k -> new ArrayList<>()).add(index);
    }

    /**
     * The added indices whose centres lie within {@code 1.5 d} of {@code c}'s centre on each axis
     * ({@code d} = {@code c}'s diameter), and maybe a few more: every crater with box IoU {@code >=
     * 0.5} with {@code c} is among them (two squares overlap only if their centres are within
     * {@code (d1 + d2) / 2} on each axis, and box IoU {@code >= 0.5} needs {@code d2 <= sqrt(2)
     * d1}).
     */
    List<Integer> near(Crater c) {
        double reachPx = 1.5 * c.diameterPx();
        int gx0 = cell(c.xPx() - reachPx), gx1 = cell(c.xPx() + reachPx);
        int gy0 = cell(c.yPx() - reachPx), gy1 = cell(c.yPx() + reachPx);
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

    private int cell(double px) {
        return (int) Math.floor(px / cellPx);
    }

    private static long key(int gx, int gy) {
        return ((long) gx << 32) ^ (gy & 0xffffffffL);
    }
}
