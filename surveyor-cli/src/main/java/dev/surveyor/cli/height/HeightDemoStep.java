package dev.surveyor.cli.height;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.height.eval.HeightEvaluation;
import dev.surveyor.height.io.HeightPipelines;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightPredictor;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The height step of {@code surveyor demo}: writes one synthetic ZY-3-like scene (the real ZY-3
 * tiles may not be redistributed), predicts it with a shipped model and evaluates the prediction.
 */
public final class HeightDemoStep {
    private HeightDemoStep() {}

    /** Sun azimuth (degrees clockwise from image up) of the ZY-3 Beijing tiles, as measured. */
    static final double ZY3_SUN_AZIMUTH_DEG = 95;

    /**
     * Runs the step.
     *
     * @param modelDir model directory, e.g. {@code <surveyor home>/models/height-zy3}
     * @param outDir demo output folder; writes {@code height/} inside it
     * @return a one-line summary
     */
    public static String run(Path modelDir, Path outDir) throws IOException {
        if (!HeightPredictor.isModelDirectory(modelDir)) {
            throw new java.nio.file.NoSuchFileException(
                    modelDir + " (no model.json or ensemble.json)");
        }
        Path dir = outDir.resolve("height");
        ConfigSyntheticScene sc = new ConfigSyntheticScene();
        sc.widthPx = 400;
        sc.heightPx = 400;
        sc.seed = 1000;
        // lit like the ZY-3 tiles the shipped model was fine-tuned on (shadows cast towards image
        // azimuth ~275 degrees): it learnt the side shadows fall on (models/height-zy3/MODEL.md)
        sc.sunAzimuthDeg = ZY3_SUN_AZIMUTH_DEG;
        SyntheticSceneFiles.writeDataDir(dir.resolve("scene"), sc, 1);
        Path img = dir.resolve("scene/img/img_syn1000.tif");
        Path lab = dir.resolve("scene/lab/lab_syn1000.tif");
        Path pred = dir.resolve("height.tif");
        CliProgress progress = new CliProgress();
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        try (HeightPredictor m = HeightPredictor.load(modelDir)) {
            HeightPipelines.predictFile(m, img, pred, dir.resolve("height.png"), 60, c, progress);
        }
        HeightEvaluation ev = HeightPipelines.evaluateFiles(lab, pred, dir.resolve("eval"), 0, 100);
        return String.format(
                Locale.ROOT,
                "height: synthetic scene -> %s; MAE %.2f m, RMSE %.2f m (predict-zero %.2f m), SSIM"
                        + " %.3f",
                pred,
                ev.metrics().maeM(),
                ev.metrics().rmseM(),
                ev.metrics().zeroRmseM(),
                ev.ssim());
    }
}
