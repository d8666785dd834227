package dev.surveyor.cli.craters;

import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.craters.model.CraterEnsemble;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor craters ensemble}: a model directory whose detections are the fused detections of
 * several crater models (a deep ensemble; {@link CraterEnsemble}).
 */
@Command(
        name = "ensemble",
        mixinStandardHelpOptions = true,
        description =
                "Put crater models (any architecture) into one model directory whose detections"
                        + " are the members' fused by weighted box fusion (box IoU >= 0.5, score ="
                        + " sum / members), each member with its own model.json normalisation,"
                        + " test-time augmentation and scales: networks from different starts miss"
                        + " different craters. Detection costs the sum of the members'.")
public final class CratersEnsembleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A crater model directory (model.json + best.params); give two or more.")
    List<Path> models;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory (must not exist): ensemble.json + member-N/.")
    Path out;

    @Option(
            names = "--threshold",
            required = true,
            paramLabel = "T",
            description =
                    "Default detection threshold of the fused scores, chosen on validation data"
                            + " (craters evaluate: bestF1 of this ensemble's detections).")
    double threshold;

    @Override
    public Integer call() throws Exception {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold " + threshold + " not in (0, 1)");
        }
        CraterEnsemble.write(models, out, SurveyorCli.typedCommand(spec), threshold);
        System.out.println(
                "wrote " + out + ": an ensemble of " + models.size() + " crater models (fused)");
        return 0;
    }
}
