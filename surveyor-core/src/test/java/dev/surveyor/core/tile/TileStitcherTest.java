package dev.surveyor.core.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterF32;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TileStitcherTest {
    interface Field {
        float at(int x, int y);
    }

    /**
     * The prediction of a tile cut from a field; padding beyond the scene is set to {@code pad}.
     */
    static RasterF32 cut(TileGrid g, Tile t, Field f, float pad) {
        RasterF32 p = new RasterF32(t.full().width(), t.full().height());
        for (int j = 0; j < p.height(); j++) {
            for (int i = 0; i < p.width(); i++) {
                int x = t.full().x0() + i;
                int y = t.full().y0() + j;
                p.set(i, j, x < g.width() && y < g.height() ? f.at(x, y) : pad);
            }
        }
        return p;
    }

    static void assertField(TileGrid g, RasterF32 out, Field f, double tol) {
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                double e = f.at(x, y);
                double a = out.get(x, y);
                if (!(Math.abs(e - a) <= tol)) {
                    throw new AssertionError(
                            g + ": pixel (" + x + ", " + y + ") expected " + e + " got " + a);
                }
            }
        }
    }

    static List<TileGrid> grids() {
        return List.of(
                TileGrid.of(301, 203, 64, 16, EdgeMode.SHIFT),
                TileGrid.of(301, 203, 64, 16, EdgeMode.PARTIAL),
                TileGrid.of(130, 130, 64, 40, EdgeMode.SHIFT),
                TileGrid.of(50, 37, 64, 8, EdgeMode.SHIFT),
                TileGrid.of(97, 65, 32, 0, EdgeMode.PARTIAL));
    }

    @Test
    void constantAndLinearFieldsComeBackExactly() {
        Field constant = (x, y) -> 3.25f;
        Field linear = (x, y) -> 0.37f * x - 1.3f * y + 5f;
        for (BlendRamp ramp : BlendRamp.values()) {
            for (TileGrid g : grids()) {
                for (Field f : new Field[] {constant, linear}) {
                    TileStitcher s = TileStitcher.create(g, new ConfigTileStitcher(ramp));
                    for (Tile t : g.tiles()) {
                        s.add(t, cut(g, t, f, 1e6f));
                    }
                    assertField(g, s.result(), f, 1e-6);
                }
            }
        }
    }

    @Test
    void randomFieldComesBackInAnyTileOrder() {
        Random rnd = new Random(5);
        for (TileGrid g : grids()) {
            float[] v = new float[g.width() * g.height()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            Field f = (x, y) -> v[y * g.width() + x];
            List<Tile> order = new ArrayList<>(g.tiles());
            Collections.shuffle(order, rnd);
            TileStitcher s = TileStitcher.create(g, null);
            for (Tile t : order) {
                s.add(t, cut(g, t, f, Float.NaN));
            }
            assertField(g, s.result(), f, 1e-6);
        }
    }

    @Test
    void weightsArePositiveOneAtBordersAndSumToOneInOverlaps() {
        TileGrid g = TileGrid.of(301, 203, 64, 16, EdgeMode.PARTIAL);
        TileStitcher s = TileStitcher.create(g, null);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                double sum = 0;
                int covering = 0;
                for (Tile t : g.tiles()) {
                    double w = s.weight(t, x, y);
                    if (t.read().contains(x, y)) {
                        covering++;
                        assertTrue(w > 0 && w <= 1, "weight " + w + " at " + x + "," + y);
                    } else {
                        assertEquals(0, w);
                    }
                    sum += w;
                }
                if (covering == 1) {
                    assertEquals(1, sum, 0, "single cover at " + x + "," + y);
                }
                // regular overlaps: weights form a partition of unity
                assertEquals(1, sum, 1e-12, "weight sum at " + x + "," + y);
            }
        }
    }

    @Test
    void seamsAreBlendedSmoothly() {
        // tile k predicts the constant k: inside overlaps the result moves monotonically between
        // them
        TileGrid g = TileGrid.of(400, 1, 100, 40, EdgeMode.PARTIAL);
        TileStitcher s = TileStitcher.create(g, null);
        for (Tile t : g.tiles()) {
            RasterF32 p = new RasterF32(t.full().width(), t.full().height());
            p.fill(t.index());
            s.add(t, p);
        }
        RasterF32 out = s.result();
        double maxStep = 0;
        for (int x = 1; x < g.width(); x++) {
            double d = out.get(x, 0) - out.get(x - 1, 0);
            assertTrue(d >= -1e-12, "not monotone at " + x);
            maxStep = Math.max(maxStep, d);
        }
        // a unit jump spread over a 40 px raised cosine: steepest step pi/2/40
        assertTrue(maxStep < Math.PI / 2 / 40 + 1e-9, "max step " + maxStep);
        assertEquals(0, out.get(10, 0));
        assertEquals(1, out.get(110, 0));
        Tile t1 = g.tile(1);
        int mid = (t1.read().x0() + g.tile(0).read().x1()) / 2;
        assertEquals(0.5, (out.get(mid - 1, 0) + out.get(mid, 0)) / 2, 1e-9);
    }

    @Test
    void nanPredictionsAreSkipped() {
        TileGrid g = TileGrid.of(120, 10, 64, 16, EdgeMode.PARTIAL);
        TileStitcher s = TileStitcher.create(g, null);
        for (Tile t : g.tiles()) {
            RasterF32 p = new RasterF32(t.full().width(), t.full().height());
            p.fill(t.index() == 0 ? Float.NaN : 7f);
            s.add(t, p);
        }
        RasterF32 out = s.result();
        Tile t1 = g.tile(1);
        for (int x = 0; x < g.width(); x++) {
            float v = out.get(x, 3);
            if (x < t1.read().x0()) {
                assertTrue(Float.isNaN(v), "x=" + x);
            } else {
                assertEquals(7f, v, "x=" + x);
            }
        }
        // a tile never added leaves NaN
        TileStitcher empty = TileStitcher.create(g, null);
        assertTrue(Float.isNaN(empty.result().get(5, 5)));
    }

    @Test
    void paddedTileOfASmallScene() {
        TileGrid g = TileGrid.of(50, 37, 64, 8, EdgeMode.SHIFT);
        TileStitcher s = TileStitcher.create(g, null);
        Tile t = g.tile(0);
        RasterF32 p = new RasterF32(64, 64);
        p.fill(2f);
        s.add(t, p);
        RasterF32 out = s.result();
        assertEquals(50, out.width());
        assertEquals(37, out.height());
        assertEquals(2f, out.get(49, 36));
        assertThrows(IllegalArgumentException.class, () -> s.add(t, new RasterF32(50, 37)));
        Tile foreign = TileGrid.of(500, 37, 64, 8, EdgeMode.SHIFT).tile(3);
        assertThrows(IllegalArgumentException.class, () -> s.add(foreign, p));
    }

    @Test
    void streamingEqualsFullAndEmitsEachRowOnce() throws IOException {
        Random rnd = new Random(9);
        for (TileGrid g : grids()) {
            float[] v = new float[g.width() * g.height()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            // tiles disagree (noise per tile) so the blend is not trivial
            List<RasterF32> preds = new ArrayList<>();
            for (Tile t : g.tiles()) {
                float bias = (float) rnd.nextGaussian();
                preds.add(cut(g, t, (x, y) -> v[y * g.width() + x] + bias, 0f));
            }
            TileStitcher full = TileStitcher.create(g, null);
            RasterF32 streamed = new RasterF32(g.width(), g.height());
            int[] next = {0};
            StreamingTileStitcher st =
                    StreamingTileStitcher.create(
                            g,
                            null,
                            (row0, rows) -> {
                                assertEquals(next[0], row0, "rows out of order");
                                assertTrue(rows.height() <= g.tileSizePx());
                                streamed.copyFrom(rows, 0, row0);
                                next[0] = row0 + rows.height();
                            });
            for (int r = 0; r < g.numRows(); r++) {
                List<Tile> row = new ArrayList<>(g.row(r));
                Collections.shuffle(row, rnd);
                for (Tile t : row) {
                    full.add(t, preds.get(t.index()));
                    st.add(t, preds.get(t.index()));
                }
            }
            st.finish();
            assertEquals(g.height(), next[0]);
            RasterF32 expected = full.result();
            for (int i = 0; i < v.length; i++) {
                assertEquals(
                        Float.floatToIntBits(expected.data()[i]),
                        Float.floatToIntBits(streamed.data()[i]),
                        g + " pixel " + i);
            }
        }
    }

    @Test
    void streamingRejectsTilesOutOfRowOrder() throws IOException {
        TileGrid g = TileGrid.of(100, 100, 32, 8, EdgeMode.SHIFT);
        StreamingTileStitcher st = StreamingTileStitcher.create(g, null, (r, rows) -> {});
        st.add(g.tile(0, 1), new RasterF32(32, 32));
        assertThrows(
                IllegalStateException.class, () -> st.add(g.tile(0, 0), new RasterF32(32, 32)));
        st.finish();
        assertThrows(
                IllegalStateException.class, () -> st.add(g.tile(0, 2), new RasterF32(32, 32)));
    }

    @Test
    void streamingWithSkippedTileRowsStillEmitsEveryRow() throws IOException {
        TileGrid g = TileGrid.of(40, 300, 32, 8, EdgeMode.SHIFT);
        int[] emitted = {0};
        StreamingTileStitcher st =
                StreamingTileStitcher.create(g, null, (r, rows) -> emitted[0] += rows.height());
        RasterF32 p = new RasterF32(32, 32);
        p.fill(1f);
        st.add(g.tile(0, 0), p);
        st.add(g.tile(0, g.numRows() - 1), p);
        st.finish();
        assertEquals(300, emitted[0]);
    }
}
