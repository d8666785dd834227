package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.learn.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a CenterNet crater detector and writes a model directory.
 *
 * <p>Split: images whose names match {@code exclude} are never used; those matching {@code
 * validation} are used only for validation (whole images, so no crater is in two splits); the rest
 * are training images. Input normalisation = mean and std of the training images' grey levels (a
 * fine-tune keeps its source model's), or each image's own with {@code perImageNormalisation}.
 * After every epoch {@code model.json} is rewritten with the architecture, normalisation, data,
 * command, the history and the best epoch's validation metrics, whose best-F1 threshold becomes the
 * default detection threshold.
 */
public final class CraterTraining {
    private CraterTraining() {}

    /**
     * Trains.
     *
     * @param images all labelled images
     * @param dataDescription where the images came from (stored in model.json)
     * @param config settings
     * @param out the model directory
     * @param init a model directory to start from (transfer learning), or null
     * @param progress per batch
     * @param onEpoch per epoch
     */
    public static List<TrainingLoop.EpochResult> train(
            List<LabelledImage> images,
            String dataDescription,
            ConfigCraterTraining config,
            Path out,
            Path init,
            ProgressListener progress,
            Consumer<TrainingLoop.EpochResult> onEpoch)
            throws IOException {
        config.validate();
        List<LabelledImage> train = new ArrayList<>();
        List<LabelledImage> val = new ArrayList<>();
        for (LabelledImage li : images) {
            if (CraterDataset.matches(li.name(), config.exclude)) {
                continue;
            }
            (CraterDataset.matches(li.name(), config.validation) ? val : train).add(li);
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException(
                    "no training images left after exclude/validation in " + dataDescription);
        }
        ModelDir dir = new ModelDir(out);
        ConfigCenterNet net = config.network.copy();
        InputNormalisation norm;
        ModelDir initDir = init == null ? null : new ModelDir(init);
        if (initDir != null) {
            // transfer: keep the source model's architecture and normalisation
            ObjectNode src = initDir.readJson();
            net = ConfigCenterNet.fromJson((ObjectNode) src.get("architecture"));
            norm = initDir.setting(src, InputNormalisation::fromModelJson);
        } else {
            double s = 0, s2 = 0, n = 0;
            for (LabelledImage li : train) {
                for (float v : li.image().data()) {
                    s += v;
                    s2 += (double) v * v;
                    n++;
                }
            }
            double mean = s / n;
            norm =
                    new InputNormalisation(
                            mean, Math.sqrt(Math.max(1e-12, s2 / n - mean * mean)), false);
        }
        if (config.perImageNormalisation) {
            norm = norm.withPerImage(true);
        }
        CenterNetNetworks.Network network = CenterNetNetworks.build(net);
        WindowSampler sampler = new WindowSampler(train, config.augmentation, norm);
        CraterTrainingTask task =
                new CraterTrainingTask(
                        sampler,
                        val,
                        config.augmentation.windowPx,
                        net.outputStride,
                        config.batchSize,
                        config.batchesPerEpoch,
                        norm,
                        config.minDiameterPx);
        ObjectNode json = ModelDir.json().createObjectNode();
        json.put("format", "surveyor-centernet-craters/1");
        json.set("architecture", net.toJson());
        norm.writeTo(json.putObject("input"));
        json.put("outputStride", net.outputStride);
        json.put(
                "windowPx",
                Math.max(256, 2 * config.augmentation.windowPx)
                        / net.sizeMultiple()
                        * net.sizeMultiple());
        json.put("threshold", 0.3);
        ObjectNode tr = json.putObject("training");
        tr.put("data", dataDescription);
        ArrayNode ti = tr.putArray("trainImages");
        train.forEach(li -> ti.add(li.name()));
        ArrayNode vi = tr.putArray("validationImages");
        val.forEach(li -> vi.add(li.name()));
        ArrayNode ex = tr.putArray("excluded");
        config.exclude.forEach(ex::add);
        tr.put("command", config.command);
        tr.put("init", init == null ? "" : init.toString());
        tr.set("training", ModelDir.json().valueToTree(config.training));
        tr.set("augmentation", ModelDir.json().valueToTree(config.augmentation));
        tr.put("batchSize", config.batchSize).put("batchesPerEpoch", config.batchesPerEpoch);
        tr.put("minDiameterPx", config.minDiameterPx);
        tr.put("started", Instant.now().toString());
        if (config.training.resume && dir.hasJson()) {
            ObjectNode old = dir.readJson();
            if (old.has("threshold")) {
                json.set("threshold", old.get("threshold"));
            }
            if (old.has("metrics")) {
                json.set("metrics", old.get("metrics"));
            }
            if (old.path("training").has("started")) {
                tr.set("started", old.path("training").get("started"));
            }
            tr.put("trainingSeconds", old.path("training").path("trainingSeconds").asDouble());
        }
        dir.writeJson(json);
        final double[] seconds = {tr.path("trainingSeconds").asDouble(0)};
        TrainingLoop loop = new TrainingLoop(config.training);
        Path initParams = initDir == null ? null : initDir.paramsFile(ModelDir.BEST);
        return loop.fit(
                dir,
                network.network(),
                config.training.freezeEpochs > 0 ? network.backbone() : null,
                task,
                initParams,
                progress,
                r -> {
                    seconds[0] += r.seconds();
                    tr.put("trainingSeconds", seconds[0]);
                    tr.put("epochsCompleted", r.epoch() + 1);
                    if (r.best()) {
                        ObjectNode m = json.putObject("metrics");
                        m.put("epoch", r.epoch() + 1);
                        m.put("scope", "validation images, box IoU >= 0.5, truth >= minDiameterPx");
                        r.metrics().forEach(m::put);
                        if (r.metrics().containsKey("threshold")) {
                            json.put("threshold", r.metrics().get("threshold"));
                        }
                    }
                    try {
                        dir.writeJson(json);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    onEpoch.accept(r);
                });
    }
}
