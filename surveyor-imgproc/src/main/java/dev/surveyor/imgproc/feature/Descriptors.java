package dev.surveyor.imgproc.feature;

import java.util.List;

/**
 * Descriptors of points; {@code points.get(i)} is described by {@code vectors[i]}. Points that
 * could not be described (too close to the border) are absent.
 *
 * @param points the described points
 * @param vectors one descriptor per point, all of the same length
 */
public record Descriptors(List<Keypoint> points, double[][] vectors) {
    public Descriptors {
        points = List.copyOf(points);
        if (vectors.length != points.size()) {
            throw new IllegalArgumentException(
                    "points has " + points.size() + " entries but vectors has " + vectors.length);
        }
    }

    /** Number of described points. */
    public int size() {
        return points.size();
    }
}
