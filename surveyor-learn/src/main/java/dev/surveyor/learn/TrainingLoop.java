package dev.surveyor.learn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A generic supervised training loop: Adam with a cosine learning-rate decay over epochs, the
 * freezable part of the network frozen for the first epochs, a checkpoint ({@code last.params} +
 * {@code train-state.json}) after every epoch, validation after every epoch and the best parameters
 * by validation {@code score} kept as {@code best.params}. Without a validation score (no
 * validation data: a final model trained on everything with a recipe chosen beforehand) every epoch
 * is "best", so {@code best.params} holds the last epoch's parameters.
 *
 * <p>The learning rate follows a cosine from {@code learningRate} to {@code learningRate *
 * finalLearningRateFraction} over the epochs, or over {@code maxMinutes} of wall-clock time when
 * that runs out first (set per epoch).
 *
 * <p>Resume: with {@link ConfigTraining#resume} the loop continues after the last completed epoch
 * from {@code last.params} and Adam's moment estimates and update counts from {@code
 * adam-state.ndlist} ({@link AdamState}, saved with every checkpoint; without that file they
 * restart from zero). The data generator is re-seeded per epoch from the seed and the epoch number,
 * so a resumed run sees the same batches as an uninterrupted one.
 *
 * <p>Initialisation: fresh parameters use Xavier for weights (biases keep the initialisers their
 * blocks set, e.g. a heatmap bias of -2.19), or all parameters come from {@code initParams} (a
 * {@code .params} file of the same architecture: transfer learning).
 */
public final class TrainingLoop {
    /** File of the optimizer state next to {@code last.params}. */
    public static final String ADAM_STATE = "adam-state.ndlist";

    /** Parameters of the weight average (when on), next to {@code last.params}. */
    public static final String AVERAGE = "average";

    /** File of the weight average's state (when on), for resuming. */
    public static final String AVERAGE_STATE = "average.ndlist";

    /** Per-epoch summary. */
    public record EpochResult(
            int epoch,
            double meanLoss,
            double learningRate,
            boolean frozen,
            Map<String, Double> metrics,
            double seconds,
            boolean best) {}

    private final ConfigTraining config;

    /**
     * Freezes or unfreezes the trainable parameters of a block. Batch-norm running statistics are
     * left alone: {@code Block.freezeParameters(false)} would make them require gradients, which
     * PyTorch rejects in the next forward pass.
     */
    public static void setFrozen(Block block, boolean frozen) {
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            Parameter par = p.getValue();
            if (par.getType() == Parameter.Type.RUNNING_MEAN
                    || par.getType() == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            par.freeze(frozen);
        }
    }

    /**
     * @param config settings, copied
     */
    public TrainingLoop(ConfigTraining config) {
        config.validate();
        this.config = config.copy();
    }

