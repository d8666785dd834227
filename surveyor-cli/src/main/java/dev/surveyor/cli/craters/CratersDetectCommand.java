package dev.surveyor.cli.craters;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.cli.report.ReportOption;
import dev.surveyor.cli.spark.EngineOptions;
import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.detect.DetectionTable;
import dev.surveyor.craters.detect.RasterSourceWindows;
import dev.surveyor.craters.model.CraterDetector;
import dev.surveyor.craters.model.CraterEnsemble;
import dev.surveyor.craters.model.GrayImage;
import dev.surveyor.craters.model.ImageWindows;
import dev.surveyor.craters.model.TestScales;
import dev.surveyor.craters.model.TestTimeAugmentation;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.report.run.RunKind;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.craters.SparkCraterJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code surveyor craters detect}. */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Detect craters in an image of any size (overlapped windows, bounded memory).",
            "Writes CSV x_px,y_px,diameter_px,score (centre in pixels, origin at the top-left corner of the top-left pixel)",
            "plus lon_deg,lat_deg,diameter_km for georeferenced input."
        })
public final class CratersDetectCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            description = "Model directory (one network, or an ensemble from craters ensemble).")
    Path model;

    @Option(
            names = "--image",
            required = true,
            description = "Image: GeoTIFF/ENVI/raw via the raster readers, PNG/JPEG via ImageIO.")
    Path image;

    @Option(names = "--out", required = true, description = "Output CSV.")
    Path out;

    @Option(
            names = "--threshold",
            description = "Minimum score. Default: the best-F1 threshold stored in model.json.")
    Double threshold;

    @Option(
            names = "--band",
            defaultValue = "0",
            description = "0-based band. Default: ${DEFAULT-VALUE}.")
    int band;

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
            description = "Windows per forward pass. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Engine threads, 0 = all cores. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(
            names = "--coarse",
            defaultValue = "1",
            description =
                    "Also detect craters larger than a window in a copy reduced by this factor (block means);"
                            + " 1 = off. Default: ${DEFAULT-VALUE}.")
    int coarse;

    @Option(
            names = "--coarse-min-diameter",
            defaultValue = "0",
            description =
                    "Smallest coarse-pass crater kept (px, full resolution); 0 = 16 x the factor. Default: ${DEFAULT-VALUE}.")
    double coarseMinDiameter;

    @Option(
            names = "--flip-test",
            arity = "0..1",
            description =
                    "Also run every window mirrored and average heatmaps and sizes (CenterNet's flip test; 2x the time);"
                            + " --flip-test=false turns it off. Default: model.json's flipTest (off when absent).")
    Boolean flipTest;

    @Option(
            names = "--tta",
            description =
                    "Test-time augmentation: none, flip (= --flip-test) or d4 (all 8 flips, 90-degree rotations"
                            + " and transposes; 8x the time). Default: model.json's.")
    String tta;

    @Option(
            names = "--scales",
            description =
                    "Multi-scale testing: image scales whose detections are fused, e.g. 0.75,1,1.5,2"
                            + " (sum of squared scales x the time); 1 = off. Default: model.json's testScales.")
    String scales;

    @Mixin EngineOptions engine;

    @Mixin ReportOption report;

    @Override
    public Integer call() throws Exception {
        if (coarse < 1) {
            throw new IllegalArgumentException("--coarse must be at least 1, got " + coarse);
        }
        TestTimeAugmentation augmentation = TestTimeAugmentation.fromOptions(tta, flipTest);
        TestScales testScales = scales == null ? null : TestScales.parse(scales);
        if (engine.isSpark()) {
            if (coarse > 1) {
                throw new IllegalArgumentException(
                        "--coarse is not available with the Spark engine");
            }
            if (CraterEnsemble.isEnsemble(model)) {
                throw new IllegalArgumentException(
                        model + ": an ensemble; not available with the Spark engine");
            }
            try (SparkEngine e = SparkEngine.start(engine.sparkConfig())) {
                List<Crater> craters =
                        SparkCraterJob.detectFile(
                                e,
                                model,
                                image,
                                band,
                                window == null ? 0 : window,
                                window == null ? -1 : overlap,
                                batch,
                                threshold == null ? Double.NaN : threshold,
                                augmentation,
                                testScales,
                                out,
                                new CliProgress());
                System.err.println(craters.size() + " craters -> " + out);
            }
            writeReport();
            return 0;
        }
        try (CraterDetector det = CraterDetector.load(model, threads)) {
            det.batchSize(batch);
            det.coarsePass(coarse, coarseMinDiameter);
            if (augmentation != null) {
                det.augmentation(augmentation);
            }
            if (testScales != null) {
                det.scales(testScales);
            }
            if (window != null) {
                det.windows(window, overlap);
            }
            double thr = threshold != null ? threshold : det.defaultThreshold();
            List<Crater> craters;
            GeoReferencer geo = null;
            String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
            CliProgress progress = new CliProgress();
            if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                craters = det.detect(ImageWindows.of(GrayImage.read(image)), thr, progress);
            } else {
                try (RasterSource src = RasterIO.open(image)) {
                    geo = DetectionTable.georeferencer(src);
                    craters = det.detect(new RasterSourceWindows(src, band), thr, progress);
                }
            }
            DetectionTable.writeFile(craters, geo, out);
            System.err.println(craters.size() + " craters (threshold " + thr + ") -> " + out);
        }
        writeReport();
        return 0;
    }

    private void writeReport() throws java.io.IOException {
        java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put("detections.csv", out);
        files.put(ReportOption.imageName(image), image);
        report.writeFiles(RunKind.CRATERS, files);
    }
}
