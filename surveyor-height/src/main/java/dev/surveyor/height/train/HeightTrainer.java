package dev.surveyor.height.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.CropSampler;
import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.data.TileSplit;
import dev.surveyor.height.eval.HeightMetrics;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.learn.AdamState;
import dev.surveyor.learn.ConfigTraining;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.TrainingLoop;
import dev.surveyor.learn.WeightAverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a height network on image/height tiles split by tile.
 *
 * <p>Each epoch runs {@code stepsPerEpoch} Adam steps (β1 0.9, β2 0.999, ε 1e-8) on random
 * augmented crops, then predicts every validation tile whole (inference-mode batch norm) and
 * computes {@link HeightMetrics}. The parameters with the lowest validation RMSE are kept in the
 * output directory ({@code model.json} + {@code model.params}); without a validation tile (a final
 * model trained on every tile with a recipe chosen by cross-validation) the last epoch's are kept,
 * since the loss of random training crops says nothing about which epoch generalises; the latest
 * ones in {@code checkpoint/} with {@code state.json}, Adam's moments ({@link AdamState}) and, when
 * on, the weight average. A resumed run restarts from the checkpoint's parameters, moments, average
 * and epoch count and uses the same per-epoch crop seeds as an uninterrupted run, so it continues
 * as if it had not stopped.
 *
 * <p>Learning rate: cosine decay from {@code learningRate} to {@code finalLearningRateFraction} of
 * it ({@link #learningRate}). With {@code averageDecay > 0}, validation and the kept model use an
 * exponential moving average of the weights ({@link WeightAverage}).
 *
 * <p>Fine-tuning ({@code init} model): the network and its weights come from the init model; the
 * band normalisation is refitted on the new training tiles. Not thread-safe.
 */
public final class HeightTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** File in {@code checkpoint/} with the weight average (when on), for resuming. */
    static final String AVERAGE_FILE = "average.ndlist";

    private final ConfigHeightTraining cfg;

    HeightTrainer(ConfigHeightTraining cfg) {
        this.cfg = cfg;
    }

    /** A trainer for a validated copy of {@code config} (null = defaults). */
    public static HeightTrainer create(ConfigHeightTraining config) {
        ConfigHeightTraining c = config != null ? config.copy() : new ConfigHeightTraining();
        c.validate();
        return new HeightTrainer(c);
    }

    /**
     * Runs the training.
     *
     * @param split (Input) training and validation tiles. Not modified.
     * @param outDir model directory to write
     * @param init model directory to start from (fine-tuning), or null
     * @param resume continue from {@code outDir/checkpoint} when it exists
     * @param command command line recorded in {@code model.json}
     * @param progress progress of the steps of each epoch
     * @param onEpoch called after every epoch
     */
    public TrainingOutcome train(
            TileSplit split,
            Path outDir,
            Path init,
            boolean resume,
            String command,
            ProgressListener progress,
            Consumer<EpochReport> onEpoch)
            throws IOException {
        LearnEngine.seed(cfg.seed);
        Path ckpt = outDir.resolve("checkpoint");
        Path statePath = ckpt.resolve("state.json");
        List<EpochReport> history = new ArrayList<>();
        int startEpoch = 0;
        double elapsedBefore = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        BandNormalization norm = BandNormalization.fit(split.train());
        InputView.imageBands(cfg.views, norm.numBands(), "the tiles'", "bands");
        HeightModel model;
        if (resume && Files.isRegularFile(statePath)) {
            ResumeState st = JSON.readValue(statePath.toFile(), ResumeState.class);
            checkSameViews(ckpt, HeightModel.readCard(ckpt));
            model = HeightModel.load(ckpt);
            norm = model.normalization();
            startEpoch = st.epoch();
            elapsedBefore = st.elapsedSeconds();
            bestScore = st.bestScore();
            bestEpoch = st.bestEpoch();
            history.addAll(st.history());
        } else if (init != null) {
            ModelCard card = HeightModel.readCard(init);
            checkSameViews(init, card);
            ConfigHeightNet net = card.netConfig();
            if (net.inputBands != norm.numBands()) {
                throw new IllegalArgumentException(
                        init
                                + ": model has "
                                + net.inputBands
                                + " input bands but the data "
                                + norm.numBands());
            }
            model = HeightModel.create(net, norm, card.heightScaleM(), cfg.views);
            model.loadParameters(init.resolve(HeightModel.PARAMS_FILE));
        } else {
            ConfigHeightNet net = cfg.net.copy();
            net.inputBands = norm.numBands();
            model = HeightModel.create(net, norm, cfg.heightScaleM, cfg.views);
        }
        final double[] lr = {cfg.learningRate};
        ai.djl.training.tracker.Tracker schedule = numUpdate -> (float) lr[0];
        try (model) {
            Optimizer adam =
                    Optimizer.adam()
                            .optLearningRateTracker(schedule)
                            .optBeta1(0.9f)
                            .optBeta2(0.999f)
                            .optEpsilon(1e-8f)
                            .build();
            DefaultTrainingConfig tc =
                    new DefaultTrainingConfig(new MaskedRegressionLoss(cfg.loss))
                            .optOptimizer(adam);
            long t0 = System.nanoTime();
            int nb = norm.numBands();
            int s = cfg.cropPx;
            float[] img = new float[cfg.batchSize * nb * s * s];
            float[] hgt = new float[cfg.batchSize * s * s];
            float[] tgt = new float[hgt.length];
            float[] mask = new float[hgt.length];
            try (Trainer trainer = model.djlModel().newTrainer(tc);
                    WeightAverage average =
                            WeightAverage.start(
                                    model.djlModel().getBlock(),
                                    cfg.averageDecay,
                                    resume ? ckpt.resolve(AVERAGE_FILE) : null)) {
                MaskedRegressionLoss loss = new MaskedRegressionLoss(cfg.loss);
                Block block = model.djlModel().getBlock();
                Path adamFile = ckpt.resolve(TrainingLoop.ADAM_STATE);
                if (resume && startEpoch > 0 && Files.isRegularFile(adamFile)) {
                    AdamState.restore(adam, block, adamFile);
                }
                for (int epoch = startEpoch + 1; epoch <= cfg.epochs; epoch++) {
                    lr[0] = learningRate(epoch, elapsedBefore + (System.nanoTime() - t0) / 1e9);
                    CropSampler sampler =
                            new CropSampler(
                                    split.train(),
                                    norm,
                                    s,
                                    cfg.augmentation,
                                    cfg.seed * 1_000_003L + epoch);
                    progress.start("epoch " + epoch + "/" + cfg.epochs, cfg.stepsPerEpoch);
                    double lossSum = 0;
                    for (int step = 0; step < cfg.stepsPerEpoch; step++) {
                        sampler.sample(img, hgt, cfg.batchSize);
                        for (int i = 0; i < hgt.length; i++) {
                            boolean ok = Float.isFinite(hgt[i]);
                            mask[i] = ok ? 1f : 0f;
                            tgt[i] = ok ? (float) (hgt[i] / cfg.heightScaleM) : 0f;
                        }
                        try (NDManager mgr = trainer.getManager().newSubManager()) {
                            NDArray x = mgr.create(img, new Shape(cfg.batchSize, nb, s, s));
                            NDArray t = mgr.create(tgt, new Shape(cfg.batchSize, 1, s, s));
                            NDArray m = mgr.create(mask, new Shape(cfg.batchSize, 1, s, s));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray l = loss.evaluate(new NDList(t, m), new NDList(pred));
                                gc.backward(l);
                                lossSum += l.getFloat();
                            }
                            trainer.step();
                        }
                        if (average != null) {
                            average.update(block);
                        }
                        progress.advance(1);
                    }
                    double trainLoss = lossSum / cfg.stepsPerEpoch;
                    HeightMetrics val =
                            average == null
                                    ? validate(model, split.validation())
                                    : average.withAverage(
                                            block, () -> validate(model, split.validation()));
                    double elapsed = elapsedBefore + (System.nanoTime() - t0) / 1e9;
                    // without validation every epoch replaces the kept one: the last is kept
                    boolean best = val == null || val.rmseM() < bestScore;
                    if (best) {
                        bestScore = val == null ? bestScore : val.rmseM();
                        bestEpoch = epoch;
                    }
                    EpochReport rep = new EpochReport(epoch, trainLoss, val, elapsed, best);
                    history.add(rep);
                    if (best) {
                        ModelCard bestCard =
                                card(model, split, command, elapsed, bestEpoch, history);
                        if (average == null) {
                            model.save(outDir, bestCard);
                        } else {
                            average.withAverage(
                                    block,
                                    () -> {
                                        model.save(outDir, bestCard);
                                        return null;
                                    });
                        }
                    }
                    model.save(ckpt, card(model, split, command, elapsed, epoch, history));
                    AdamState.save(adam, block, adamFile);
                    if (average != null) {
                        average.save(ckpt.resolve(AVERAGE_FILE));
                    }
                    ResumeState state =
                            new ResumeState(
                                    epoch, elapsed, bestScore, bestEpoch, List.copyOf(history));
                    AtomicFiles.write(statePath, out -> JSON.writeValue(out, state));
                    progress.finish(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "epoch %d loss %.4f%s",
                                    epoch,
                                    trainLoss,
                                    val == null
                                            ? ""
                                            : String.format(
                                                    java.util.Locale.ROOT,
                                                    " val RMSE %.3f m (%.3f x zero) MAE %.3f m bldg MAE %.3f m",
                                                    val.rmseM(),
                                                    val.rmseRatioToZero(),
                                                    val.maeM(),
                                                    val.buildingMaeM())));
                    onEpoch.accept(rep);
                    if (cfg.maxSeconds > 0 && elapsed >= cfg.maxSeconds) {
                        break;
                    }
                }
            }
            double total = history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedSeconds();
            // rewrite the best card so it carries the whole history
            if (bestEpoch > 0 && Files.isRegularFile(outDir.resolve(HeightModel.CARD_FILE))) {
                HeightModel.writeCard(
                        outDir, card(model, split, command, total, bestEpoch, history));
            }
            return new TrainingOutcome(outDir, history, bestEpoch, total);
        }
    }

    /**
     * Learning rate of an epoch (1-based) after {@code elapsedSeconds} of training: cosine from
     * {@code learningRate} to its final fraction over the epochs or the time budget, whichever is
     * further spent.
     */
    double learningRate(int epoch, double elapsedSeconds) {
        return ConfigTraining.cosine(
                cfg.learningRate,
                cfg.finalLearningRateFraction,
                epoch - 1,
                cfg.epochs,
                cfg.maxSeconds > 0 ? elapsedSeconds / cfg.maxSeconds : 0);
    }

    /**
     * Metrics of whole-tile predictions on the validation tiles, or null when there are none. Each
     * tile is predicted as the saved model predicts by default: with {@link
     * ConfigHeightTraining#testTimeAugmentation}, so the best epoch is chosen under it.
     */
    public HeightMetrics validate(HeightModel model, List<ImageHeightPair> tiles) {
        if (tiles.isEmpty()) {
            return null;
        }
        HeightMetrics.Accumulator acc = new HeightMetrics.Accumulator(cfg.buildingThresholdM);
        for (ImageHeightPair t : tiles) {
            acc.add(
                    t.heightM(),
                    model.predictWindow(
                            t.bands(), t.width(), t.height(), cfg.testTimeAugmentation));
        }
        return acc.result();
    }

    private ModelCard card(
            HeightModel model,
            TileSplit split,
            String command,
            double seconds,
            int bestEpoch,
            List<EpochReport> history) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", cfg.loss.name());
        metrics.put("cropPx", cfg.cropPx);
        metrics.put("batchSize", cfg.batchSize);
        metrics.put("stepsPerEpoch", cfg.stepsPerEpoch);
        metrics.put("learningRate", cfg.learningRate);
        metrics.put("seed", cfg.seed);
        for (EpochReport r : history) {
            if (r.epoch() == bestEpoch && r.validation() != null) {
                metrics.put("validation", r.validation());
                metrics.put("validationRmseRatioToZero", r.validation().rmseRatioToZero());
            }
        }
        metrics.put("history", history);
        return model.card(
                split.train().stream().map(ImageHeightPair::name).toList(),
                split.validation().stream().map(ImageHeightPair::name).toList(),
                command,
                seconds,
                bestEpoch,
                metrics,
                cfg.testTimeAugmentation);
    }

    /** The views of a model to start from must be those of the training tiles. */
    private void checkSameViews(Path modelDir, ModelCard card) {
        if (!card.views().equals(cfg.views)) {
            throw new IllegalArgumentException(
                    modelDir
                            + ": model views "
                            + card.views()
                            + " differ from the training data's "
                            + cfg.views);
        }
    }

    /** Contents of {@code checkpoint/state.json}. */
    record ResumeState(
            int epoch,
            double elapsedSeconds,
            double bestScore,
            int bestEpoch,
            List<EpochReport> history) {}
}
