package dev.surveyor.core.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TileGridTest {
    @Test
    void coresPartitionTheSceneForManySizes() {
        int checked = 0;
        for (EdgeMode edge : EdgeMode.values()) {
            for (int tile : new int[] {1, 2, 3, 7, 16, 33}) {
                for (int overlap = 0; overlap < tile; overlap += Math.max(1, tile / 4)) {
                    for (int w : new int[] {1, 2, 5, 16, 17, 31, 32, 33, 64, 97}) {
                        for (int h : new int[] {1, 3, 16, 40, 71}) {
                            checkGrid(TileGrid.of(w, h, tile, overlap, edge));
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 500);
        checkGrid(TileGrid.of(2001, 1999, 256, 32, EdgeMode.SHIFT));
        checkGrid(TileGrid.of(2001, 1999, 256, 192, EdgeMode.PARTIAL));
    }

    /** Every invariant the Javadoc promises. */
    static void checkGrid(TileGrid g) {
        String what = g.toString();
        int w = g.width();
        int h = g.height();
        int[] count = new int[w * h];
        int t = g.tileSizePx();
        for (Tile tile : g.tiles()) {
            assertSame(tile, g.tile(tile.col(), tile.row()), what);
            assertEquals(tile.row() * g.numCols() + tile.col(), tile.index(), what);
            assertTrue(g.scene().contains(tile.read()), what + " read " + tile.read());
            assertTrue(tile.read().contains(tile.core()), what + " core " + tile.core());
            assertTrue(tile.full().contains(tile.read()), what);
            assertFalse(tile.core().isEmpty(), what);
            assertEquals(tile.full().x0(), tile.read().x0(), what);
            assertEquals(tile.full().y0(), tile.read().y0(), what);
            if (g.edge() == EdgeMode.SHIFT) {
                assertEquals(t, tile.full().width(), what);
                assertEquals(t, tile.full().height(), what);
                assertEquals(Math.min(t, w), tile.read().width(), what);
                assertEquals(Math.min(t, h), tile.read().height(), what);
            } else {
                assertEquals(tile.full(), tile.read(), what);
                assertTrue(tile.read().width() <= t && tile.read().height() <= t, what);
            }
            Window c = tile.core();
            for (int y = c.y0(); y < c.y1(); y++) {
                for (int x = c.x0(); x < c.x1(); x++) {
                    count[y * w + x]++;
                    if ((x + y) % 7 == 0) {
                        assertSame(tile, g.ownerOf(x, y), what);
                    }
                }
            }
            // context: an inner core edge keeps at least floor(overlap / 2) pixels of halo
            int half = g.overlapPx() / 2;
            if (tile.col() > 0) {
                assertTrue(c.x0() - tile.read().x0() >= half, what);
                assertTrue(
                        g.tile(tile.col() - 1, tile.row()).read().x1() - tile.read().x0()
                                >= g.overlapPx(),
                        what + ": overlap");
            }
            if (tile.col() < g.numCols() - 1) {
                assertTrue(tile.read().x1() - c.x1() >= half, what);
            }
            if (tile.row() > 0) {
                assertTrue(c.y0() - tile.read().y0() >= half, what);
            }
            if (tile.row() < g.numRows() - 1) {
                assertTrue(tile.read().y1() - c.y1() >= half, what);
            }
        }
        for (int i = 0; i < count.length; i++) {
            if (count[i] != 1) {
                throw new AssertionError(
                        what
                                + ": pixel ("
                                + i % w
                                + ", "
                                + i / w
                                + ") owned "
                                + count[i]
                                + " times");
            }
        }
    }

    @Test
    void knownLayoutShift() {
        TileGrid g = TileGrid.of(1000, 256, 256, 32, EdgeMode.SHIFT);
        assertEquals(5, g.numCols());
        assertEquals(1, g.numRows());
        int[] starts = g.tiles().stream().mapToInt(t -> t.read().x0()).toArray();
        assertEquals("[0, 224, 448, 672, 744]", Arrays.toString(starts));
        int[] coreEnds = g.tiles().stream().mapToInt(t -> t.core().x1()).toArray();
        // middles of the overlaps [224,256), [448,480), [672,704), [744,928)
        assertEquals("[240, 464, 688, 836, 1000]", Arrays.toString(coreEnds));
    }

    @Test
    void knownLayoutPartial() {
        TileGrid g = TileGrid.of(1000, 10, 256, 32, EdgeMode.PARTIAL);
        assertEquals(5, g.numCols());
        Tile last = g.tile(4, 0);
        assertEquals(new Window(896, 0, 1000, 10), last.read());
        assertEquals(last.read(), last.full());
        assertEquals(new Window(912, 0, 1000, 10), last.core());
    }

    @Test
    void sceneSmallerThanATileIsPadded() {
        TileGrid g = TileGrid.of(100, 50, 256, 32, EdgeMode.SHIFT);
        assertEquals(1, g.numTiles());
        Tile t = g.tile(0);
        assertEquals(new Window(0, 0, 256, 256), t.full());
        assertEquals(new Window(0, 0, 100, 50), t.read());
        assertEquals(t.read(), t.core());
        assertEquals(156, t.padRightPx());
        assertEquals(206, t.padBottomPx());
        Tile p = TileGrid.of(100, 50, 256, 32, EdgeMode.PARTIAL).tile(0);
        assertEquals(new Window(0, 0, 100, 50), p.full());
        assertEquals(0, p.padRightPx());
        // wide but short scene: full-size tiles along x, padding only along y
        TileGrid wide = TileGrid.of(600, 50, 256, 32, EdgeMode.SHIFT);
        for (Tile tile : wide.tiles()) {
            assertEquals(0, tile.padRightPx());
            assertEquals(206, tile.padBottomPx());
        }
    }

    @Test
    void exactFitNeedsOneTile() {
        TileGrid g = TileGrid.of(256, 256, 256, 64, EdgeMode.SHIFT);
        assertEquals(1, g.numTiles());
        assertEquals(0, g.tile(0).padRightPx());
        // one pixel more needs a second tile
        assertEquals(2, TileGrid.of(257, 256, 256, 64, EdgeMode.SHIFT).numCols());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(
                IllegalArgumentException.class, () -> TileGrid.of(10, 10, 8, 8, EdgeMode.SHIFT));
        assertThrows(
                IllegalArgumentException.class, () -> TileGrid.of(10, 10, 0, 0, EdgeMode.SHIFT));
        assertThrows(
                IllegalArgumentException.class, () -> TileGrid.of(10, 10, 8, -1, EdgeMode.SHIFT));
        assertThrows(
                IllegalArgumentException.class, () -> TileGrid.of(0, 10, 8, 2, EdgeMode.SHIFT));
        assertThrows(IllegalArgumentException.class, () -> TileGrid.of(10, 10, 8, 2, null));
        TileGrid g = TileGrid.of(10, 10, 4, 1, EdgeMode.SHIFT);
        assertThrows(IllegalArgumentException.class, () -> g.ownerOf(10, 0));
        assertThrows(IllegalArgumentException.class, () -> g.tile(g.numTiles()));
    }

    @Test
    void configCopyAndDefaults() {
        ConfigTileGrid c = new ConfigTileGrid();
        c.validate();
        ConfigTileGrid d = c.copy();
        d.tileSizePx = 128;
        assertEquals(512, c.tileSizePx);
        assertEquals(128, TileGrid.of(100, 100, d).tileSizePx());
        assertEquals(512, TileGrid.of(100, 100, null).tileSizePx());
    }
}
