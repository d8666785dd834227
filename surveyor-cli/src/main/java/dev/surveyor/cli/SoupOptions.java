package dev.surveyor.cli;

import dev.surveyor.learn.LearnEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
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

    /** Writes a soup of {@code models} into {@code out}, recording {@code command}. */
    @FunctionalInterface
    public interface Writer {
        void write(List<Path> models, Path out, String command) throws IOException;
    }

    /**
     * Starts the engine on one thread, writes the soup with the command line of {@code spec}'s
     * command, and says so on standard output.
     */
    public void write(CommandLine.Model.CommandSpec spec, Writer writer) throws IOException {
        LearnEngine.start(1);
        writer.write(models, out, SurveyorCli.typedCommand(spec));
        System.out.println(
                "wrote " + out + ": the mean of the parameters of " + models.size() + " models");
    }
}
