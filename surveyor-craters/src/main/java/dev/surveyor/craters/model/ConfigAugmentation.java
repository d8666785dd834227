package dev.surveyor.craters.model;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings of {@link WindowSampler}: window size and augmentation ranges. */
public class ConfigAugmentation implements Config {
    private static final long serialVersionUID = 1L;

    /** Window side (px) fed to the network. */
    public int windowPx = 256;

    /** Random horizontal/vertical flips and 90-degree rotations. */
    public boolean flipsAndRotations = true;

    /**
     * Scale jitter: windows are resampled by a factor in [1/scaleJitter, scaleJitter]; 1 = none.
     */
    public double scaleJitter = 1.2;

    /** Contrast factor range [1 - c, 1 + c] applied to normalised values. */
    public double contrastJitter = 0.2;

    /** Brightness offset range [-b, b] in normalised units (std). */
    public double brightnessJitter = 0.2;

    /**
     * Fraction of windows placed on a randomly chosen large crater (diameter at least {@link
     * #largeCraterMinDiameterPx}) instead of at a uniformly random position; 0 = none. Large
     * craters are rare in crater-counting labels (a few percent), so without it the network sees
     * too few.
     */
    public double largeCraterFraction = 0;

    /**
     * Smallest diameter (px, before scale jitter) of a "large" crater for {@link
     * #largeCraterFraction}.
     */
    public double largeCraterMinDiameterPx = 16;

    @Override
    public void validate() {
        Checks.inRange("windowPx", windowPx, 16, 4096);
        Checks.inRange("scaleJitter", scaleJitter, 1.0, 4.0);
        Checks.inRange("contrastJitter", contrastJitter, 0.0, 0.9);
        Checks.inRange("brightnessJitter", brightnessJitter, 0.0, 5.0);
        Checks.inRange("largeCraterFraction", largeCraterFraction, 0.0, 1.0);
        Checks.positive("largeCraterMinDiameterPx", largeCraterMinDiameterPx);
    }

    /** A copy. */
    public ConfigAugmentation copy() {
        ConfigAugmentation c = new ConfigAugmentation();
        c.windowPx = windowPx;
        c.flipsAndRotations = flipsAndRotations;
        c.scaleJitter = scaleJitter;
        c.contrastJitter = contrastJitter;
        c.brightnessJitter = brightnessJitter;
        c.largeCraterFraction = largeCraterFraction;
        c.largeCraterMinDiameterPx = largeCraterMinDiameterPx;
        return c;
    }
}
