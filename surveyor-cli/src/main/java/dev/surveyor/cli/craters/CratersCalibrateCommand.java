package dev.surveyor.cli.craters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.eval.CraterCalibration;
import dev.surveyor.craters.model.CenterNetDetector;
import dev.surveyor.craters.model.CraterEnsemble;
import dev.surveyor.craters.model.GrayImage;
import dev.surveyor.craters.model.ImageWindows;
import dev.surveyor.learn.ModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surveyor craters calibrate}. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Calibrate a model to another labelling convention from one labelled image:",
            "fits a diameter scale and the best-F1 threshold, and writes a new model directory (same weights)."
        })
public final class CratersCalibrateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Source model directory.")
    Path model;

    @Option(names = "--image", required = true, description = "Calibration image (PNG).")
    Path image;

    @Option(
            names = "--truth",
            required = true,
            description = "Its labels (LRO NAC .txt, x,y,diameter .csv, COCO .json).")
    Path truth;

    @Option(names = "--out", required = true, description = "New model directory.")
    Path out;

    @Option(
            names = "--min-diameter",
            defaultValue = "8",
            description = "Default: ${DEFAULT-VALUE}.")
    double minDiameter;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Engine threads, 0 = all. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (CraterEnsemble.isEnsemble(model)) {
            throw new IllegalArgumentException(
                    model + ": an ensemble; calibrate its members, then rebuild it");
        }
        List<Crater> t = CratersEvaluateCommand.readTruth(truth);
        ObjectNode json;
        List<Crater> d;
        try (CenterNetDetector det = CenterNetDetector.load(model, threads)) {
            d = det.detect(ImageWindows.of(GrayImage.read(image)), 0.02, ProgressListener.NONE);
            json = det.modelJson();
        }
        double base = json.path("sizeScale").asDouble(1.0);
        CraterCalibration c = CraterCalibration.fit(t, d, 0.5, minDiameter);
        json.put("sizeScale", base * c.sizeScale());
        json.put("threshold", c.threshold());
        ObjectNode cal = json.putObject("calibration");
        cal.put("from", model.toString())
                .put("image", image.toString())
                .put("truth", truth.toString());
        cal.put("minDiameterPx", minDiameter)
                .put("sizeScale", c.sizeScale())
                .put("threshold", c.threshold())
                .put("f1OnCalibrationImage", c.f1());
        ModelDir dst = new ModelDir(out);
        Files.createDirectories(out);
        Files.copy(
                new ModelDir(model).paramsFile(ModelDir.BEST),
                dst.paramsFile(ModelDir.BEST),
                StandardCopyOption.REPLACE_EXISTING);
        dst.writeJson(json);
        System.out.printf(
                "size scale %.4f, threshold %.4f, F1 on the calibration image %.4f -> %s%n",
                c.sizeScale(), c.threshold(), c.f1(), out);
        return 0;
    }
}
