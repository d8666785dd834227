package dev.surveyor.core.tile;

import dev.surveyor.core.raster.RasterF32;

/**
 * Separable blending weights of the tiles of a grid, and the weighted accumulation shared by the
 * stitchers.
 *
 * <p>Along each axis, tile {@code i} with read range {@code [s, e)} has weight 1 except over its
 * overlaps with tiles {@code i - 1} (first {@code ob} pixels) and {@code i + 1} (last {@code oa}
 * pixels), where it ramps: at pixel {@code p}, {@code ramp((p - s + 0.5) / ob)} and {@code ramp((e
 * - p - 0.5) / oa)}, multiplied. The pixel-centre offset keeps weights strictly inside (0, 1], so a
 * pixel covered by a single tile (scene borders) always has weight 1 and never 0; over a two-tile
 * overlap the neighbours' weights sum to 1. The 2-D weight is {@code wx(x) * wy(y)}.
 */
final class BlendWeights {
    private final TileGrid grid;
    private final double[][] wx;
    private final double[][] wy;

    BlendWeights(TileGrid grid, BlendRamp ramp) {
        this.grid = grid;
        this.wx = profiles(grid.xs, ramp);
        this.wy = profiles(grid.ys, ramp);
    }

    private static double[][] profiles(Axis axis, BlendRamp ramp) {
        double[][] out = new double[axis.count()][];
        for (int i = 0; i < axis.count(); i++) {
            int s = axis.start[i];
            int e = axis.end[i];
            int ob = axis.overlapBefore(i);
            int oa = axis.overlapAfter(i);
            double[] w = new double[e - s];
            for (int p = s; p < e; p++) {
                double v = 1;
                if (ob > 0 && p < s + ob) {
                    v *= ramp.weight((p - s + 0.5) / ob);
                }
                if (oa > 0 && p >= e - oa) {
                    v *= ramp.weight((e - p - 0.5) / oa);
                }
                w[p - s] = v;
            }
            out[i] = w;
        }
        return out;
    }

    /** Weight of scene pixel {@code (x, y)} in {@code tile}; 0 outside its read window. */
    double weight(Tile tile, int x, int y) {
        if (!tile.read().contains(x, y)) {
            return 0;
        }
        return wx[tile.col()][x - tile.read().x0()] * wy[tile.row()][y - tile.read().y0()];
    }

    /** Checks that a prediction has the size of the tile's full window. */
    void checkPrediction(Tile tile, RasterF32 prediction) {
        if (tile.index() < 0
                || tile.index() >= grid.numTiles()
                || !grid.tiles().get(tile.index()).equals(tile)) {
            throw new IllegalArgumentException("tile " + tile + " is not a tile of " + grid);
        }
        if (prediction.width() != tile.full().width()
                || prediction.height() != tile.full().height()) {
            throw new IllegalArgumentException(
                    "prediction of tile "
                            + tile.index()
                            + " is "
                            + prediction.width()
                            + "x"
                            + prediction.height()
                            + " but the tile is "
                            + tile.full().width()
                            + "x"
                            + tile.full().height());
        }
    }

    /**
     * Adds {@code w * v} and {@code w} of the tile's pixels in rows {@code [rowFrom, rowTo)} to
     * buffers whose row 0 is scene row {@code bufY0} and whose rows are {@code grid.width()} long.
     * NaN values are skipped.
     */
    void accumulate(
            Tile tile,
            RasterF32 prediction,
            double[] sum,
            double[] wsum,
            int bufY0,
            int rowFrom,
            int rowTo) {
        Window r = tile.read();
        int y0 = Math.max(r.y0(), rowFrom);
        int y1 = Math.min(r.y1(), rowTo);
        double[] px = wx[tile.col()];
        double[] py = wy[tile.row()];
        int w = grid.width();
        for (int y = y0; y < y1; y++) {
            double wyv = py[y - r.y0()];
            int py0 = y - tile.full().y0();
            int base = (y - bufY0) * w;
            for (int x = r.x0(); x < r.x1(); x++) {
                float v = prediction.unsafeGet(x - tile.full().x0(), py0);
                if (Float.isNaN(v)) {
                    continue;
                }
                double wt = px[x - r.x0()] * wyv;
                sum[base + x] += wt * v;
                wsum[base + x] += wt;
            }
        }
    }
}
