package dev.surveyor.core.tile;

import dev.surveyor.core.util.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Covers a {@code width x height} scene with square tiles of {@code tileSizePx} that overlap their
 * neighbours by {@code overlapPx}, and splits the scene into the tiles' {@link Tile#core core}
 * windows.
 *
 * <p>Layout per axis of length {@code L}, tile {@code T}, overlap {@code O}, step {@code S = T -
 * O}: one tile when {@code L <= T}, else {@code n = 1 + ceil((L - T) / S)} tiles starting at {@code
 * i * S}. With {@link EdgeMode#SHIFT} the last start is {@code L - T} (full-size tile, larger
 * overlap with its neighbour); with {@link EdgeMode#PARTIAL} the last tile is cut at {@code L} (its
 * width is more than {@code O}). A scene smaller than one tile gives one tile whose {@code read}
 * window is the scene; in SHIFT mode its {@code full} window keeps the tile size and the caller
 * pads (see {@link Tile}).
 *
 * <p>Cores: along each axis the border between tiles {@code i} and {@code i + 1} is {@code
 * floor((start[i+1] + end[i]) / 2)}, the middle of their overlap; the first core starts at 0 and
 * the last ends at {@code L}. So cores partition the scene exactly and each inner core edge keeps
 * at least {@code floor(O / 2)} pixels of context inside the read window.
 *
 * <p>Tiles are numbered row-major: {@code index = row * numCols + col}. Immutable, thread-safe.
 */
public final class TileGrid {
    private final int width;
    private final int height;
    private final int tileSizePx;
    private final int overlapPx;
    private final EdgeMode edge;
    final Axis xs;
    final Axis ys;
    private final List<Tile> tiles;

    TileGrid(int width, int height, int tileSizePx, int overlapPx, EdgeMode edge) {
        this.width = Checks.positive("width", width);
        this.height = Checks.positive("height", height);
        this.tileSizePx = tileSizePx;
        this.overlapPx = overlapPx;
        this.edge = edge;
        this.xs = new Axis(width, tileSizePx, overlapPx, edge);
        this.ys = new Axis(height, tileSizePx, overlapPx, edge);
        long n = (long) xs.count() * ys.count();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many tiles: " + n);
        }
        List<Tile> list = new ArrayList<>((int) n);
        for (int r = 0; r < ys.count(); r++) {
            for (int c = 0; c < xs.count(); c++) {
                list.add(
                        new Tile(
                                r * xs.count() + c,
                                c,
                                r,
                                new Window(xs.start[c], ys.start[r], xs.fullEnd[c], ys.fullEnd[r]),
                                new Window(xs.start[c], ys.start[r], xs.end[c], ys.end[r]),
                                new Window(
                                        xs.coreStart[c],
                                        ys.coreStart[r],
                                        xs.coreEnd[c],
                                        ys.coreEnd[r])));
            }
        }
        this.tiles = Collections.unmodifiableList(list);
    }

    /**
     * The grid of a scene.
     *
     * @param config tiling settings, or null for the defaults (512 px tiles, 64 px overlap, SHIFT)
     */
    public static TileGrid of(int width, int height, ConfigTileGrid config) {
        ConfigTileGrid c = config != null ? config : new ConfigTileGrid();
        c.validate();
        return new TileGrid(width, height, c.tileSizePx, c.overlapPx, c.edge);
    }

    /** The grid of a scene with these settings (see {@link ConfigTileGrid}). */
    public static TileGrid of(int width, int height, int tileSizePx, int overlapPx, EdgeMode edge) {
        return of(width, height, new ConfigTileGrid(tileSizePx, overlapPx, edge));
    }

    /** Scene columns. */
    public int width() {
        return width;
    }

    /** Scene rows. */
    public int height() {
        return height;
    }

    public int tileSizePx() {
        return tileSizePx;
    }

    public int overlapPx() {
        return overlapPx;
    }

    public EdgeMode edge() {
        return edge;
    }

    /** Number of tile columns. */
    public int numCols() {
        return xs.count();
    }

    /** Number of tile rows. */
    public int numRows() {
        return ys.count();
    }

    public int numTiles() {
        return tiles.size();
    }

    /** All tiles, row-major (immutable). */
    public List<Tile> tiles() {
        return tiles;
    }

    /** Tile {@code index} (row-major). */
    public Tile tile(int index) {
        Checks.inRange("tile index", index, 0, tiles.size() - 1);
        return tiles.get(index);
    }

    /** The tile at tile column {@code col}, tile row {@code row}. */
    public Tile tile(int col, int row) {
        Checks.inRange("tile col", col, 0, numCols() - 1);
        Checks.inRange("tile row", row, 0, numRows() - 1);
        return tiles.get(row * numCols() + col);
    }

    /** The tiles of tile row {@code row}, left to right. */
    public List<Tile> row(int row) {
        Checks.inRange("tile row", row, 0, numRows() - 1);
        return tiles.subList(row * numCols(), (row + 1) * numCols());
    }

    /** The tile whose core contains scene pixel {@code (x, y)}. */
    public Tile ownerOf(int x, int y) {
        Checks.inRange("x", x, 0, width - 1);
        Checks.inRange("y", y, 0, height - 1);
        return tiles.get(ys.owner(y) * numCols() + xs.owner(x));
    }

    /** The scene window {@code [0, width) x [0, height)}. */
    public Window scene() {
        return Window.ofSize(width, height);
    }

    @Override
    public String toString() {
        return "TileGrid["
                + width
                + "x"
                + height
                + ", tile "
                + tileSizePx
                + ", overlap "
                + overlapPx
                + ", "
                + edge
                + ", "
                + numCols()
                + "x"
                + numRows()
                + " tiles]";
    }
}
