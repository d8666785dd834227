package dev.surveyor.height.predict;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import dev.surveyor.height.data.DihedralSet;

/** Settings of {@link TiledHeightPredictor}. */
public class ConfigTiledPrediction implements Config {
    private static final long serialVersionUID = 1L;

    /** Window (tile) size in pixels, a multiple of 32. Default 256. */
    public int tileSizePx = 256;

    /** Pixels shared by neighbouring windows, blended with a raised-cosine ramp. Default 64. */
    public int overlapPx = 64;

    /**
     * The flips/transposes each window is averaged over (test-time augmentation; {@code D4} is 8x
     * slower), or null (the default) for the model's own: {@code model.json}'s {@code
     * testTimeAugmentation} of each network ({@link HeightPredictor#predictWindow}).
     */
    public DihedralSet testTimeAugmentation;

    @Override
    public void validate() {
        Checks.inRange("tileSizePx", tileSizePx, 32, 8192);
        if (tileSizePx % 32 != 0) {
            throw new IllegalArgumentException(
                    "tileSizePx must be a multiple of 32, got " + tileSizePx);
        }
        Checks.inRange("overlapPx", overlapPx, 0, tileSizePx - 1);
    }

    /** A copy. */
    public ConfigTiledPrediction copy() {
        ConfigTiledPrediction c = new ConfigTiledPrediction();
        c.tileSizePx = tileSizePx;
        c.overlapPx = overlapPx;
        c.testTimeAugmentation = testTimeAugmentation;
        return c;
    }
}
