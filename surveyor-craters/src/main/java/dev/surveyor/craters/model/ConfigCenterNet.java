package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import dev.surveyor.learn.ModelDir;
import java.util.Arrays;
import java.util.Locale;

/**
 * Architecture of a CenterNet crater detector.
 *
 * <p>All backbones start with the paper's stem: 7x7 stride-2 conv + BN + ReLU, then a stride-2
 * residual block (R = 4). Backbones:
 *
 * <ul>
 *   <li>{@code resnet-s}: small CPU ResNet: basic residual blocks at strides 4..32 with widths
 *       {@link #widths}, decoded back by nearest up-sampling + 3x3 conv with additive skips from
 *       the encoder (a U-Net-like deviation from the paper's plain deconvolution stack that helps
 *       localise 6-30 px craters); output stride 4 or 2.
 *   <li>{@code resnet18} / {@code resnet50}: ResNet-18 (basic blocks 2-2-2-2, 64..512) or ResNet-50
 *       (bottlenecks 3-4-6-3, 256..2048) encoders to stride 32 and three up-sampling stages
 *       (nearest x2 + 3x3 conv + BN + ReLU, 256/128/64 channels) to stride 4, as the paper
 *       (transposed convs replaced).
 *   <li>{@code hourglass}: {@link #stacks} stacked hourglasses of recursion depth {@link
 *       #hourglassDepth} with channel widths {@link #widths} (one per level), residual skip
 *       branches, max-pool down and nearest up; between stacks CenterNet's 1x1 conv+BN merge. The
 *       full "hourglass-104" is {@link #hourglass104()}. Deviation: the heads read only the last
 *       stack (no intermediate supervision).
 * </ul>
 *
 * <p>Heads: each 3x3 conv ({@link #headChannels}) + ReLU + 1x1 conv; heatmap (1, bias -2.19),
 * offset (2), size (2).
 */
public class ConfigCenterNet implements Config {
    private static final long serialVersionUID = 1L;

    /** Backbone: resnet-s, resnet18, resnet50, hourglass. */
    public String backbone = "resnet-s";

    /** Output stride R: 4 (the paper) or 2 (resnet-s only). */
    public int outputStride = 4;

    /** Input channels (1 = grey). */
    public int inputChannels = 1;

    /** Stem width (channels after the 7x7 conv). */
    public int stemChannels = 24;

    /** Widths per level (resnet-s: strides 4, 8, 16, 32; hourglass: recursion levels). */
    public int[] widths = {32, 64, 96, 128};

    /** Residual blocks per level (resnet-s). */
    public int blocksPerLevel = 1;

    /** Number of stacked hourglasses. */
    public int stacks = 1;

    /** Hourglass recursion depth (levels below the top). */
    public int hourglassDepth = 3;

    /** Channels of the 3x3 conv in each head. */
    public int headChannels = 32;

    /** The full CenterNet hourglass-104 (2 stacks, depth 5, widths 256-256-384-384-384-512). */
    public static ConfigCenterNet hourglass104() {
        ConfigCenterNet c = new ConfigCenterNet();
        c.backbone = "hourglass";
        c.stemChannels = 128;
        c.widths = new int[] {256, 256, 384, 384, 384, 512};
        c.hourglassDepth = 5;
        c.stacks = 2;
        c.headChannels = 256;
        return c;
    }

    /** A small CPU hourglass (1 stack, depth 3, widths 32-48-64-96). */
    public static ConfigCenterNet hourglassSmall() {
        ConfigCenterNet c = new ConfigCenterNet();
        c.backbone = "hourglass";
        c.stemChannels = 24;
        c.widths = new int[] {32, 48, 64, 96};
        c.hourglassDepth = 3;
        c.stacks = 1;
        c.headChannels = 32;
        return c;
    }

    /** ResNet-50 with three up-sampling stages, output stride 4. */
    public static ConfigCenterNet resnet50() {
        ConfigCenterNet c = new ConfigCenterNet();
        c.backbone = "resnet50";
        c.stemChannels = 64;
        c.headChannels = 64;
        return c;
    }

    /** ResNet-18 with three up-sampling stages, output stride 4. */
    public static ConfigCenterNet resnet18() {
        ConfigCenterNet c = resnet50();
        c.backbone = "resnet18";
        return c;
    }

    /** The small CPU network, output stride 2. */
    public static ConfigCenterNet small() {
        ConfigCenterNet c = new ConfigCenterNet();
        c.outputStride = 2;
        return c;
    }

    /** A preset by name: small, resnet-s, resnet18, resnet50, hourglass (small), hourglass104. */
    public static ConfigCenterNet preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "small", "resnet-s" -> small();
            case "resnet18" -> resnet18();
            case "resnet50" -> resnet50();
            case "hourglass", "hourglass-small" -> hourglassSmall();
            case "hourglass104", "hourglass-104" -> hourglass104();
            default ->
                    throw new IllegalArgumentException(
                            "backbone must be one of small, resnet18, resnet50, hourglass, hourglass104, got "
                                    + name);
        };
    }

    @Override
    public void validate() {
        if (!Arrays.asList("resnet-s", "resnet18", "resnet50", "hourglass").contains(backbone)) {
            throw new IllegalArgumentException(
                    "backbone must be resnet-s, resnet18, resnet50 or hourglass, got " + backbone);
        }
        if (outputStride != 4 && !(outputStride == 2 && backbone.equals("resnet-s"))) {
            throw new IllegalArgumentException(
                    "outputStride must be 4 (or 2 with resnet-s), got "
                            + outputStride
                            + " with "
                            + backbone);
        }
        Checks.inRange("inputChannels", inputChannels, 1, 16);
        Checks.positive("stemChannels", stemChannels);
        Checks.positive("headChannels", headChannels);
        Checks.positive("stacks", stacks);
        Checks.positive("blocksPerLevel", blocksPerLevel);
        if (widths == null || widths.length < 1) {
            throw new IllegalArgumentException("widths must not be empty");
        }
        for (int w : widths) {
            Checks.positive("widths[i]", w);
        }
        if (backbone.equals("hourglass")) {
            Checks.inRange("hourglassDepth", hourglassDepth, 1, widths.length - 1);
        }
    }

    /** A copy. */
    public ConfigCenterNet copy() {
        ConfigCenterNet c = new ConfigCenterNet();
        c.backbone = backbone;
        c.outputStride = outputStride;
        c.inputChannels = inputChannels;
        c.stemChannels = stemChannels;
        c.widths = widths.clone();
        c.blocksPerLevel = blocksPerLevel;
        c.stacks = stacks;
        c.hourglassDepth = hourglassDepth;
        c.headChannels = headChannels;
        return c;
    }

    /** Input size multiple needed so every down-sampling divides evenly. */
    public int sizeMultiple() {
        return switch (backbone) {
            case "hourglass" -> 4 << hourglassDepth;
            case "resnet-s" -> 4 << widths.length - 1;
            default -> 32;
        };
    }

    /** As a JSON object for model.json. */
    public ObjectNode toJson() {
        return ModelDir.json().valueToTree(this);
    }

    /** From a JSON object of model.json. */
    public static ConfigCenterNet fromJson(ObjectNode node) {
        ConfigCenterNet c;
        try {
            c = ModelDir.json().treeToValue(node, ConfigCenterNet.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "architecture in model.json is not valid: " + e.getOriginalMessage());
        }
        c.validate();
        return c;
    }
}
