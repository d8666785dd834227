package dev.surveyor.spark.height;

import java.io.Serializable;

/**
 * The prediction of one window, padded to the tile's full size with NaN, height in metres.
 *
 * @param width full tile width, px
 * @param height full tile height, px
 * @param heightM row-major {@code width * height} heights (NaN = no data or padding)
 */
record TilePrediction(int width, int height, float[] heightM) implements Serializable {
    private static final long serialVersionUID = 1L;
}
