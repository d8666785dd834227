package dev.surveyor.cli.spark;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.craters.Crater;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.craters.SparkCraterJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code surveyor spark detect}: {@code surveyor craters detect} on a raster file with batches of
 * windows as Spark tasks; writes the same detection CSV.
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Detect craters in one band of a raster, with window batches as Spark tasks.")
public final class SparkDetectCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            description = "Crater model directory, readable by every executor.")
    Path model;

    @Option(
            names = "--image",
            required = true,
            description = "Raster file (GeoTIFF, ...), readable by every executor.")
    Path image;

    @Option(names = "--out", required = true, description = "Output CSV.")
    Path out;

    @Option(
            names = "--band",
            defaultValue = "0",
            description = "0-based band. Default: ${DEFAULT-VALUE}.")
    int band;

    @Option(
            names = "--threshold",
            description = "Minimum score. Default: the model's best-F1 threshold.")
    Double threshold;

    @Option(names = "--window", description = "Window side, px. Default: model.json's windowPx.")
    Integer window;

    @Option(
            names = "--overlap",
            defaultValue = "64",
            description = "Window overlap, px. Default: ${DEFAULT-VALUE}.")
    int overlap;

    @Option(
            names = "--batch",
            defaultValue = "4",
            description = "Windows per task (forward pass). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin SparkOptions spark = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        List<Crater> craters;
        try (SparkEngine engine = SparkEngine.start(spark.config())) {
            craters =
                    SparkCraterJob.detectFile(
                            engine,
                            model,
                            image,
                            band,
                            window == null ? 0 : window,
                            window == null ? -1 : overlap,
                            batch,
                            threshold == null ? Double.NaN : threshold,
                            out,
                            new CliProgress());
        }
        System.err.println(craters.size() + " craters -> " + out);
        return 0;
    }
}
