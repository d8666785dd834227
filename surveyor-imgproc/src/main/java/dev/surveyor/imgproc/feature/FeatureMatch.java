package dev.surveyor.imgproc.feature;

/**
 * A descriptor match.
 *
 * @param sourceIndex index into the source descriptors
 * @param destinationIndex index into the destination descriptors
 * @param distance Euclidean distance between the two descriptors (not squared)
 */
public record FeatureMatch(int sourceIndex, int destinationIndex, double distance) {}
