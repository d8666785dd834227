package dev.surveyor.imgproc.feature;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link HarrisCornerDetector}. */
public class ConfigHarris implements Config {
    private static final long serialVersionUID = 1L;

    /** Radius of the structure-tensor window A in pixels (window = 2r+1). Default 2. */
    public int windowRadiusPx = 2;

    /** Harris {@code kappa} in {@code det A - kappa trace^2 A}. Default 0.04. */
    public double kappa = 0.04;

    /**
     * Gaussian weighting of the structure tensor (the paper's A) instead of a box. Default true.
     */
    public boolean gaussianWeighted = true;

    /**
     * Radius of the neighbourhood S1 over which a corner must be the local maximum, pixels. Default
     * 4.
     */
    public int nonMaxRadiusPx = 4;

    /**
     * Keep at most this many corners, the strongest first (bounds the matching cost on large
     * images); 0 = no limit. Default 2000.
     */
    public int maxCorners = 2000;

    /** Corners closer than this to the image border are dropped, pixels. Default 8. */
    public int borderPx = 8;

    @Override
    public void validate() {
        Checks.inRange("windowRadiusPx", windowRadiusPx, 1, 50);
        Checks.inRange("kappa", kappa, 0.0, 0.25);
        Checks.inRange("nonMaxRadiusPx", nonMaxRadiusPx, 1, 100);
        Checks.atLeast("maxCorners", maxCorners, 0);
        Checks.atLeast("borderPx", borderPx, 0);
    }

    /** A deep copy. */
    public ConfigHarris copy() {
        ConfigHarris c = new ConfigHarris();
        c.windowRadiusPx = windowRadiusPx;
        c.kappa = kappa;
        c.gaussianWeighted = gaussianWeighted;
        c.nonMaxRadiusPx = nonMaxRadiusPx;
        c.maxCorners = maxCorners;
        c.borderPx = borderPx;
        return c;
    }
}
