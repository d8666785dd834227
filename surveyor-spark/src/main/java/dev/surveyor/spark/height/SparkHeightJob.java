package dev.surveyor.spark.height;

import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.tile.ConfigTileStitcher;
import dev.surveyor.core.tile.EdgeMode;
import dev.surveyor.core.tile.StreamingTileStitcher;
import dev.surveyor.core.tile.Tile;
import dev.surveyor.core.tile.TileGrid;
import dev.surveyor.core.tile.Window;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.io.HeightInputs;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.io.HeightRasterOutput;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightPredictor;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.height.predict.TiledHeightPredictor;
import dev.surveyor.io.RasterSource;
import dev.surveyor.spark.ExecutorCache;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.UnitTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HeightPipelines#predictFile} on Spark, with identical output files.
 *
 * <p>Steps: (1) the driver opens the image for its size, georeferencing and no-data value and lays
 * out the same {@link TileGrid} (SHIFT edges) as {@link TiledHeightPredictor}; (2) one Spark task
 * per window: read the window from the image file, predict it with the model (loaded once per
 * executor thread from the model directory), mask no-data pixels, pad to the tile's full size with
 * NaN; (3) the driver receives the windows in grid order, one partition at a time, blends them with
 * a {@link StreamingTileStitcher} and streams finished rows into the float32 GeoTIFF and the PNG
 * preview. A model with extra views ({@code ModelCard.views}) reads the view files' windows in the
 * same task and appends their bands. The image, the view files and the model directory must be at
 * the same path on every executor. Memory: driver, one tile row of the scene plus one partition of
 * windows; executor, one window and one model per task thread.
 */
public final class SparkHeightJob {
    private SparkHeightJob() {}

    /**
     * Predicts {@code image} into {@code out} (and {@code preview} when not null) on Spark.
     *
     * @param engine a started engine
     * @param modelDir model directory (a model or an ensemble), readable by every executor
     * @param image input image, readable by every executor
     * @param out output float32 GeoTIFF (height in metres, NaN = no data)
     * @param preview PNG preview, or null
     * @param previewMaxM height shown white in the preview, m
     * @param config tiling settings (null = defaults)
     * @param progress one step per window blended
     */
    public static void predictFile(
            SparkEngine engine,
            Path modelDir,
            Path image,
            Path out,
            Path preview,
            double previewMaxM,
            ConfigTiledPrediction config,
            ProgressListener progress)
            throws IOException {
        predictFile(
                engine, modelDir, image, List.of(), out, preview, previewMaxM, config, progress);
    }

    /**
     * As {@link #predictFile(SparkEngine, Path, Path, Path, Path, double, ConfigTiledPrediction,
     * ProgressListener)} with the files of the model's extra views, in the model's order (see
     * {@link HeightPipelines#viewFiles}), readable by every executor.
     */
    public static void predictFile(
            SparkEngine engine,
            Path modelDir,
            Path image,
            List<Path> viewFiles,
            Path out,
            Path preview,
            double previewMaxM,
            ConfigTiledPrediction config,
            ProgressListener progress)
            throws IOException {
        ConfigTiledPrediction c = config == null ? new ConfigTiledPrediction() : config.copy();
        c.validate();
        // an ensemble's members share the input: the first card describes it
        ModelCard card = HeightPredictor.readCards(modelDir).get(0);
        String modelPath = modelDir.toAbsolutePath().toString();
        String imagePath = image.toAbsolutePath().toString();
        List<String> viewPaths = new ArrayList<>();
        for (Path f : viewFiles) {
            viewPaths.add(f.toAbsolutePath().toString());
        }
        try (HeightInputs in =
                HeightInputs.openChecked(
                        modelDir.toString(), image, viewFiles, card.imageBands(), card.views())) {
            RasterSource src = in.image();
            int w = src.width();
            int h = src.height();
            TileGrid grid = TileGrid.of(w, h, c.tileSizePx, c.overlapPx, EdgeMode.SHIFT);
            List<Integer> units = new ArrayList<>();
            for (int i = 0; i < grid.numTiles(); i++) {
                units.add(i);
            }
            try (HeightRasterOutput output =
                    HeightRasterOutput.create(src, out, preview, previewMaxM)) {
                StreamingTileStitcher st =
                        StreamingTileStitcher.create(grid, new ConfigTileStitcher(), output.rows());
                engine.forEachOrdered(
                        units,
                        predictTile(modelPath, imagePath, viewPaths, w, h, c),
                        (i, p) -> {
                            RasterF32 full =
                                    new RasterF32(p.heightM(), p.width(), p.height(), 0, p.width());
                            st.add(grid.tile(i), full);
                        },
                        progress);
                st.finish();
                output.commit();
            }
        }
    }

    /**
     * The executor side: predicts tile {@code index} of the grid of a {@code width x height} scene,
     * as {@link TiledHeightPredictor#predict} does for one window.
     */
    static UnitTask<Integer, TilePrediction> predictTile(
            String modelDir,
            String image,
            List<String> views,
            int width,
            int height,
            ConfigTiledPrediction c) {
        return index -> {
            TileGrid grid = TileGrid.of(width, height, c.tileSizePx, c.overlapPx, EdgeMode.SHIFT);
            Tile t = grid.tile(index);
            Window rd = t.read();
            float[][] bands;
            List<Path> viewFiles = new ArrayList<>();
            for (String v : views) {
                viewFiles.add(Path.of(v));
            }
            try (HeightInputs in = HeightInputs.open(Path.of(image), viewFiles)) {
                bands = in.readWindow(rd.x0(), rd.y0(), rd.width(), rd.height());
            }
            HeightPredictor model =
                    ExecutorCache.perThread(
                            "height-model:" + modelDir,
                            HeightPredictor.class,
                            () -> HeightPredictor.load(Path.of(modelDir)));
            RasterF32 full = TiledHeightPredictor.create(c).predictTile(model, t, bands);
            return new TilePrediction(full.width(), full.height(), full.data());
        };
    }
}
