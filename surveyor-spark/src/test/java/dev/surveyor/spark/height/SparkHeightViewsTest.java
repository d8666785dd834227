package dev.surveyor.spark.height;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.io.RasterIO;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.spark.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with an extra view (2 image bands + a 1-band view file) predicts the same files on Spark
 * as on one machine, and Spark refuses to run it without the view file.
 */
class SparkHeightViewsTest {
    @TempDir Path dir;

    private static RasterF32 pattern(int w, int h, int k, SplittableRandom rnd) {
        RasterF32 r = new RasterF32(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.set(
                        x,
                        y,
                        (float)
                                (100
                                        + 40 * Math.sin(x / (5.0 + k)) * Math.cos(y / 9.0)
                                        + rnd.nextGaussian() * 5));
            }
        }
        return r;
    }

    @Test
    void sparkWithAViewIsByteIdenticalToOneMachine() throws Exception {
        LearnEngine.start(1);
        int w = 150;
        int h = 110;
        SplittableRandom rnd = new SplittableRandom(9);
        Path image = dir.resolve("image.tif");
        RasterIO.write(
                RasterDataset.of(MultiBandRaster.of(pattern(w, h, 0, rnd), pattern(w, h, 1, rnd))),
                image);
        Path view = dir.resolve("view.tif");
        RasterF32 v = pattern(w, h, 2, rnd);
        v.set(40, 30, Float.NaN); // no data in the view only
        RasterIO.write(RasterDataset.of(MultiBandRaster.of(v)), view);

        List<InputView> views = List.of(new InputView("v", 1));
        Path modelDir =
                SparkHeightJobTest.saveTinyModel(dir.resolve("model"), views, DihedralSet.NONE);
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = 64;
        c.overlapPx = 16;
        RasterF32 pred =
                SparkHeightJobTest.predictOnBothAndCompare(modelDir, image, List.of(view), c, dir);
        assertTrue(Float.isNaN(pred.get(40, 30)), "no-data in the view must give NaN");
        assertTrue(Float.isFinite(pred.get(41, 30)));

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SparkHeightJob.predictFile(
                                        LocalSpark.engine(),
                                        modelDir,
                                        image,
                                        dir.resolve("x.tif"),
                                        null,
                                        60,
                                        c,
                                        null));
        assertTrue(
                e.getMessage().contains(modelDir.toString()) && e.getMessage().contains("v"),
                e.getMessage());
    }
}
