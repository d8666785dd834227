package dev.surveyor.cli.craters;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.craters.model.ConfigCenterNet;
import dev.surveyor.craters.model.ConfigCraterTraining;
import dev.surveyor.craters.model.CraterDataset;
import dev.surveyor.craters.model.CraterTraining;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surveyor craters train}. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a CenterNet crater detector on labelled images (NAME.png + NAME.txt LRO NAC labels or NAME.csv x,y,diameter).",
            "Writes MODEL_DIR/model.json, best.params (best validation AP@0.5 + F1; the last epoch without --val) and last.params (checkpoint every epoch)."
        })
public final class CratersTrainCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            required = true,
            description = "Folder with labelled images (searched recursively).")
    Path data;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(
            names = "--backbone",
            defaultValue = "small",
            description =
                    "small (resnet-s), resnet18, resnet50, hourglass (small), hourglass104. Default: ${DEFAULT-VALUE}.")
    String backbone;

    @Option(
            names = "--stride",
            description = "Output stride R (4, or 2 for small). Default: the backbone's.")
    Integer stride;

    @Option(
            names = "--epochs",
            defaultValue = "40",
            description = "Epochs (frozen + unfrozen). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(
            names = "--freeze-epochs",
            defaultValue = "0",
            description =
                    "First epochs with the backbone frozen (with --init). Default: ${DEFAULT-VALUE}.")
    int freezeEpochs;

    @Option(
            names = "--batch",
            defaultValue = "8",
            description = "Windows per batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(
            names = "--batches-per-epoch",
            defaultValue = "50",
            description = "Default: ${DEFAULT-VALUE}.")
    int batchesPerEpoch;

    @Option(
            names = "--window",
            defaultValue = "256",
            description = "Training window side, px. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(
            names = "--lr",
            defaultValue = "2e-3",
            description = "Adam learning rate (cosine decay). Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(
            names = "--lr-final",
            defaultValue = "0.05",
            description =
                    "Final learning rate as a fraction of --lr, reached by the cosine decay over the"
                            + " epochs or --max-minutes. Default: ${DEFAULT-VALUE}.")
    double lrFinal;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "Engine threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--resume", description = "Continue from MODEL_DIR/last.params after a kill.")
    boolean resume;

    @Option(
            names = "--init",
            description = "Start from this model directory's weights (transfer learning).")
    Path init;

    @Option(
            names = "--exclude",
            split = ",",
            description = "Image names (substrings) never used (held-out test).")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--val",
            split = ",",
            description = "Image names (substrings) used for validation only.")
    List<String> val = new ArrayList<>();

    @Option(
            names = "--min-diameter",
            defaultValue = "8",
            description = "Minimum crater diameter (px) in validation. Default: ${DEFAULT-VALUE}.")
    double minDiameter;

    @Option(
            names = "--max-minutes",
            defaultValue = "0",
            description = "Stop after this many minutes (end of an epoch); 0 = no limit.")
    double maxMinutes;

    @Option(
            names = "--large-crater-fraction",
            defaultValue = "0",
            description =
                    "Fraction of training windows placed on a large crater (rare in the labels). Default: ${DEFAULT-VALUE}.")
    double largeCraterFraction;

    @Option(
            names = "--large-crater-min-diameter",
            defaultValue = "16",
            description = "Smallest large crater (px). Default: ${DEFAULT-VALUE}.")
    double largeCraterMinDiameter;

    @Option(
            names = "--scale-jitter",
            defaultValue = "1.2",
            description =
                    "Windows resampled by a random factor in [1/J, J]; 1 = none. Default: ${DEFAULT-VALUE}.")
    double scaleJitter;

    @Option(
            names = "--no-augment",
            description = "Disable flips, rotations, scale, brightness and contrast jitter.")
    boolean noAugment;

    @Option(
            names = "--per-image-normalisation",
            description =
                    "Normalise every image by its own grey-level mean and std (training and"
                            + " detection) instead of the training set's or the --init model's.")
    boolean perImageNormalisation;

    @picocli.CommandLine.Mixin dev.surveyor.cli.WeightAverageOption average;

    @Override
    public Integer call() throws Exception {
        ConfigCraterTraining c = new ConfigCraterTraining();
        c.network = ConfigCenterNet.preset(backbone);
        if (stride != null) {
            c.network.outputStride = stride;
        }
        c.augmentation.windowPx = window;
        c.augmentation.scaleJitter = scaleJitter;
        c.augmentation.largeCraterFraction = largeCraterFraction;
        c.augmentation.largeCraterMinDiameterPx = largeCraterMinDiameter;
        if (noAugment) {
            c.augmentation.flipsAndRotations = false;
            c.augmentation.scaleJitter = 1;
            c.augmentation.contrastJitter = 0;
            c.augmentation.brightnessJitter = 0;
        }
        c.batchSize = batch;
        c.batchesPerEpoch = batchesPerEpoch;
        c.training.epochs = epochs;
        c.training.freezeEpochs = freezeEpochs;
        c.training.learningRate = lr;
        c.training.finalLearningRateFraction = lrFinal;
        c.training.seed = seed;
        c.training.threads = threads;
        c.training.resume = resume;
        c.training.maxMinutes = maxMinutes;
        c.training.averageDecay = average.decay;
        c.perImageNormalisation = perImageNormalisation;
        c.exclude = exclude;
        c.validation = val;
        c.minDiameterPx = minDiameter;
        c.command = commandLine();
        c.validate();
        var images = CraterDataset.load(data);
        CliProgress progress = new CliProgress();
        CraterTraining.train(
                images,
                data.toString(),
                c,
                out,
                init,
                progress,
                r ->
                        System.err.println(
                                String.format(
                                        Locale.ROOT,
                                        "epoch %d: loss %.4f %s%s",
                                        r.epoch() + 1,
                                        r.meanLoss(),
                                        r.metrics(),
                                        r.best() ? " (best)" : "")));
        return 0;
    }

    private String commandLine() {
        StringBuilder b =
                new StringBuilder("surveyor craters train --data ")
                        .append(data)
                        .append(" --out ")
                        .append(out);
        b.append(" --backbone ").append(backbone);
        if (stride != null) b.append(" --stride ").append(stride);
        b.append(" --epochs ").append(epochs).append(" --freeze-epochs ").append(freezeEpochs);
        b.append(" --batch ").append(batch).append(" --batches-per-epoch ").append(batchesPerEpoch);
        b.append(" --window ")
                .append(window)
                .append(" --lr ")
                .append(lr)
                .append(" --lr-final ")
                .append(lrFinal)
                .append(" --seed ")
                .append(seed)
                .append(" --threads ")
                .append(threads);
        if (init != null) b.append(" --init ").append(init);
        if (!exclude.isEmpty()) b.append(" --exclude ").append(String.join(",", exclude));
        if (!val.isEmpty()) b.append(" --val ").append(String.join(",", val));
        b.append(" --min-diameter ").append(minDiameter);
        if (maxMinutes > 0) b.append(" --max-minutes ").append(maxMinutes);
        if (scaleJitter != 1.2) b.append(" --scale-jitter ").append(scaleJitter);
        if (largeCraterFraction > 0) {
            b.append(" --large-crater-fraction ").append(largeCraterFraction);
            b.append(" --large-crater-min-diameter ").append(largeCraterMinDiameter);
        }
        if (noAugment) b.append(" --no-augment");
        if (perImageNormalisation) b.append(" --per-image-normalisation");
        if (average.decay > 0) b.append(" --average ").append(average.decay);
        return b.toString();
    }
}
