package dev.surveyor.insar.coreg;

/**
 * One measured offset (secondary minus reference position, pixels) at a reference position.
 *
 * @param xPx reference column of the patch centre
 * @param yPx reference row of the patch centre
 * @param dxPx column offset
 * @param dyPx row offset
 * @param correlation normalised correlation peak of the patch pair, [-1, 1]
 */
public record OffsetMeasurement(
        double xPx, double yPx, double dxPx, double dyPx, double correlation) {}
