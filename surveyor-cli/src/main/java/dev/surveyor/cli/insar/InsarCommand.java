package dev.surveyor.cli.insar;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code surveyor insar}: PS-InSAR commands. */
@Command(
        name = "insar",
        mixinStandardHelpOptions = true,
        description =
                "PS-InSAR: reference date, persistent scatterers, simulation, co-registration.",
        subcommands = {
            ReferenceCommand.class,
            PsCommand.class,
            SimulateCommand.class,
            CoregisterCommand.class,
            CommandLine.HelpCommand.class
        })
public final class InsarCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing subcommand (reference, ps, simulate, coregister)");
    }
}
