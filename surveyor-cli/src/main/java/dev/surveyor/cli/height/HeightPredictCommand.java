package dev.surveyor.cli.height;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.cli.report.ReportOption;
import dev.surveyor.cli.spark.EngineOptions;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightPredictor;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.report.run.RunKind;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.height.SparkHeightJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code surveyor height predict}: height of every pixel of an image, as a float32 GeoTIFF. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Predict height (metres) for an image of any size with overlapped, blended"
                        + " windows.")
public final class HeightPredictCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            description = "Model directory (model.json + model.params).")
    Path model;

    @Option(
            names = "--image",
            required = true,
            description = "Input image (GeoTIFF or any format RasterIO reads).")
    Path image;

    @Option(
            names = "--view",
            paramLabel = "NAME=FILE",
            description =
                    "File of an extra view the model was trained with (height train --views), on"
                            + " the image's pixel grid, e.g. tlc=tlc_bj0216.tif; repeat for each"
                            + " view of the model (model.json lists them).")
    Map<String, Path> views = new LinkedHashMap<>();

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

    @Mixin TestTimeAugmentationOptions tta;

    @Option(names = "--threads", defaultValue = "0", description = "Torch threads (0 = default).")
    int threads;

    @Mixin EngineOptions engine;

    @Mixin ReportOption report;

    @Override
    public Integer call() throws Exception {
        LearnEngine.start(threads);
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = tile;
        c.overlapPx = overlap;
        // null: each network's model.json default
        c.testTimeAugmentation = tta.orDefault(null);
        c.validate();
        ModelCard card = HeightPredictor.readCards(model).get(0);
        List<Path> viewFiles = HeightPipelines.viewFiles(model, card.views(), views);
        Path pv = preview;
        if (pv == null) {
            String n = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            pv = out.resolveSibling(n + ".png");
        }
        if (engine.isSpark()) {
            // executors load the model themselves; the driver only blends windows
            try (SparkEngine e = SparkEngine.start(engine.sparkConfig())) {
                SparkHeightJob.predictFile(
                        e, model, image, viewFiles, out, pv, previewMaxM, c, new CliProgress());
            }
        } else {
            try (HeightPredictor m = HeightPredictor.load(model)) {
                HeightPipelines.predictFile(
                        m, image, viewFiles, out, pv, previewMaxM, c, new CliProgress());
            }
        }
        System.out.println("wrote " + out + " and " + pv);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("height.tif", out);
        files.put(ReportOption.imageName(image), image);
        report.writeFiles(RunKind.HEIGHT, files);
        return 0;
    }
}
