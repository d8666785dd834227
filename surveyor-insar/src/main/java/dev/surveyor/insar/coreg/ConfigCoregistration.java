package dev.surveyor.insar.coreg;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import dev.surveyor.imgproc.feature.ConfigHarris;
import dev.surveyor.imgproc.feature.ConfigMatcher;
import dev.surveyor.imgproc.feature.ConfigSift;

/** Settings for {@link Coregistrator}; see the package documentation for the steps. */
public class ConfigCoregistration implements Config {
    private static final long serialVersionUID = 1L;

    /** The kernel used to resample secondary SLCs. */
    public enum Kernel {
        /** Kaiser-windowed truncated sinc with {@link #kernelTaps} taps. */
        SINC,
        /** Keys' cubic convolution (4 taps); only for well-oversampled data. */
        CUBIC
    }

    // ---- stage 1: the paper's coarse shift ----

    /** Run the paper's feature stage; when false the coarse shift is (0, 0). Default true. */
    public boolean featureStage = true;

    /** Harris settings (on log-amplitude). */
    public ConfigHarris harris = new ConfigHarris();

    /** SIFT descriptor settings. */
    public ConfigSift sift = new ConfigSift();

    /** Approximate nearest-neighbour matcher settings. */
    public ConfigMatcher matcher = new ConfigMatcher();

    /**
     * Distance filter {@code rho <= max(a rho_min, rho_max / b)}: the paper's a (> 1). Default 2.
     */
    public double distanceFilterA = 2.0;

    /** Distance filter: the paper's b (> 1). Default 3. */
    public double distanceFilterB = 3.0;

    /** Sub-image rows m (azimuth); 0 = automatic, one per {@link #maxSubImagePx}. Default 0. */
    public int subImageRows = 0;

    /** Sub-image columns n (range); 0 = automatic, one per {@link #maxSubImagePx}. Default 0. */
    public int subImageColumns = 0;

    /** With automatic m x n: the largest sub-image side, pixels. Default 2048. */
    public int maxSubImagePx = 2048;

    /** Fewest distance-filtered matches for a sub-image shift to count. Default 3. */
    public int minMatches = 3;

    // ---- stage 2: sub-pixel patch offsets ----

    /** Side of the square correlation patches, pixels (power of 2 is fastest). Default 64. */
    public int patchSizePx = 64;

    /** Spacing of the patch grid, pixels. Default 64. */
    public int patchSpacingPx = 64;

    /**
     * Oversampling of complex patches before detection (1 = none, 2 avoids aliasing). Default 2.
     */
    public int oversampleFactor = 2;

    /**
     * Sub-pixel grid factor of the correlation peak (1/64 px steps before the parabola). Default
     * 64.
     */
    public int upsampleFactor = 64;

    /** Patches with a lower normalised correlation peak are ignored. Default 0.2. */
    public double minCorrelation = 0.2;

    /**
     * Patches with more no-data (NaN or exact zero) than this fraction are skipped. Default 0.05.
     */
    public double maxNoDataFraction = 0.05;

    // ---- stage 3: offset model ----

    /** Offset model fitted to the patch offsets. Default AFFINE. */
    public OffsetModelType model = OffsetModelType.AFFINE;

    /** Outlier threshold in robust standard deviations (1.4826 MAD). Default 3. */
    public double outlierSigma = 3.0;

    /**
     * Residuals below this are never outliers, pixels (protects near-perfect fits). Default 0.02.
     */
    public double minOutlierThresholdPx = 0.02;

    /** Most rejection iterations. Default 10. */
    public int maxIterations = 10;

    // ---- stage 4: resampling ----

    /** Resampling kernel. Default SINC. */
    public Kernel kernel = Kernel.SINC;

    /** Taps of the sinc kernel (even, 4..64). Default 16. */
    public int kernelTaps = 16;

    /** Kaiser window shape of the sinc kernel. Default 4. */
    public double kaiserBeta = 4.0;

    @Override
    public void validate() {
        Checks.notNull("harris", harris).validate();
        Checks.notNull("sift", sift).validate();
        Checks.notNull("matcher", matcher).validate();
        if (!(distanceFilterA > 1)) {
            throw new IllegalArgumentException(
                    "distanceFilterA must be > 1, got " + distanceFilterA);
        }
        if (!(distanceFilterB > 1)) {
            throw new IllegalArgumentException(
                    "distanceFilterB must be > 1, got " + distanceFilterB);
        }
        Checks.atLeast("subImageRows", subImageRows, 0);
        Checks.atLeast("subImageColumns", subImageColumns, 0);
        Checks.atLeast("maxSubImagePx", maxSubImagePx, 64);
        Checks.atLeast("minMatches", minMatches, 1);
        Checks.inRange("patchSizePx", patchSizePx, 8, 1024);
        Checks.positive("patchSpacingPx", patchSpacingPx);
        Checks.inRange("oversampleFactor", oversampleFactor, 1, 8);
        Checks.inRange("upsampleFactor", upsampleFactor, 1, 1024);
        Checks.inRange("minCorrelation", minCorrelation, -1.0, 1.0);
        Checks.inRange("maxNoDataFraction", maxNoDataFraction, 0.0, 1.0);
        Checks.notNull("model", model);
        Checks.positive("outlierSigma", outlierSigma);
        Checks.atLeast("minOutlierThresholdPx", minOutlierThresholdPx, 0.0);
        Checks.atLeast("maxIterations", maxIterations, 1);
        Checks.notNull("kernel", kernel);
        Checks.inRange("kernelTaps", kernelTaps, 4, 64);
        if (kernelTaps % 2 != 0) {
            throw new IllegalArgumentException("kernelTaps must be even, got " + kernelTaps);
        }
        Checks.inRange("kaiserBeta", kaiserBeta, 0.0, 30.0);
    }

    /** A deep copy. */
    public ConfigCoregistration copy() {
        ConfigCoregistration c = new ConfigCoregistration();
        c.featureStage = featureStage;
        c.harris = harris.copy();
        c.sift = sift.copy();
        c.matcher = matcher.copy();
        c.distanceFilterA = distanceFilterA;
        c.distanceFilterB = distanceFilterB;
        c.subImageRows = subImageRows;
        c.subImageColumns = subImageColumns;
        c.maxSubImagePx = maxSubImagePx;
        c.minMatches = minMatches;
        c.patchSizePx = patchSizePx;
        c.patchSpacingPx = patchSpacingPx;
        c.oversampleFactor = oversampleFactor;
        c.upsampleFactor = upsampleFactor;
        c.minCorrelation = minCorrelation;
        c.maxNoDataFraction = maxNoDataFraction;
        c.model = model;
        c.outlierSigma = outlierSigma;
        c.minOutlierThresholdPx = minOutlierThresholdPx;
        c.maxIterations = maxIterations;
        c.kernel = kernel;
        c.kernelTaps = kernelTaps;
        c.kaiserBeta = kaiserBeta;
        return c;
    }
}
