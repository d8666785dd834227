package dev.surveyor.spark.height;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightEnsemble;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.HeightPredictor;
import dev.surveyor.io.RasterIO;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.spark.LocalSpark;
import dev.surveyor.spark.OutputDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Height prediction on Spark ({@code local[2]}) writes the same GeoTIFF and preview as the
 * single-machine pipeline, with a tiny random-weight network (the weights do not matter for
 * equality, only that every window goes through the network).
 */
class SparkHeightJobTest {
    @TempDir Path dir;

    /** A 230 x 170 3-band float image with a no-data patch at (50..69, 20..29). */
    private static Path image(Path dir) throws IOException {
        LearnEngine.start(1);
        int w = 230;
        int h = 170;
        int bands = 3;
        SplittableRandom rnd = new SplittableRandom(5);
        RasterF32[] b = new RasterF32[bands];
        for (int k = 0; k < bands; k++) {
            b[k] = new RasterF32(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v =
                            100
                                    + 40 * Math.sin(x / (7.0 + k)) * Math.cos(y / 11.0)
                                    + rnd.nextGaussian() * 5;
                    b[k].set(x, y, (float) v);
                }
            }
        }
        for (int y = 20; y < 30; y++) {
            for (int x = 50; x < 70; x++) {
                b[1].set(x, y, Float.NaN); // a no-data patch
            }
        }
        Path image = dir.resolve("image.tif");
        RasterIO.write(RasterDataset.of(MultiBandRaster.of(b)), image);
        return image;
    }

    private static ConfigTiledPrediction windows() {
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = 96;
        c.overlapPx = 32;
        return c;
    }

    @Test
    void sparkRasterAndPreviewAreByteIdentical() throws Exception {
        Path image = image(dir);
        Path modelDir = saveTinyModel(dir.resolve("model"), List.of(), DihedralSet.NONE);
        RasterF32 pred = predictOnBothAndCompare(modelDir, image, List.of(), windows(), dir);
        assertTrue(Float.isNaN(pred.get(60, 25)), "no-data pixel must stay NaN");
        assertTrue(Float.isFinite(pred.get(150, 100)));
    }

    @Test
    void anEnsembleOnSparkIsByteIdenticalToOneMachine() throws Exception {
        Path image = image(dir);
        Path a =
                saveTinyModel(dir.resolve("a"), List.of(), DihedralSet.parse("identity,flip-rows"));
        Path b = saveTinyModel(dir.resolve("b"), List.of(), DihedralSet.NONE);
        Path e = dir.resolve("ens");
        HeightEnsemble.write(List.of(a, b), e, "test");
        RasterF32 pred = predictOnBothAndCompare(e, image, List.of(), windows(), dir);
        RasterF32 pa = predictOnBothAndCompare(a, image, List.of(), windows(), dir.resolve("pa"));
        RasterF32 pb = predictOnBothAndCompare(b, image, List.of(), windows(), dir.resolve("pb"));
        assertEquals((pa.get(150, 100) + pb.get(150, 100)) / 2, pred.get(150, 100), 1e-5);
        assertTrue(pa.get(150, 100) != pb.get(150, 100), "two random initialisations");
    }

    /**
     * Predicts {@code image} (with {@code views}) on one machine and on local Spark into {@code
     * dir/single} and {@code dir/spark}, asserts the two output directories are byte-identical and
     * hold h.tif and h.png, and returns the Spark prediction.
     */
    static RasterF32 predictOnBothAndCompare(
            Path modelDir, Path image, List<Path> views, ConfigTiledPrediction c, Path dir)
            throws IOException {
        Path single = Files.createDirectories(dir.resolve("single"));
        Path spark = Files.createDirectories(dir.resolve("spark"));
        try (HeightPredictor m = HeightPredictor.load(modelDir)) {
            HeightPipelines.predictFile(
                    m,
                    image,
                    views,
                    single.resolve("h.tif"),
                    single.resolve("h.png"),
                    60,
                    c,
                    dev.surveyor.core.util.ProgressListener.NONE);
        }
        SparkHeightJob.predictFile(
                LocalSpark.engine(),
                modelDir,
                image,
                views,
                spark.resolve("h.tif"),
                spark.resolve("h.png"),
                60,
                c,
                null);
        List<String> files = OutputDirs.assertIdentical(single, spark);
        assertTrue(files.contains("h.tif") && files.contains("h.png"), files.toString());
        return HeightPipelines.readHeight(spark.resolve("h.tif"));
    }

    /**
     * Saves a tiny MRFED (width 1/16, no size-preserving blocks, Glorot weights) taking 3 input
     * bands, the last of them {@code views}' bands, normalised by mean 100 and std 30, height unit
     * 10 m, predicting with {@code tta} by default, to {@code modelDir}.
     */
    static Path saveTinyModel(Path modelDir, List<InputView> views, DihedralSet tta)
            throws IOException {
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 3;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        BandNormalization norm =
                new BandNormalization(new double[] {100, 100, 100}, new double[] {30, 30, 30});
        try (HeightModel m = HeightModel.create(net, norm, 10, views)) {
            m.save(modelDir, m.card(List.of(), List.of(), "test", 0, 0, Map.of(), tta));
        }
        return modelDir;
    }
}
