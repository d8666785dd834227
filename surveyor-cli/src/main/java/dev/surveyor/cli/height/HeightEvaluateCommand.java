package dev.surveyor.cli.height;

import dev.surveyor.height.eval.HeightBinError;
import dev.surveyor.height.eval.HeightEvaluation;
import dev.surveyor.height.eval.HeightMetrics;
import dev.surveyor.height.io.HeightPipelines;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surveyor height evaluate}: errors of a predicted height raster against the truth. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "MAE/RMSE (all and building pixels), errors by height bin, SSIM; metrics.json and"
                        + " PNGs.")
public final class HeightEvaluateCommand implements Callable<Integer> {
    @Option(names = "--truth", required = true, description = "True height raster (metres).")
    Path truth;

    @Option(names = "--pred", required = true, description = "Predicted height raster (metres).")
    Path pred;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(
            names = "--building-threshold",
            defaultValue = "0",
            description = "Truth above this is a building pixel (m).")
    double buildingThresholdM;

    @Option(
            names = "--ssim-max",
            defaultValue = "100",
            description = "Height mapped to 255 for SSIM (m; 0 maps to 0).")
    double ssimMaxM;

    @Override
    public Integer call() throws Exception {
        HeightEvaluation ev =
                HeightPipelines.evaluateFiles(truth, pred, out, buildingThresholdM, ssimMaxM);
        HeightMetrics m = ev.metrics();
        System.out.printf(
                Locale.ROOT,
                "MAE %.3f m  RMSE %.3f m  (predict-zero RMSE %.3f m, ratio %.3f)  building MAE %.3f"
                        + " m (mean building height %.2f m)  SSIM %.4f%n",
                m.maeM(),
                m.rmseM(),
                m.zeroRmseM(),
                m.rmseRatioToZero(),
                m.buildingMaeM(),
                m.meanBuildingHeightM(),
                ev.ssim());
        for (HeightBinError b : ev.bins()) {
            System.out.printf(
                    Locale.ROOT,
                    "  true (%.0f, %.0f] m: %d px  MAE %.3f  bias %+.3f%n",
                    b.lowM(),
                    b.highM(),
                    b.pixels(),
                    b.maeM(),
                    b.biasM());
        }
        System.out.println("wrote " + out.resolve("metrics.json"));
        return 0;
    }
}
