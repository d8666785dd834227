package dev.surveyor.cli.height;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code surveyor height}: single-image height regression (MRFED, U-Net, FCN). */
@Command(
        name = "height",
        mixinStandardHelpOptions = true,
        description = "Single-image height regression: train, predict, evaluate.",
        subcommands = {
            HeightTrainCommand.class,
            HeightPredictCommand.class,
            HeightEvaluateCommand.class,
            HeightSynthCommand.class,
            HeightSoupCommand.class,
            HeightEnsembleCommand.class
        })
public final class HeightCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
