package dev.surveyor.imgproc.feature;

/**
 * A detected point.
 *
 * @param xPx column of the pixel centre
 * @param yPx row of the pixel centre
 * @param response detector response (Harris: {@code det A - kappa trace^2 A}), larger = stronger
 */
public record Keypoint(double xPx, double yPx, double response) {}
