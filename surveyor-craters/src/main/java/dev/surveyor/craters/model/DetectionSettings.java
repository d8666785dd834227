package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.ModelDir;
import java.io.IOException;
import java.util.List;

/**
 * What a crater model directory's {@code model.json} says about detection, with the defaults used
 * when a key is absent. Read once by {@link CenterNetDetector} and by the Spark crater job, so that
 * both resolve a model the same way.
 *
 * @param architecture the network ({@code architecture}, required)
 * @param windowPx window side in px ({@code windowPx}, default 512), rounded down to the network's
 *     size multiple
 * @param threshold best-F1 score threshold on validation ({@code threshold}, default 0.3)
 * @param sizeScale factor applied to decoded diameters ({@code sizeScale}, default 1), set by
 *     calibration to a labelling convention that differs from the training labels
 * @param normalisation input normalisation ({@code input})
 * @param augmentation test-time augmentation under which the threshold was chosen
 * @param scales test scales under which the threshold was chosen
 */
public record DetectionSettings(
        ConfigCenterNet architecture,
        int windowPx,
        double threshold,
        double sizeScale,
        InputNormalisation normalisation,
        TestTimeAugmentation augmentation,
        TestScales scales) {

    /** Copies the architecture. */
    public DetectionSettings {
        architecture = architecture.copy();
    }

    /** The network (a copy). */
    @Override
    public ConfigCenterNet architecture() {
        return architecture.copy();
    }

    /** Default overlap of windows: {@code min(64, windowPx / 2 - 1)} px. */
    public static int defaultOverlapPx(int windowPx) {
        return Math.min(64, windowPx / 2 - 1);
    }

    /**
     * Reads {@code model.json} of a model directory.
     *
     * @throws RasterFormatException naming {@code model.json} when it has no architecture or a
     *     setting it holds is invalid
     */
    public static DetectionSettings read(ModelDir md) throws IOException {
        return read(md, md.readJson());
    }

    /** As {@link #read(ModelDir)}, from {@code json} already read from {@code md}. */
    public static DetectionSettings read(ModelDir md, ObjectNode json) throws IOException {
        if (!json.has("architecture")) {
            throw new RasterFormatException(
                    md.dir().resolve(ModelDir.MODEL_JSON), "no 'architecture'");
        }
        ConfigCenterNet arch =
                md.setting(json, j -> ConfigCenterNet.fromJson((ObjectNode) j.get("architecture")));
        int mult = arch.sizeMultiple();
        return new DetectionSettings(
                arch,
                Math.max(mult, json.path("windowPx").asInt(512) / mult * mult),
                json.path("threshold").asDouble(0.3),
                json.path("sizeScale").asDouble(1.0),
                md.setting(json, InputNormalisation::fromModelJson),
                md.setting(json, TestTimeAugmentation::fromModelJson),
                md.setting(json, TestScales::fromModelJson));
    }

    /**
     * A window side for detection: {@code requestedPx} rounded down to the network's size multiple,
     * or the model's {@link #windowPx} when {@code requestedPx <= 0}.
     *
     * @throws IllegalArgumentException if {@code 0 < requestedPx <} the size multiple
     */
    public int windowPx(int requestedPx) {
        if (requestedPx <= 0) {
            return windowPx;
        }
        int mult = architecture.sizeMultiple();
        Checks.atLeast("windowPx", requestedPx, mult);
        return requestedPx / mult * mult;
    }

    /** The craters with their diameters multiplied by {@link #sizeScale}. */
    public List<Crater> scaleDiameters(List<Crater> craters) {
        if (sizeScale == 1.0) {
            return craters;
        }
        return craters.stream()
                .map(c -> new Crater(c.xPx(), c.yPx(), c.diameterPx() * sizeScale, c.score()))
                .toList();
    }
}
