package dev.surveyor.cli;

import picocli.CommandLine.Option;

/** {@code --average}, shared by the training commands. */
public final class WeightAverageOption {
    @Option(
            names = "--average",
            defaultValue = "0",
            description =
                    "Validate and keep an exponential moving average of the weights with this decay"
                            + " per step, e.g. 0.995 (default ${DEFAULT-VALUE} = off).")
    public double decay;
}
