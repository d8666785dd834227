package dev.surveyor.height.predict;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.tile.ConfigTileStitcher;
import dev.surveyor.core.tile.EdgeMode;
import dev.surveyor.core.tile.StreamingTileStitcher;
import dev.surveyor.core.tile.Tile;
import dev.surveyor.core.tile.TileGrid;
import dev.surveyor.core.tile.Window;
import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Predicts height over an image of any size in bounded memory: overlapped windows of a {@link
 * TileGrid} (SHIFT edges, so every window has the full size) are predicted one by one and blended
 * with raised-cosine weights by a {@link StreamingTileStitcher}, which hands finished rows to a
 * sink. Memory: one tile row of the scene plus one window.
 *
 * <p>No-data: an input pixel is no-data when any band is NaN or equals the source's no-data value;
 * its prediction is NaN. No-data pixels enter the network as the band mean (0 after normalisation).
 * Not thread-safe (uses the model).
 */
public final class TiledHeightPredictor {
    /** Reads a window of all bands as raw floats. */
    @FunctionalInterface
    public interface WindowReader {
        /** Bands of the window, each {@code w * h} row-major floats (NaN = no data). */
        float[][] read(int x0, int y0, int w, int h) throws IOException;
    }

    private final ConfigTiledPrediction cfg;

    TiledHeightPredictor(ConfigTiledPrediction cfg) {
        this.cfg = cfg;
    }

    /** A predictor for a validated copy of {@code config} (null = defaults). */
    public static TiledHeightPredictor create(ConfigTiledPrediction config) {
        ConfigTiledPrediction c = config != null ? config.copy() : new ConfigTiledPrediction();
        c.validate();
        return new TiledHeightPredictor(c);
    }

    /**
     * Predicts a {@code width x height} scene read through {@code reader}, emitting finished rows
     * (height in metres, NaN = no data) to {@code sink} top to bottom.
     */
    public void predict(
            HeightPredictor model,
            int width,
            int height,
            WindowReader reader,
            StreamingTileStitcher.RowSink sink,
            ProgressListener progress)
            throws IOException {
        TileGrid grid = TileGrid.of(width, height, cfg.tileSizePx, cfg.overlapPx, EdgeMode.SHIFT);
        StreamingTileStitcher st =
                StreamingTileStitcher.create(grid, new ConfigTileStitcher(), sink);
        progress.start("predict", grid.numTiles());
        for (int r = 0; r < grid.numRows(); r++) {
            for (Tile t : grid.row(r)) {
                Window rd = t.read();
                float[][] bands = reader.read(rd.x0(), rd.y0(), rd.width(), rd.height());
                st.add(t, predictTile(model, t, bands));
                progress.advance(1);
            }
        }
        st.finish();
        progress.finish(grid.numTiles() + " windows of " + cfg.tileSizePx + " px");
    }

    /**
     * Predicts one tile of the grid from the bands of its read window ({@code t.read()},
     * band-major, NaN = no data): a raster of the tile's full size, height in metres, NaN where any
     * band is NaN and outside the read window. {@link #predict} blends these; a distributed run may
     * compute them per task.
     */
    public RasterF32 predictTile(HeightPredictor model, Tile t, float[][] bands) {
        Window rd = t.read();
        float[] pred =
                model.predictWindow(bands, rd.width(), rd.height(), cfg.testTimeAugmentation);
        RasterF32 full = new RasterF32(t.full().width(), t.full().height());
        full.fill(Float.NaN);
        for (int y = 0; y < rd.height(); y++) {
            for (int x = 0; x < rd.width(); x++) {
                int i = y * rd.width() + x;
                boolean nd = false;
                for (float[] b : bands) {
                    nd |= Float.isNaN(b[i]);
                }
                full.unsafeSet(x, y, nd ? Float.NaN : pred[i]);
            }
        }
        return full;
    }

    /** Predicts an in-memory image; returns height in metres (NaN = no data). */
    public RasterF32 predict(HeightPredictor model, MultiBandRaster image, OptionalDouble noData)
            throws IOException {
        RasterF32 out = new RasterF32(image.width(), image.height());
        predict(
                model,
                image.width(),
                image.height(),
                (x0, y0, w, h) -> readWindow(image, noData, x0, y0, w, h),
                (row0, rows) -> out.copyFrom(rows, 0, row0),
                ProgressListener.NONE);
        return out;
    }

    /** Reads a window of every band as floats, no-data samples as NaN. */
    public static float[][] readWindow(
            MultiBandRaster image, OptionalDouble noData, int x0, int y0, int w, int h) {
        float[][] out = new float[image.numBands()][w * h];
        for (int b = 0; b < image.numBands(); b++) {
            Raster r = image.band(b);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = r.getDouble(x0 + x, y0 + y);
                    boolean nd = noData.isPresent() && v == noData.getAsDouble();
                    out[b][y * w + x] = nd ? Float.NaN : (float) v;
                }
            }
        }
        return out;
    }
}
