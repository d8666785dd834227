package dev.surveyor.cli.height;

import dev.surveyor.cli.SoupOptions;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelSoup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<Path> models = soup.models;
        Path out = soup.out;
        ModelSoup.checkOutputIsNotAMember(models, out);
        LearnEngine.start(1);
        List<ModelCard> cards = new ArrayList<>();
        for (Path m : models) {
            cards.add(HeightModel.readCard(m));
        }
        Set<String> trainTiles = new LinkedHashSet<>();
        Set<String> validationTiles = new LinkedHashSet<>();
        List<Map<String, Object>> members = new ArrayList<>();
        double seconds = 0;
        for (int i = 0; i < models.size(); i++) {
            ModelCard c = cards.get(i);
            trainTiles.addAll(c.trainTiles());
            validationTiles.addAll(c.validationTiles());
            seconds += c.trainingSeconds();
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("model", models.get(i).toString());
            member.put("command", c.command());
            member.put("trainingSeconds", c.trainingSeconds());
            member.put("bestEpoch", c.bestEpoch());
            members.add(member);
        }
        DihedralSet testTime = tta.orDefault(cards.get(0).defaultTestTimeAugmentation());
        String command =
                "surveyor " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        try (HeightModel mean = HeightModel.soup(models)) {
            ModelCard card =
                    mean.card(
                            List.copyOf(trainTiles),
                            List.copyOf(validationTiles),
                            command,
                            seconds,
                            0,
                            Map.of("soupOf", members),
                            testTime);
            mean.save(out, card);
        }
        System.out.println(
                "wrote " + out + ": the mean of the parameters of " + models.size() + " models");
        return 0;
    }
}
