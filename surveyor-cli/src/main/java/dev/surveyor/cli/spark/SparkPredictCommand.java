package dev.surveyor.cli.spark;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.height.SparkHeightJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code surveyor spark predict}: {@code surveyor height predict} with windows as Spark tasks;
 * writes the same float32 GeoTIFF and PNG preview.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Predict height (metres) with overlapped windows as Spark tasks.")
public final class SparkPredictCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            description = "Model directory, readable by every executor.")
    Path model;

    @Option(
            names = "--image",
            required = true,
            description = "Input image, readable by every executor.")
    Path image;

    @Option(names = "--out", required = true, description = "Output float32 GeoTIFF.")
    Path out;

    @Option(
            names = "--preview",
            description = "Colour-mapped PNG preview (default: OUT with .png).")
    Path preview;

    @Option(
            names = "--preview-max",
            defaultValue = "60",
            description = "Height shown white in the preview, metres.")
    double previewMaxM;

    @Option(names = "--tile", defaultValue = "256", description = "Window size, multiple of 32.")
    int tile;

    @Option(names = "--overlap", defaultValue = "64", description = "Window overlap in pixels.")
    int overlap;

    @Option(
            names = "--tta",
            description = "Average over the 8 flips/transposes of each window (8x slower).")
    boolean tta;

    @Mixin SparkOptions spark = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = tile;
        c.overlapPx = overlap;
        c.testTimeAugmentation = tta;
        c.validate();
        Path pv = preview;
        if (pv == null) {
            String n = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            pv = out.resolveSibling(n + ".png");
        }
        try (SparkEngine engine = SparkEngine.start(spark.config())) {
            SparkHeightJob.predictFile(
                    engine, model, image, out, pv, previewMaxM, c, new CliProgress());
        }
        System.out.println("wrote " + out + " and " + pv);
        return 0;
    }
}
