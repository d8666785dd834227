package dev.surveyor.cli.craters;

import dev.surveyor.cli.SoupOptions;
import dev.surveyor.craters.model.CraterModelSoup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surveyor craters soup}: one model whose parameters are the mean of several models' (a
 * uniform model soup of fine-tunes with different seeds).
 */
@Command(
        name = "soup",
        mixinStandardHelpOptions = true,
        description =
                "Average the best.params of crater models of one architecture and input"
                        + " normalisation (e.g. the same fine-tune run with different --seed) into"
                        + " one model: a uniform model soup, one model's detection cost.")
public final class CratersSoupCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin SoupOptions soup;

    @Option(
            names = "--threshold",
            paramLabel = "T",
            description =
                    "Default detection threshold of the soup, chosen on validation data (craters"
                            + " evaluate: bestF1). Default: the first model's.")
    Double threshold;

    @Override
    public Integer call() throws Exception {
        if (threshold != null && !(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold " + threshold + " not in (0, 1)");
        }
        soup.write(
                spec,
                (models, out, command) ->
                        CraterModelSoup.write(
                                models, out, command, threshold == null ? Double.NaN : threshold));
        return 0;
    }
}
