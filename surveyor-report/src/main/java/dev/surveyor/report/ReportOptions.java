package dev.surveyor.report;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings of the HTML reports. */
public class ReportOptions implements Config {
    private static final long serialVersionUID = 1L;

    /** Largest side of rendered raster images in pixels (larger rasters are block-averaged). */
    public int maxImageSidePx = 1400;

    /** Most PS points drawn clickable on the InSAR page (the highest-coherence ones are kept). */
    public int maxInteractivePoints = 5000;

    /** Most crater detections drawn on the image (the highest-scoring ones are kept). */
    public int maxDrawnDetections = 20000;

    /** Most pixels in the predicted-vs-true height scatter (a regular subsample). */
    public int maxScatterPoints = 20000;

    /** Whether images are embedded in the page as data URIs (else linked from {@code img/}). */
    public boolean inlineImages = false;

    /** Least box IoU for a detection to match a truth crater. */
    public double craterMinIou = 0.5;

    /** Truth craters smaller than this are dropped, in pixels (0 keeps all). */
    public double craterMinDiameterPx = 0.0;

    /**
     * Bands (0-based) shown as red, green and blue for optical images with three or more bands
     * (e.g. {@code {2, 1, 0}} for blue-green-red-NIR products such as ZY-3).
     */
    public int[] rgbBands = {0, 1, 2};

    /** Truth height above which a pixel counts as building, in metres. */
    public double buildingMinHeightM = 0.0;

    @Override
    public void validate() {
        Checks.inRange("maxImageSidePx", maxImageSidePx, 64, 20000);
        Checks.atLeast("maxInteractivePoints", maxInteractivePoints, 1);
        Checks.atLeast("maxDrawnDetections", maxDrawnDetections, 1);
        Checks.atLeast("maxScatterPoints", maxScatterPoints, 10);
        Checks.inRange("craterMinIou", craterMinIou, 0.01, 1.0);
        Checks.atLeast("craterMinDiameterPx", craterMinDiameterPx, 0.0);
        Checks.finite("buildingMinHeightM", buildingMinHeightM);
        if (rgbBands == null || rgbBands.length != 3) {
            throw new IllegalArgumentException("rgbBands needs 3 band indices");
        }
        for (int b : rgbBands) {
            Checks.atLeast("rgbBands[i]", b, 0);
        }
    }

    /** A copy. */
    public ReportOptions copy() {
        ReportOptions c = new ReportOptions();
        c.maxImageSidePx = maxImageSidePx;
        c.maxInteractivePoints = maxInteractivePoints;
        c.maxDrawnDetections = maxDrawnDetections;
        c.maxScatterPoints = maxScatterPoints;
        c.inlineImages = inlineImages;
        c.craterMinIou = craterMinIou;
        c.craterMinDiameterPx = craterMinDiameterPx;
        c.buildingMinHeightM = buildingMinHeightM;
        c.rgbBands = rgbBands.clone();
        return c;
    }
}
