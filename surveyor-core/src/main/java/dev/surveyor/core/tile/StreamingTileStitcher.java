package dev.surveyor.core.tile;

import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.Checks;
import java.io.IOException;
import java.util.Arrays;

/**
 * Blends tile predictions like {@link TileStitcher} (same weights, same result) while holding only
 * one tile row of the scene, and hands finished scene rows to a {@link RowSink} in order (e.g. a
 * writer of a huge GeoTIFF).
 *
 * <p>Contract: add the tiles tile-row by tile-row (every tile of tile row {@code r} before any tile
 * of row {@code r + 1}; order within a row is free). When the first tile of row {@code r + 1}
 * arrives, scene rows above that tile row's read window can get no more contributions and are
 * emitted; {@link #finish()} emits the rest. Every scene row is emitted exactly once, top to
 * bottom, in bands. Memory: two {@code double}s per pixel of {@code tileSizePx} scene rows. Not
 * thread-safe.
 */
public final class StreamingTileStitcher {
    /** Receives finished scene rows. */
    @FunctionalInterface
    public interface RowSink {
        /**
         * @param sceneRow0 scene row of {@code rows}' first row
         * @param rows (Input) {@code grid.width()} x n finished rows; a view of a scratch buffer
         *     that is reused after this call returns, so copy what you keep.
         */
        void accept(int sceneRow0, RasterF32 rows) throws IOException;
    }

    private final TileGrid grid;
    private final BlendWeights weights;
    private final RowSink sink;
    private final double[] sum;
    private final double[] wsum;
    private final RasterF32 out;
    private final int capacityRows;

    /** Scene row of buffer row 0; rows above it were emitted. */
    private int bufY0;

    private int currentRow;
    private boolean finished;

    StreamingTileStitcher(TileGrid grid, BlendRamp ramp, RowSink sink) {
        this.grid = grid;
        this.weights = new BlendWeights(grid, ramp);
        this.sink = sink;
        this.capacityRows = Math.min(grid.tileSizePx(), grid.height());
        long n = (long) capacityRows * grid.width();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "a tile row of "
                            + grid.width()
                            + "x"
                            + capacityRows
                            + " is too large for one buffer");
        }
        this.sum = new double[(int) n];
        this.wsum = new double[(int) n];
        this.out = new RasterF32(grid.width(), capacityRows);
    }

    /**
     * A streaming stitcher.
     *
     * @param config settings, or null for the defaults
     * @param sink receives finished rows
     */
    public static StreamingTileStitcher create(
            TileGrid grid, ConfigTileStitcher config, RowSink sink) {
        Checks.notNull("grid", grid);
        Checks.notNull("sink", sink);
        ConfigTileStitcher c = config != null ? config : new ConfigTileStitcher();
        c.validate();
        return new StreamingTileStitcher(grid, c.ramp, sink);
    }

    /**
     * Adds one tile's prediction (see {@link TileStitcher#add} for the layout).
     *
     * @throws IllegalStateException when the tile's row is above a row already started, or after
     *     {@link #finish()}
     * @throws IOException from the sink
     */
    public void add(Tile tile, RasterF32 prediction) throws IOException {
        if (finished) {
            throw new IllegalStateException("add() after finish()");
        }
        weights.checkPrediction(tile, prediction);
        if (tile.row() < currentRow) {
            throw new IllegalStateException(
                    "tile "
                            + tile.index()
                            + " is in tile row "
                            + tile.row()
                            + " but tile row "
                            + currentRow
                            + " has started; add tiles row by row");
        }
        if (tile.row() > currentRow) {
            currentRow = tile.row();
            emitUntil(tile.read().y0());
        }
        weights.accumulate(tile, prediction, sum, wsum, bufY0, 0, grid.height());
    }

    /** Emits all remaining rows; call once after the last tile. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        emitUntil(grid.height());
        finished = true;
    }

    /**
     * Emits scene rows {@code [bufY0, y)} (in chunks of at most the buffer) and shifts the buffer.
     */
    private void emitUntil(int y) throws IOException {
        int w = grid.width();
        float[] d = out.data();
        while (bufY0 < y) {
            int rows = Math.min(y - bufY0, capacityRows);
            for (int i = 0; i < rows * w; i++) {
                d[i] = wsum[i] > 0 ? (float) (sum[i] / wsum[i]) : Float.NaN;
            }
            sink.accept(bufY0, out.subView(0, 0, w, rows));
            int keep = capacityRows - rows;
            System.arraycopy(sum, rows * w, sum, 0, keep * w);
            System.arraycopy(wsum, rows * w, wsum, 0, keep * w);
            Arrays.fill(sum, keep * w, capacityRows * w, 0);
            Arrays.fill(wsum, keep * w, capacityRows * w, 0);
            bufY0 += rows;
        }
    }
}
