package dev.surveyor.core.tile;

import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.Checks;

/**
 * Blends float predictions of the tiles of a {@link TileGrid} into one scene raster: {@code out =
 * sum(w * v) / sum(w)} over the tiles covering a pixel, with the separable weights described in
 * {@link BlendWeights} (1 in a tile's interior and at scene borders, ramping towards 0 at tile
 * edges inside overlaps, so seams vanish). NaN predictions are skipped; a pixel that no tile gave a
 * number gets NaN.
 *
 * <p>Tiles may be added in any order (each once). Memory: two {@code double}s per scene pixel (16
 * bytes); for scenes too large for that, use {@link StreamingTileStitcher}, which keeps about one
 * tile row. Not thread-safe.
 */
public final class TileStitcher {
    private final TileGrid grid;
    private final BlendWeights weights;
    private final double[] sum;
    private final double[] wsum;

    TileStitcher(TileGrid grid, BlendRamp ramp) {
        this.grid = grid;
        this.weights = new BlendWeights(grid, ramp);
        long n = (long) grid.width() * grid.height();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "scene "
                            + grid.width()
                            + "x"
                            + grid.height()
                            + " is too large for one buffer; use StreamingTileStitcher");
        }
        this.sum = new double[(int) n];
        this.wsum = new double[(int) n];
    }

    /**
     * A stitcher for the tiles of {@code grid}.
     *
     * @param config settings, or null for the defaults (raised-cosine ramp)
     */
    public static TileStitcher create(TileGrid grid, ConfigTileStitcher config) {
        Checks.notNull("grid", grid);
        ConfigTileStitcher c = config != null ? config : new ConfigTileStitcher();
        c.validate();
        return new TileStitcher(grid, c.ramp);
    }

    public TileGrid grid() {
        return grid;
    }

    /**
     * Adds one tile's prediction.
     *
     * @param tile a tile of this stitcher's grid
     * @param prediction (Input) values over the tile's {@link Tile#full() full} window: pixel
     *     {@code (i, j)} is scene pixel {@code (full.x0 + i, full.y0 + j)}; padding outside the
     *     scene is ignored. Not modified.
     */
    public void add(Tile tile, RasterF32 prediction) {
        weights.checkPrediction(tile, prediction);
        weights.accumulate(tile, prediction, sum, wsum, 0, 0, grid.height());
    }

    /**
     * The blending weight of scene pixel {@code (x, y)} in {@code tile} (0 outside its read
     * window).
     */
    public double weight(Tile tile, int x, int y) {
        return weights.weight(tile, x, y);
    }

    /** The blended scene so far, as a new raster (NaN where nothing was added). */
    public RasterF32 result() {
        RasterF32 out = new RasterF32(grid.width(), grid.height());
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = wsum[i] > 0 ? (float) (sum[i] / wsum[i]) : Float.NaN;
        }
        return out;
    }
}
