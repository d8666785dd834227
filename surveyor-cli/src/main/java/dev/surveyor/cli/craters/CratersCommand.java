package dev.surveyor.cli.craters;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code surveyor craters}: CenterNet crater detection. */
@Command(
        name = "craters",
        mixinStandardHelpOptions = true,
        description = "Crater detection (CenterNet): train, detect, evaluate.",
        subcommands = {
            CratersTrainCommand.class,
            CratersDetectCommand.class,
            CratersEvaluateCommand.class,
            CratersCalibrateCommand.class,
            CratersSfdCommand.class,
            CratersSoupCommand.class,
            CratersEnsembleCommand.class
        })
public final class CratersCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