    /**
     * Trains.
     *
     * @param dir the model directory (checkpoints go there; {@code model.json} is not touched)
     * @param block the network, not initialised
     * @param freezable the sub-block frozen during the first {@code freezeEpochs}, or null
     * @param task data, loss and validation
     * @param initParams parameters to start from (transfer), or null
     * @param progress receives one step per batch
     * @param onEpoch called after each epoch
     * @return the results of the epochs run by this call
     */
    public java.util.List<EpochResult> fit(
            ModelDir dir,
            Block block,
            Block freezable,
            TrainingTask task,
            Path initParams,
            ProgressListener progress,
            Consumer<EpochResult> onEpoch)
            throws IOException {
        LearnEngine.start(config.threads);
        LearnEngine.seed(config.seed);
        java.util.List<EpochResult> results = new java.util.ArrayList<>();
        int startEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = -1;
        double previousSeconds = 0;
        ArrayNode history = ModelDir.json().createArrayNode();
        final double[] lr = {config.learningRate(0)};
        Tracker tracker = numUpdate -> (float) lr[0];
        Adam.Builder ab = Optimizer.adam().optLearningRateTracker(tracker);
        if (config.weightDecay > 0) {
            ab.optWeightDecays((float) config.weightDecay);
        }
        if (config.clipGradient > 0) {
            ab.optClipGrad((float) config.clipGradient);
        }
        long t0 = System.nanoTime();
        try (Model model = Model.newInstance("surveyor")) {
            model.setBlock(block);
            boolean resumed = false;
            if (config.resume
                    && dir.hasParams(ModelDir.LAST)
                    && java.nio.file.Files.exists(dir.dir().resolve("train-state.json"))) {
                ObjectNode st = dir.readJson("train-state.json");
                dir.loadParams(block, model.getNDManager(), ModelDir.LAST);
                startEpoch = st.path("completedEpochs").asInt();
                bestScore = st.path("bestScore").asDouble(Double.NEGATIVE_INFINITY);
                bestEpoch = st.path("bestEpoch").asInt(-1);
                previousSeconds = st.path("elapsedSeconds").asDouble(0);
                if (st.has("history")) {
                    history = (ArrayNode) st.get("history");
                }
                resumed = true;
            } else if (initParams != null) {
                ModelDir.loadParams(block, model.getNDManager(), initParams);
            }
            Optimizer optimizer = ab.build();
            DefaultTrainingConfig tc =
                    new DefaultTrainingConfig(Loss.l1Loss())
                            .optOptimizer(optimizer)
                            .optDevices(new Device[] {Device.cpu()})
                            .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(task.inputShape());
                Path adamFile = dir.dir().resolve(ADAM_STATE);
                if (resumed && java.nio.file.Files.exists(adamFile)) {
                    AdamState.restore(optimizer, block, adamFile);
                }
                if (!resumed && startEpoch == 0) {
                    dir.saveParams(block, ModelDir.LAST);
                }
                Path averageFile = dir.dir().resolve(AVERAGE_STATE);
                try (WeightAverage average =
                        WeightAverage.start(
                                block, config.averageDecay, resumed ? averageFile : null)) {
                    for (int epoch = startEpoch; epoch < config.epochs; epoch++) {
                        long e0 = System.nanoTime();
                        boolean frozen = freezable != null && epoch < config.freezeEpochs;
                        if (freezable != null) {
                            setFrozen(freezable, frozen);
                        }
                        double elapsedMin = (previousSeconds + (System.nanoTime() - t0) / 1e9) / 60;
                        lr[0] = config.learningRate(epoch, elapsedMin);
                        Random random = new Random(config.seed * 1_000_003L + epoch);
                        int nb = task.batchesPerEpoch();
                        progress.start("epoch " + (epoch + 1) + "/" + config.epochs, nb);
                        double sum = 0;
                        int count = 0;
                        for (int b = 0; b < nb; b++) {
                            try (NDManager sub = trainer.getManager().newSubManager()) {
                                TrainingTask.Batch batch = task.nextBatch(sub, random);
                                try (GradientCollector gc = trainer.newGradientCollector()) {
                                    NDList pred = trainer.forward(batch.inputs());
                                    NDArray loss = task.loss(pred, batch.labels());
                                    float v = loss.getFloat();
                                    if (Float.isFinite(v)) {
                                        gc.backward(loss);
                                        sum += v;
                                        count++;
                                    }
                                }
                                trainer.step();
                            }
                            if (average != null) {
                                average.update(block);
                            }
                            progress.advance(1);
                        }
                        double meanLoss = count > 0 ? sum / count : Double.NaN;
                        Map<String, Double> metrics;
                        try (NDManager vm = trainer.getManager().newSubManager()) {
                            // the average is validated and saved in one swap
                            metrics =
                                    new LinkedHashMap<>(
                                            average == null
                                                    ? task.validate(block, vm)
                                                    : average.withAverage(
                                                            block,
                                                            () -> {
                                                                Map<String, Double> m =
                                                                        task.validate(block, vm);
                                                                dir.saveParams(block, AVERAGE);
                                                                return m;
                                                            }));
                        }
                        Double score = metrics.get("score");
                        boolean best = score == null || score > bestScore;
                        if (best) {
                            bestScore = score == null ? bestScore : score;
                            bestEpoch = epoch;
                        }
                        dir.saveParams(block, ModelDir.LAST);
                        AdamState.save(optimizer, block, adamFile);
                        if (average != null) {
                            average.save(averageFile);
                        }
                        if (best) {
                            dir.copyParams(
                                    average != null ? AVERAGE : ModelDir.LAST, ModelDir.BEST);
                        }
                        double secs = (System.nanoTime() - e0) / 1e9;
                        EpochResult r =
                                new EpochResult(
                                        epoch, meanLoss, lr[0], frozen, metrics, secs, best);
                        ObjectNode h = history.addObject();
                        h.put("epoch", epoch + 1)
                                .put("loss", meanLoss)
                                .put("learningRate", lr[0])
                                .put("frozen", frozen)
                                .put("seconds", secs);
                        metrics.forEach(h::put);
                        ObjectNode st = ModelDir.json().createObjectNode();
                        st.put("completedEpochs", epoch + 1)
                                .put("bestScore", bestScore)
                                .put("bestEpoch", bestEpoch);
                        st.put("elapsedSeconds", previousSeconds + (System.nanoTime() - t0) / 1e9);
                        st.set("history", history);
                        dir.writeJson("train-state.json", st);
                        progress.finish(
                                String.format(
                                        java.util.Locale.ROOT,
                                        "loss %.4f score %s%s",
                                        meanLoss,
                                        score == null
                                                ? "-"
                                                : String.format(
                                                        java.util.Locale.ROOT, "%.4f", score),
                                        best ? " (best)" : ""));
                        results.add(r);
                        onEpoch.accept(r);
                        if (config.maxMinutes > 0
                                && previousSeconds / 60 + (System.nanoTime() - t0) / 6e10
                                        >= config.maxMinutes) {
                            break;
                        }
                    }
                }
            }
        }
        return results;
    }
}
