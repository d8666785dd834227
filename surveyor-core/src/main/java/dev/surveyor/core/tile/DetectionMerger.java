package dev.surveyor.core.tile;

import dev.surveyor.core.util.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes duplicates of point detections found by several overlapping tiles. Two strategies, which
 * may be combined:
 *
 * <ol>
 *   <li>{@link #keepOwned ownership} (exact and deterministic): a tile keeps a detection only when
 *       its centre lies in the tile's {@link Tile#core core} window ({@code x0 <= x < x1}, same for
 *       y). Since cores partition the scene, an object found by every tile that sees it is kept
 *       once. Detections outside the scene (in padding) are dropped.
 *   <li>{@link #merge greedy merging by score} (for detections of one object whose centres differ
 *       slightly between tiles and fall on both sides of a core border): detections are visited in
 *       the order score descending, then y, x ascending, then size descending; one is kept unless
 *       it matches an already kept one, where two match when the centre distance is below {@code
 *       distanceFraction * min(sizes)} and {@code max(size) / min(size) <= maxSizeRatio}. The kept
 *       detection is returned unchanged (no averaging).
 * </ol>
 *
 * <p>{@link #mergeTiles} combines both: soft ownership (core plus a margin, see {@link
 * #keepOwned(Tile, Collection, double)}) drops the far duplicates, often cut off at tile edges, and
 * merging collapses the rest.
 *
 * <p>Results depend only on the set of detections, not on the order they or the tiles come in.
 * Merging uses a uniform grid of cells as large as the largest possible match distance, so it runs
 * in about linear time. Immutable and thread-safe.
 */
public final class DetectionMerger {
    /**
     * The visiting order of {@link #merge}: score descending, then y, x ascending, size descending.
     */
    public static final Comparator<Detection> ORDER =
            Comparator.comparingDouble(Detection::score)
                    .reversed()
                    .thenComparingDouble(Detection::yPx)
                    .thenComparingDouble(Detection::xPx)
                    .thenComparing(Comparator.comparingDouble(Detection::sizePx).reversed());

    private final double distanceFraction;
    private final double maxSizeRatio;

    DetectionMerger(double distanceFraction, double maxSizeRatio) {
        this.distanceFraction = distanceFraction;
        this.maxSizeRatio = maxSizeRatio;
    }

    /**
     * A merger.
     *
     * @param config settings, or null for the defaults (0.5, 1.5)
     */
    public static DetectionMerger create(ConfigDetectionMerge config) {
        ConfigDetectionMerge c = config != null ? config : new ConfigDetectionMerge();
        c.validate();
        return new DetectionMerger(c.distanceFraction, c.maxSizeRatio);
    }

    /**
     * Detections in a tile's own pixel coordinates (origin at the top-left corner of the tile's
     * {@link Tile#full() full} window, i.e. of the model input) moved to scene coordinates.
     *
     * @param tileDetections (Input) Not modified.
     */
    public static List<Detection> toScene(Tile tile, Collection<Detection> tileDetections) {
        Checks.notNull("tile", tile);
        List<Detection> out = new ArrayList<>(tileDetections.size());
        for (Detection d : tileDetections) {
            out.add(d.translate(tile.full().x0(), tile.full().y0()));
        }
        return out;
    }

    /**
     * The detections whose centre lies in the core window of {@code tile}.
     *
     * @param detections (Input) detections found in this tile, in scene coordinates. Not modified.
     */
    public static List<Detection> keepOwned(Tile tile, Collection<Detection> detections) {
        Checks.notNull("tile", tile);
        List<Detection> out = new ArrayList<>();
        for (Detection d : detections) {
            if (tile.core().contains(d.xPx(), d.yPx())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Soft ownership: the detections whose centre lies in the tile's core grown by {@code
     * marginFraction * sizePx} of each detection, and inside the tile's read window. With exact
     * ownership, jittered centres of one object near a core border can each fall in the other
     * tile's core and the object is lost; with a margin of {@code distanceFraction} at least one of
     * two matching detections survives (so {@link #merge} must follow).
     *
     * @param detections (Input) detections found in this tile, in scene coordinates. Not modified.
     */
    public static List<Detection> keepOwned(
            Tile tile, Collection<Detection> detections, double marginFraction) {
        Checks.notNull("tile", tile);
        Checks.atLeast("marginFraction", marginFraction, 0.0);
        Window c = tile.core();
        Window r = tile.read();
        List<Detection> out = new ArrayList<>();
        for (Detection d : detections) {
            double m = marginFraction * d.sizePx();
            double x = d.xPx();
            double y = d.yPx();
            if (r.contains(x, y)
                    && x >= c.x0() - m
                    && x < c.x1() + m
                    && y >= c.y0() - m
                    && y < c.y1() + m) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether two detections count as the same object. */
    public boolean matches(Detection a, Detection b) {
        double small = Math.min(a.sizePx(), b.sizePx());
        double large = Math.max(a.sizePx(), b.sizePx());
        if (large > maxSizeRatio * small) {
            return false;
        }
        double dx = a.xPx() - b.xPx();
        double dy = a.yPx() - b.yPx();
        double r = distanceFraction * small;
        return dx * dx + dy * dy < r * r;
    }

    /**
     * Greedy merge: one detection per object, in {@link #ORDER}.
     *
     * @param detections (Input) detections in scene coordinates from all tiles. Not modified.
     */
    public List<Detection> merge(Collection<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(ORDER);
        double maxSize = 0;
        for (Detection d : sorted) {
            maxSize = Math.max(maxSize, d.sizePx());
        }
        double cell = distanceFraction * maxSize;
        if (!(cell > 0)) {
            return sorted;
        }
        Map<Long, List<Detection>> grid = new HashMap<>();
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            long cx = (long) Math.floor(d.xPx() / cell);
            long cy = (long) Math.floor(d.yPx() / cell);
            boolean duplicate = false;
            search:
            for (long gy = cy - 1; gy <= cy + 1; gy++) {
                for (long gx = cx - 1; gx <= cx + 1; gx++) {
                    List<Detection> bucket = grid.get(key(gx, gy));
                    if (bucket == null) {
                        continue;
                    }
                    for (Detection k : bucket) {
                        if (matches(d, k)) {
                            duplicate = true;
                            break search;
                        }
                    }
                }
            }
            if (!duplicate) {
                kept.add(d);
                grid.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(d);
            }
        }
        return kept;
    }

    /**
     * Ownership then merging over all tiles: soft {@link #keepOwned(Tile, Collection, double)} per
     * tile with a margin of {@code distanceFraction}, then {@link #merge} of the union.
     *
     * @param perTile (Input) each tile's detections in scene coordinates. Not modified.
     */
    public List<Detection> mergeTiles(Map<Tile, ? extends Collection<Detection>> perTile) {
        List<Detection> all = new ArrayList<>();
        for (Map.Entry<Tile, ? extends Collection<Detection>> e : perTile.entrySet()) {
            all.addAll(keepOwned(e.getKey(), e.getValue(), distanceFraction));
        }
        return merge(all);
    }

    private static long key(long gx, long gy) {
        return gx * 0x9E3779B97F4A7C15L ^ gy;
    }
}
