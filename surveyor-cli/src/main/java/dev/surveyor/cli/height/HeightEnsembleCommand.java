package dev.surveyor.cli.height;

import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.height.predict.HeightEnsemble;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor height ensemble}: a model directory whose prediction is the mean of several
 * models' predictions (a deep ensemble; {@link HeightEnsemble}).
 */
@Command(
        name = "ensemble",
        mixinStandardHelpOptions = true,
        description =
                "Put models that read the same input into one model directory whose prediction is"
                        + " the mean of theirs (each with its own model.json test-time"
                        + " augmentation): networks trained from different starts make errors that"
                        + " partly cancel. Prediction costs the sum of the members'.")
public final class HeightEnsembleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A model directory (model.json + model.params); give two or more.")
    List<Path> models;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory (must not exist): ensemble.json + member-N/.")
    Path out;

    @Override
    public Integer call() throws Exception {
        HeightEnsemble.write(models, out, SurveyorCli.typedCommand(spec));
        System.out.println(
                "wrote " + out + ": an ensemble of " + models.size() + " models (mean prediction)");
        return 0;
    }
}
