package dev.surveyor.core.tile;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link DetectionMerger}. */
public class ConfigDetectionMerge implements Config {
    /**
     * Two detections are the same object when their centre distance is below {@code
     * distanceFraction * min(sizeA, sizeB)}. Default 0.5 (centres within half the smaller size).
     */
    public double distanceFraction = 0.5;

    /** ... and when {@code max(size) / min(size) <= maxSizeRatio} ({@code >= 1}). Default 1.5. */
    public double maxSizeRatio = 1.5;

    public ConfigDetectionMerge() {}

    public ConfigDetectionMerge(double distanceFraction, double maxSizeRatio) {
        this.distanceFraction = distanceFraction;
        this.maxSizeRatio = maxSizeRatio;
    }

    @Override
    public void validate() {
        Checks.inRange("distanceFraction", distanceFraction, 0.0, 100.0);
        Checks.atLeast("maxSizeRatio", maxSizeRatio, 1.0);
        Checks.finite("maxSizeRatio", maxSizeRatio);
    }

    public ConfigDetectionMerge copy() {
        return new ConfigDetectionMerge(distanceFraction, maxSizeRatio);
    }
}
