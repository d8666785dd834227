package dev.surveyor.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --model} (two or more) and {@code --out}, shared by the model-soup commands. */
public final class SoupOptions {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A model directory; give two or more.")
    public List<Path> models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output model.")
    public Path out;
}
