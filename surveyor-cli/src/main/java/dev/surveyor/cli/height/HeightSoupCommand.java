package dev.surveyor.cli.height;

import dev.surveyor.cli.SoupOptions;
import dev.surveyor.height.predict.HeightModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code surveyor height soup}: one model whose parameters are the mean of several models' (a
 * uniform model soup of fine-tunes with different seeds).
 */
@Command(
        name = "soup",
        mixinStandardHelpOptions = true,
        description =
                "Average the parameters of models of one architecture and normalisation (e.g."
                        + " the same fine-tune run with different --seed) into one model: a"
                        + " uniform model soup, one model's prediction cost.")
public final class HeightSoupCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin SoupOptions soup;

    @picocli.CommandLine.Mixin TestTimeAugmentationOptions tta;

    @Override
    public Integer call() throws Exception {
        // orDefault(null): the first model's default
        soup.write(
                spec,
                (models, out, command) ->
                        HeightModel.writeSoup(models, out, command, tta.orDefault(null)));
        return 0;
    }
}
