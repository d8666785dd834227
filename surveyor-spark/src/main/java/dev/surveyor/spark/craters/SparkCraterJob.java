package dev.surveyor.spark.craters;

import ai.djl.Model;
import ai.djl.nn.Block;
import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.detect.DetectionTable;
import dev.surveyor.craters.detect.RasterSourceWindows;
import dev.surveyor.craters.model.CenterNetNetworks;
import dev.surveyor.craters.model.ConfigCenterNet;
import dev.surveyor.craters.model.DetectionSettings;
import dev.surveyor.craters.model.InputNormalisation;
import dev.surveyor.craters.model.TestScales;
import dev.surveyor.craters.model.TestTimeAugmentation;
import dev.surveyor.craters.model.TiledInference;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.spark.ExecutorCache;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.UnitTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CenterNetDetector.detect} on Spark, with an identical crater list.
 *
 * <p>Steps: (1) the driver lays out the windows as {@link
 * dev.surveyor.craters.model.TiledInference} does (same starts, same cores, row-major) and groups
 * them into the same batches of {@code batchSize} windows, so every forward pass sees the same
 * input tensor; (2) one Spark task per batch: read its windows from the image (one band of a raster
 * file every executor can read), normalise, run the network (loaded once per executor thread from
 * the model directory, best parameters), decode each window and keep the craters whose centre lies
 * in the window's core; (3) the driver concatenates the batches in order, drops seam duplicates
 * with TiledInference's merge, sorts by descending score and applies the model's size scale. Each
 * task runs {@link TiledInference#detectBatch} itself; {@code SparkCraterJobTest} checks the
 * equality.
 */
public final class SparkCraterJob {
    private SparkCraterJob() {}

    /**
     * Detects craters in one band of a raster file.
     *
     * @param engine a started engine
     * @param modelDir crater model directory (model.json + best parameters), on every executor
     * @param image raster file, on every executor
     * @param band 0-based band
     * @param windowPx window side (0 = model.json's windowPx, default 512), rounded down to the
     *     network's size multiple
     * @param overlapPx overlap (negative = the detector's default, min(64, window/2 - 1))
     * @param batchSize windows per forward pass (the detector's default is 4)
     * @param threshold minimum score (NaN = the model's best-F1 threshold)
     * @param augmentation test-time augmentation of every window ({@link
     *     TiledInference#withAugmentation}); null = model.json's, as {@code CenterNetDetector}
     * @param scales multi-scale testing ({@link TiledInference#withScales}); null = model.json's
     * @param progress one step per batch
     * @return craters in pixel coordinates (corner origin), descending score
     */
    public static List<Crater> detect(
            SparkEngine engine,
            Path modelDir,
            Path image,
            int band,
            int windowPx,
            int overlapPx,
            int batchSize,
            double threshold,
            TestTimeAugmentation augmentation,
            TestScales scales,
            ProgressListener progress)
            throws IOException {
        Checks.positive("batchSize", batchSize);
        DetectionSettings model = DetectionSettings.read(new ModelDir(modelDir));
        ConfigCenterNet arch = model.architecture();
        int mult = arch.sizeMultiple();
        int win = model.windowPx(windowPx);
        int overlap = overlapPx >= 0 ? overlapPx : DetectionSettings.defaultOverlapPx(win);
        Checks.inRange("overlapPx", overlap, 0, win / 2 - 1);
        double thr = Double.isNaN(threshold) ? model.threshold() : threshold;
        Checks.inRange("threshold", thr, 0.0, 1.0);
        InputNormalisation norm = model.normalisation();
        int w;
        int h;
        double[] stats;
        try (RasterSource src = RasterIO.open(image)) {
            Checks.inRange("band", band, 0, src.numBands() - 1);
            w = src.width();
            h = src.height();
            stats = norm.statsOf(new RasterSourceWindows(src, band));
        }
        int numTiles =
                TiledInference.axis(w, win, overlap)[0].length
                        * TiledInference.axis(h, win, overlap)[0].length;
        List<Integer> batches = new ArrayList<>();
        for (int b0 = 0; b0 < numTiles; b0 += batchSize) {
            batches.add(b0 / batchSize);
        }
        Settings s =
                new Settings(
                        modelDir.toAbsolutePath().toString(),
                        image.toAbsolutePath().toString(),
                        band,
                        w,
                        h,
                        win,
                        overlap,
                        batchSize,
                        thr,
                        arch.outputStride,
                        stats[0],
                        stats[1],
                        augmentation != null ? augmentation : model.augmentation(),
                        scales != null ? scales : model.scales(),
                        mult);
        List<BatchDetections> parts = engine.map("detect", batches, detectBatch(s), progress);
        List<TiledInference.WindowCrater> all = new ArrayList<>();
        for (BatchDetections d : parts) {
            for (int i = 0; i < d.xPx().length; i++) {
                all.add(
                        new TiledInference.WindowCrater(
                                new Crater(d.xPx()[i], d.yPx()[i], d.diameterPx()[i], d.score()[i]),
                                d.window()[i]));
            }
        }
        return model.scaleDiameters(TiledInference.merge(all, numTiles));
    }

    /**
     * Detects craters and writes the detection table as {@code surveyor craters detect} does (CSV;
     * lon/lat/km columns when the raster's CRS is supported), atomically.
     *
     * @return the craters written
     */
    public static List<Crater> detectFile(
            SparkEngine engine,
            Path modelDir,
            Path image,
            int band,
            int windowPx,
            int overlapPx,
            int batchSize,
            double threshold,
            TestTimeAugmentation augmentation,
            TestScales scales,
            Path out,
            ProgressListener progress)
            throws IOException {
        List<Crater> craters =
                detect(
                        engine,
                        modelDir,
                        image,
                        band,
                        windowPx,
                        overlapPx,
                        batchSize,
                        threshold,
                        augmentation,
                        scales,
                        progress);
        GeoReferencer geo;
        try (RasterSource src = RasterIO.open(image)) {
            geo = DetectionTable.georeferencer(src);
        }
        DetectionTable.writeFile(craters, geo, out);
        return craters;
    }

    /** Everything a task needs (serializable). */
    record Settings(
            String modelDir,
            String image,
            int band,
            int width,
            int height,
            int windowPx,
            int overlapPx,
            int batchSize,
            double threshold,
            int stride,
            double mean,
            double std,
            TestTimeAugmentation augmentation,
            TestScales scales,
            int sizeMultiple)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A loaded network kept per executor thread. */
    record Net(Model model, Block block) {}

    static Net load(String dir) throws IOException {
        ModelDir md = new ModelDir(Path.of(dir));
        Model model =
                CenterNetNetworks.load(
                        md, DetectionSettings.read(md).architecture(), ModelDir.BEST);
        return new Net(model, model.getBlock());
    }

    /** The executor side: one batch of windows, by {@link TiledInference#detectBatch}. */
    static UnitTask<Integer, BatchDetections> detectBatch(Settings s) {
        return batch -> {
            Net net =
                    ExecutorCache.perThread(
                            "craters:" + s.modelDir(), Net.class, () -> load(s.modelDir()));
            TiledInference inference =
                    new TiledInference(
                                    net.block(),
                                    net.model().getNDManager(),
                                    s.stride(),
                                    s.mean(),
                                    s.std(),
                                    s.windowPx(),
                                    s.overlapPx(),
                                    s.batchSize())
                            .withAugmentation(s.augmentation())
                            .withScales(s.scales(), s.sizeMultiple());
            List<TiledInference.Window> windows = inference.windows(s.width(), s.height());
            int b0 = batch * s.batchSize();
            int nb = Math.min(s.batchSize(), windows.size() - b0);
            List<TiledInference.WindowCrater> found;
            try (RasterSource src = RasterIO.open(Path.of(s.image()))) {
                found =
                        inference.detectBatch(
                                new RasterSourceWindows(src, s.band()),
                                windows,
                                b0,
                                nb,
                                s.threshold());
            }
            int m = found.size();
            double[] xs = new double[m];
            double[] ys = new double[m];
            double[] ds = new double[m];
            double[] sc = new double[m];
            int[] wi = new int[m];
            for (int i = 0; i < m; i++) {
                Crater c = found.get(i).crater();
                xs[i] = c.xPx();
                ys[i] = c.yPx();
                ds[i] = c.diameterPx();
                sc[i] = c.score();
                wi[i] = found.get(i).window();
            }
            return new BatchDetections(xs, ys, ds, sc, wi);
        };
    }
}
