package dev.surveyor.cli.height;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.data.TileReader;
import dev.surveyor.height.data.TileSplit;
import dev.surveyor.height.nn.Architecture;
import dev.surveyor.height.train.ConfigHeightTraining;
import dev.surveyor.height.train.HeightTrainer;
import dev.surveyor.height.train.LossKind;
import dev.surveyor.height.train.TrainingOutcome;
import dev.surveyor.learn.LearnEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surveyor height train}: trains or fine-tunes a height model on image/height tiles. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train (or fine-tune with --init) a height model; splits are by tile.")
public final class HeightTrainCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data",
            required = true,
            description =
                    "Data directory with img/ and lab/ TIFFs paired by tile name (repeatable).")
    List<Path> data;

    @Option(
            names = "--views",
            split = ",",
            paramLabel = "NAME[,NAME...]",
            description =
                    "Extra co-registered views: sub-directories of each --data DIR holding TIFFs"
                            + " paired by tile name like lab/ (e.g. tlc for DIR/tlc/tlc_bj0216.tif,"
                            + " the ZY-3 three-line-camera views); their bands follow the image"
                            + " bands, in this order, on the same pixel grid. Predict with"
                            + " --view NAME=FILE. Default: none.")
    List<String> views = new ArrayList<>();

    @Option(
            names = "--val",
            description =
                    "Tile name held out for validation (repeatable); the epoch of lowest"
                            + " validation RMSE is kept. Without: the last epoch.")
    List<String> validation = new ArrayList<>();

    @Option(
            names = "--arch",
            defaultValue = "mrfed",
            description = "mrfed, unet or fcn (default ${DEFAULT-VALUE}).")
    String arch;

    @Option(
            names = "--width",
            defaultValue = "0.125",
            description = "Width multiplier (1 = paper widths; default ${DEFAULT-VALUE}).")
    double width;

    @Option(
            names = "--keep-blocks",
            defaultValue = "1",
            description =
                    "MRFED size-preserving blocks per encoder stage (default ${DEFAULT-VALUE}).")
    int keepBlocks;

    @Option(
            names = "--resnet-blocks",
            split = ",",
            description = "U-Net bottlenecks per stage (default 3,4,6,3).")
    int[] resnetBlocks;

    @Option(
            names = "--init",
            description =
                    "Model directory to fine-tune from (its architecture, widths and height scale are used; the band normalisation is refitted).")
    Path init;

    @Option(names = "--out", required = true, description = "Output model directory.")
    Path out;

    @Option(names = "--resume", description = "Continue from OUT/checkpoint.")
    boolean resume;

    @Option(names = "--epochs", defaultValue = "10")
    int epochs;

    @Option(names = "--steps", defaultValue = "100", description = "Steps per epoch.")
    int steps;

    @Option(names = "--batch", defaultValue = "4")
    int batch;

    @Option(
            names = "--crop",
            defaultValue = "128",
            description = "Crop size in pixels, multiple of 32.")
    int crop;

    @Option(names = "--lr", defaultValue = "1e-4")
    double lr;

    @Option(
            names = "--lr-final",
            defaultValue = "1",
            description =
                    "Final learning rate as a fraction of --lr, reached by a cosine decay over the"
                            + " epochs or --max-minutes (default ${DEFAULT-VALUE} = fixed, the paper).")
    double lrFinal;

    @picocli.CommandLine.Mixin dev.surveyor.cli.WeightAverageOption average;

    @Option(names = "--loss", defaultValue = "l1", description = "l1, l2 or l1_l2.")
    String loss;

    @Option(
            names = "--height-scale",
            defaultValue = "10",
            description = "Network output unit in metres.")
    double heightScaleM;

    @Option(
            names = "--augment",
            defaultValue = "d4",
            paramLabel = "SET",
            description =
                    "Flips/transposes drawn at random for each crop: d4 (all 8), none, or a comma"
                            + " list of identity, transpose, flip-columns, rot90cw, flip-rows,"
                            + " rot90ccw, rot180, antitranspose. Where all images share one sun"
                            + " direction, a set that keeps it (identity,flip-rows for shadows"
                            + " cast along the rows, e.g. sun in the east) lets the network use"
                            + " the side shadows fall on; the others turn it (and the along-track"
                            + " parallax of stereo --views). Default: ${DEFAULT-VALUE}.")
    String augment;

    @Option(names = "--no-augment", description = "The same as --augment none.")
    boolean noAugment;

    @Option(
            names = "--tta",
            defaultValue = "none",
            paramLabel = "SET",
            description =
                    "Test-time augmentation written into model.json as the model's prediction"
                            + " default (the --augment sets; default ${DEFAULT-VALUE}).")
    String tta;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Torch intra-op threads (0 = default).")
    int threads;

    @Option(
            names = "--max-minutes",
            defaultValue = "0",
            description = "Stop after the epoch that passes this time (0 = none).")
    double maxMinutes;

    @Override
    public Integer call() throws Exception {
        LearnEngine.start(threads);
        List<ImageHeightPair> tiles = new ArrayList<>();
        List<InputView> viewBands = null;
        for (Path d : data) {
            TileReader.TileSet set = TileReader.readTiles(d, views);
            if (viewBands != null && !viewBands.equals(set.views())) {
                throw new IllegalArgumentException(
                        d
                                + ": views "
                                + set.views()
                                + " differ from "
                                + data.get(0)
                                + "'s "
                                + viewBands);
            }
            viewBands = set.views();
            tiles.addAll(set.tiles());
        }
        TileSplit split = TileSplit.byName(tiles, new HashSet<>(validation));
        ConfigHeightTraining c = new ConfigHeightTraining();
        c.net.architecture = Architecture.parse(arch);
        c.net.widthMultiplier = width;
        c.net.sizePreservingBlocks = keepBlocks;
        if (resnetBlocks != null) {
            c.net.resnetStageBlocks = resnetBlocks;
        }
        c.net.inputBands = tiles.get(0).numBands();
        c.views = viewBands;
        c.epochs = epochs;
        c.stepsPerEpoch = steps;
        c.batchSize = batch;
        c.cropPx = crop;
        c.learningRate = lr;
        c.finalLearningRateFraction = lrFinal;
        c.averageDecay = average.decay;
        c.loss = LossKind.parse(loss);
        c.heightScaleM = heightScaleM;
        c.seed = seed;
        c.augmentation = noAugment ? DihedralSet.NONE : DihedralSet.parse(augment);
        c.testTimeAugmentation = DihedralSet.parse(tta);
        c.maxSeconds = maxMinutes * 60;
        String command = SurveyorCli.typedCommand(spec);
        TrainingOutcome res =
                HeightTrainer.create(c)
                        .train(
                                split,
                                out,
                                init,
                                resume,
                                command,
                                new CliProgress(),
                                r -> System.out.flush());
        System.out.printf(
                java.util.Locale.ROOT,
                "trained %d epochs in %.0f s; best epoch %d kept in %s%n",
                res.history().size(),
                res.trainingSeconds(),
                res.bestEpoch(),
                out);
        return 0;
    }
}
