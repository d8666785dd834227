package dev.surveyor.cli.height;

import dev.surveyor.cli.SoupOptions;
import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.learn.LearnEngine;
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
        LearnEngine.start(1);
        String command = SurveyorCli.typedCommand(spec);
        // null: the first model's default
        HeightModel.writeSoup(soup.models, soup.out, command, tta.orDefault(null));
        System.out.println(
                "wrote "
                        + soup.out
                        + ": the mean of the parameters of "
                        + soup.models.size()
                        + " models");
        return 0;
    }
}
