package dev.surveyor.core.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectionMergerTest {
    record Truth(double x, double y, double size) {}

    /** Objects spread over the scene, at least 3 sizes apart. */
    static List<Truth> objects(TileGrid g, int n, Random rnd) {
        List<Truth> out = new ArrayList<>();
        while (out.size() < n) {
            double size = 4 + 26 * rnd.nextDouble();
            double x = rnd.nextDouble() * g.width();
            double y = rnd.nextDouble() * g.height();
            boolean far = true;
            for (Truth t : out) {
                if (Math.hypot(t.x - x, t.y - y) < 3 * Math.max(size, t.size)) {
                    far = false;
                    break;
                }
            }
            if (far) {
                out.add(new Truth(x, y, size));
            }
        }
        return out;
    }

    /** What a detector run on each tile reports: every object whose centre it sees, with jitter. */
    static Map<Tile, List<Detection>> detect(
            TileGrid g, List<Truth> truth, double jitterPx, Random rnd) {
        Map<Tile, List<Detection>> perTile = new LinkedHashMap<>();
        for (Tile t : g.tiles()) {
            List<Detection> found = new ArrayList<>();
            for (Truth o : truth) {
                double x = o.x + jitterPx * (rnd.nextDouble() - 0.5);
                double y = o.y + jitterPx * (rnd.nextDouble() - 0.5);
                if (t.read().contains(x, y)) {
                    double size = o.size * (1 + 0.1 * (rnd.nextDouble() - 0.5));
                    found.add(new Detection(x, y, size, rnd.nextDouble()));
                }
            }
            perTile.put(t, found);
        }
        return perTile;
    }

    static void assertOnePerObject(List<Truth> truth, List<Detection> merged) {
        assertEquals(truth.size(), merged.size());
        for (Truth o : truth) {
            long n =
                    merged.stream()
                            .filter(d -> Math.hypot(d.xPx() - o.x, d.yPx() - o.y) < 2)
                            .count();
            assertEquals(1, n, "object at " + o);
        }
    }

    @Test
    void ownershipKeepsEachObjectOnceWhenCentresAgree() {
        Random rnd = new Random(1);
        TileGrid g = TileGrid.of(1000, 700, 256, 64, EdgeMode.SHIFT);
        List<Truth> truth = objects(g, 150, rnd);
        Map<Tile, List<Detection>> perTile = detect(g, truth, 0, rnd);
        int raw = perTile.values().stream().mapToInt(List::size).sum();
        assertTrue(raw > truth.size() + 20, "the overlaps must produce duplicates: " + raw);
        List<Detection> owned = new ArrayList<>();
        perTile.forEach((t, d) -> owned.addAll(DetectionMerger.keepOwned(t, d)));
        assertOnePerObject(truth, owned);
    }

    @Test
    void mergingCollapsesDuplicatesWithJitteredCentres() {
        Random rnd = new Random(2);
        TileGrid g = TileGrid.of(1000, 700, 256, 64, EdgeMode.PARTIAL);
        List<Truth> truth = objects(g, 150, rnd);
        Map<Tile, List<Detection>> perTile = detect(g, truth, 1.5, rnd);
        DetectionMerger m = DetectionMerger.create(null);
        assertOnePerObject(truth, m.mergeTiles(perTile));
        List<Detection> all = new ArrayList<>();
        perTile.values().forEach(all::addAll);
        assertOnePerObject(truth, m.merge(all));
    }

    @Test
    void resultsDoNotDependOnTileOrDetectionOrder() {
        Random rnd = new Random(3);
        TileGrid g = TileGrid.of(800, 800, 200, 50, EdgeMode.SHIFT);
        List<Truth> truth = objects(g, 120, rnd);
        Map<Tile, List<Detection>> perTile = detect(g, truth, 2, rnd);
        DetectionMerger m = DetectionMerger.create(null);
        List<Detection> reference = m.mergeTiles(perTile);
        for (int trial = 0; trial < 5; trial++) {
            List<Tile> tiles = new ArrayList<>(perTile.keySet());
            Collections.shuffle(tiles, rnd);
            Map<Tile, List<Detection>> shuffled = new LinkedHashMap<>();
            for (Tile t : tiles) {
                List<Detection> d = new ArrayList<>(perTile.get(t));
                Collections.shuffle(d, rnd);
                shuffled.put(t, d);
            }
            assertEquals(reference, m.mergeTiles(shuffled));
        }
    }

    @Test
    void nearButDistinctDetectionsSurvive() {
        DetectionMerger m = DetectionMerger.create(new ConfigDetectionMerge(0.5, 1.5));
        // same size, centres 12 px apart: more than 0.5 * 20
        List<Detection> a =
                List.of(new Detection(100, 100, 20, 0.9), new Detection(112, 100, 20, 0.8));
        assertEquals(2, m.merge(a).size());
        // concentric but sizes 10 and 30 (ratio 3): a small crater inside a large one
        List<Detection> b = List.of(new Detection(50, 50, 30, 0.7), new Detection(51, 50, 10, 0.9));
        assertEquals(2, m.merge(b).size());
        // 9 px apart, sizes 20 and 22: the same object; the higher score wins, unchanged
        Detection lo = new Detection(200, 200, 20, 0.6);
        Detection hi = new Detection(209, 200, 22, 0.95);
        assertEquals(List.of(hi), m.merge(List.of(lo, hi)));
        assertEquals(List.of(hi), m.merge(List.of(hi, lo)));
    }

    @Test
    void outputIsSortedByScoreThenPosition() {
        DetectionMerger m = DetectionMerger.create(null);
        List<Detection> in =
                List.of(
                        new Detection(10, 90, 5, 0.5),
                        new Detection(90, 10, 5, 0.5),
                        new Detection(50, 50, 5, 0.9),
                        new Detection(30, 10, 5, 0.5));
        List<Detection> out = m.merge(in);
        assertEquals(new Detection(50, 50, 5, 0.9), out.get(0));
        assertEquals(new Detection(30, 10, 5, 0.5), out.get(1));
        assertEquals(new Detection(90, 10, 5, 0.5), out.get(2));
        assertEquals(new Detection(10, 90, 5, 0.5), out.get(3));
    }

    @Test
    void ownershipOnACoreBorderIsExclusive() {
        TileGrid g = TileGrid.of(300, 100, 128, 32, EdgeMode.SHIFT);
        Tile left = g.tile(0, 0);
        Tile right = g.tile(1, 0);
        double border = left.core().x1();
        assertEquals(border, right.core().x0());
        Detection onBorder = new Detection(border, 50, 10, 1);
        assertEquals(0, DetectionMerger.keepOwned(left, List.of(onBorder)).size());
        assertEquals(1, DetectionMerger.keepOwned(right, List.of(onBorder)).size());
        Detection justLeft = new Detection(Math.nextDown(border), 50, 10, 1);
        assertEquals(1, DetectionMerger.keepOwned(left, List.of(justLeft)).size());
        assertEquals(0, DetectionMerger.keepOwned(right, List.of(justLeft)).size());
        // padding / outside the scene belongs to nobody
        Detection outside = new Detection(300.5, 50, 10, 1);
        for (Tile t : g.tiles()) {
            assertEquals(0, DetectionMerger.keepOwned(t, List.of(outside)).size());
        }
    }

    @Test
    void tileCoordinatesMoveToTheScene() {
        TileGrid g = TileGrid.of(300, 300, 128, 32, EdgeMode.SHIFT);
        Tile t = g.tile(2, 1);
        List<Detection> scene = DetectionMerger.toScene(t, List.of(new Detection(0.5, 10, 4, 1)));
        assertEquals(List.of(new Detection(t.full().x0() + 0.5, t.full().y0() + 10, 4, 1)), scene);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Detection(Double.NaN, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Detection(0, 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Detection(0, 0, 1, Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> DetectionMerger.create(new ConfigDetectionMerge(0.5, 0.9)));
        assertThrows(
                IllegalArgumentException.class,
                () -> DetectionMerger.create(new ConfigDetectionMerge(-1, 1.5)));
        assertEquals(new Detection(3, 4, 1, 1), new Detection(1, 1, 1, 1).translate(2, 3));
        // zero sizes: nothing can match, everything is kept
        DetectionMerger m = DetectionMerger.create(null);
        assertEquals(
                2, m.merge(List.of(new Detection(1, 1, 0, 1), new Detection(1, 1, 0, 0.5))).size());
    }
}
