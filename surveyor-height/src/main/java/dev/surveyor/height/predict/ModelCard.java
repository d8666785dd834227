package dev.surveyor.height.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.nn.ConfigHeightNet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Contents of {@code model.json}: everything needed to rebuild and use a model, plus provenance.
 *
 * @param format format tag, {@code surveyor-height-model/1}
 * @param architecture network name (mrfed, unet, fcn)
 * @param inputBands input channels: the image bands followed by the bands of {@code views}
 * @param widthMultiplier width multiplier of the network
 * @param sizePreservingBlocks MRFED size-preserving blocks per encoder stage
 * @param resnetStageBlocks U-Net bottleneck blocks per stage
 * @param bandMean per-band normalisation mean (raw sample units)
 * @param bandStd per-band normalisation standard deviation (raw sample units)
 * @param heightScaleM the network outputs height divided by this (metres)
 * @param parameterCount number of trainable scalars
 * @param trainTiles tile names trained on
 * @param validationTiles tile names held out for validation
 * @param command the command line that trained the model
 * @param trainingSeconds wall-clock training time
 * @param bestEpoch epoch of the kept parameters (1-based, 0 = none)
 * @param metrics free-form metrics (validation MAE/RMSE, per-epoch history, ...)
 * @param views extra co-registered views whose bands follow the image bands, in input order (empty:
 *     image bands only; then the key is not written, and cards written before views existed, which
 *     lack it, load with none)
 * @param testTimeAugmentation the test-time augmentation prediction uses unless told otherwise, as
 *     {@link DihedralSet} text: {@code d4} (average of the 8 flips/transposes of each window, 8x
 *     the cost), a list such as {@code identity,flip-rows} (a model trained on that augmentation),
 *     or null = none (then the key is not written)
 */
public record ModelCard(
        String format,
        String architecture,
        int inputBands,
        double widthMultiplier,
        int sizePreservingBlocks,
        int[] resnetStageBlocks,
        double[] bandMean,
        double[] bandStd,
        double heightScaleM,
        long parameterCount,
        List<String> trainTiles,
        List<String> validationTiles,
        String command,
        double trainingSeconds,
        int bestEpoch,
        Map<String, Object> metrics,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InputView> views,
        @JsonInclude(JsonInclude.Include.NON_NULL) String testTimeAugmentation) {

    /** The format tag written by this version. */
    public static final String FORMAT = "surveyor-height-model/1";

    public ModelCard {
        views = views == null ? List.of() : List.copyOf(views);
        if (testTimeAugmentation != null) {
            try {
                testTimeAugmentation = DihedralSet.parse(testTimeAugmentation).toString();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "testTimeAugmentation \"" + testTimeAugmentation + "\": " + e.getMessage(),
                        e);
            }
            if (testTimeAugmentation.equals(DihedralSet.NONE_NAME)) {
                testTimeAugmentation = null;
            }
        }
        InputView.imageBands(views, inputBands, "the", "input bands");
    }

    /** The transforms prediction averages over unless told otherwise ({@code NONE}: none). */
    public DihedralSet defaultTestTimeAugmentation() {
        return testTimeAugmentation == null
                ? DihedralSet.NONE
                : DihedralSet.parse(testTimeAugmentation);
    }

    /**
     * The first field that makes a network described by {@code other} compute something else from
     * the same raw input (architecture, input bands, widths, blocks, band normalisation, height
     * scale, views), or null when there is none (provenance and the prediction default may differ).
     */
    public String networkDifference(ModelCard other) {
        if (!architecture.equals(other.architecture)) {
            return "architecture";
        } else if (inputBands != other.inputBands) {
            return "inputBands";
        } else if (widthMultiplier != other.widthMultiplier) {
            return "widthMultiplier";
        } else if (sizePreservingBlocks != other.sizePreservingBlocks) {
            return "sizePreservingBlocks";
        } else if (!Arrays.equals(resnetStageBlocks, other.resnetStageBlocks)) {
            return "resnetStageBlocks";
        } else if (!Arrays.equals(bandMean, other.bandMean)) {
            return "bandMean";
        } else if (!Arrays.equals(bandStd, other.bandStd)) {
            return "bandStd";
        } else if (heightScaleM != other.heightScaleM) {
            return "heightScaleM";
        } else if (!views.equals(other.views)) {
            return "views";
        }
        return null;
    }

    /** Number of image bands (the input bands before the views'). */
    public int imageBands() {
        return InputView.imageBands(views, inputBands, "the", "input bands");
    }

    /** The network config described by this card. */
    public ConfigHeightNet netConfig() {
        ConfigHeightNet c = new ConfigHeightNet();
        c.architecture = dev.surveyor.height.nn.Architecture.parse(architecture);
        c.inputBands = inputBands;
        c.widthMultiplier = widthMultiplier;
        c.sizePreservingBlocks = sizePreservingBlocks;
        c.resnetStageBlocks = resnetStageBlocks.clone();
        return c;
    }
}
