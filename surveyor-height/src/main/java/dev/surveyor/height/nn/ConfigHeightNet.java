package dev.surveyor.height.nn;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/**
 * Settings of a height-regression network. Stored in {@code model.json} so that a model directory
 * rebuilds the same block.
 */
public class ConfigHeightNet implements Config {
    private static final long serialVersionUID = 1L;

    /** Which network. */
    public Architecture architecture = Architecture.MRFED;

    /** Input channels (image bands after normalisation). */
    public int inputBands = 3;

    /**
     * Multiplies every layer width of the paper's configuration (1 = the paper's 64..1024
     * channels). 0.125 gives a small CPU configuration. Widths are rounded to multiples of 4.
     */
    public double widthMultiplier = 1.0;

    /** MRFED: size-preserving blocks after each encode block (the paper keeps "some" blocks). */
    public int sizePreservingBlocks = 1;

    /** U-Net: bottleneck blocks per ResNet stage (ResNet-50: 3, 4, 6, 3). */
    public int[] resnetStageBlocks = {3, 4, 6, 3};

    /** Every spatial input size must be a multiple of this (5 halvings in every network). */
    public static final int SIZE_MULTIPLE_PX = 32;

    @Override
    public void validate() {
        Checks.notNull("architecture", architecture);
        Checks.inRange("inputBands", inputBands, 1, 64);
        Checks.inRange("widthMultiplier", widthMultiplier, 1e-3, 4.0);
        Checks.inRange("sizePreservingBlocks", sizePreservingBlocks, 0, 8);
        Checks.notNull("resnetStageBlocks", resnetStageBlocks);
        if (resnetStageBlocks.length != 4) {
            throw new IllegalArgumentException(
                    "resnetStageBlocks must have 4 entries, got " + resnetStageBlocks.length);
        }
        for (int b : resnetStageBlocks) {
            Checks.inRange("resnetStageBlocks[i]", b, 1, 64);
        }
    }

    /** A deep copy. */
    public ConfigHeightNet copy() {
        ConfigHeightNet c = new ConfigHeightNet();
        c.architecture = architecture;
        c.inputBands = inputBands;
        c.widthMultiplier = widthMultiplier;
        c.sizePreservingBlocks = sizePreservingBlocks;
        c.resnetStageBlocks = resnetStageBlocks.clone();
        return c;
    }
}
