package dev.surveyor.core.tile;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link TileStitcher} and {@link StreamingTileStitcher}. */
public class ConfigTileStitcher implements Config {
    /** Weight ramp across overlaps. Default {@link BlendRamp#RAISED_COSINE}. */
    public BlendRamp ramp = BlendRamp.RAISED_COSINE;

    public ConfigTileStitcher() {}

    public ConfigTileStitcher(BlendRamp ramp) {
        this.ramp = ramp;
    }

    @Override
    public void validate() {
        Checks.notNull("ramp", ramp);
    }

    public ConfigTileStitcher copy() {
        return new ConfigTileStitcher(ramp);
    }
}
