/**
 * Point features over BoofCV: Harris corners (local maxima of the corner response above its image
 * mean), SIFT descriptors at given points, and approximate nearest-neighbour matching.
 *
 * <p>Coordinates are pixel centres: {@code (x, y)} = (column, row) of the pixel the corner is on.
 */
package dev.surveyor.imgproc.feature;
