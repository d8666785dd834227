package dev.surveyor.imgproc.spectral;

/**
 * The located cross-correlation peak of two patches.
 *
 * @param dxPx column offset: content at column {@code x} of the first patch is at {@code x + dxPx}
 *     in the second
 * @param dyPx row offset, same convention
 * @param coefficient normalised cross-correlation at the peak, in [-1, 1] (1 = identical up to
 *     shift, gain and mean)
 * @param peakToMean peak height over the mean absolute correlation (a signal-to-noise measure)
 */
public record CorrelationPeak(double dxPx, double dyPx, double coefficient, double peakToMean) {}
