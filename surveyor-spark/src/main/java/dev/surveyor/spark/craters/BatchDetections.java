package dev.surveyor.spark.craters;

import java.io.Serializable;

/**
 * Detections of one batch of windows, in the order the single-machine detector finds them.
 *
 * @param xPx centre column, image pixels (corner origin)
 * @param yPx centre row
 * @param diameterPx diameter, px (before the model's size scale)
 * @param score heat-map score
 * @param window index of the window that found each crater
 */
record BatchDetections(
        double[] xPx, double[] yPx, double[] diameterPx, double[] score, int[] window)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
