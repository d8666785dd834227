package dev.surveyor.height.synth;

import dev.surveyor.height.data.ImageHeightPair;

/**
 * A generated scene.
 *
 * @param image 4 bands (blue, green, red, NIR) in 16-bit-like digital numbers, row-major
 * @param heightM above-ground height target in metres (buildings, and trees when configured)
 * @param surfaceM full surface (terrain + buildings + trees) in metres, used for shading
 * @param buildingCount number of buildings placed
 * @param width columns
 * @param height rows
 */
public record SyntheticScene(
        float[][] image,
        float[] heightM,
        float[] surfaceM,
        int buildingCount,
        int width,
        int height) {

    /** As a training pair named {@code name}. */
    public ImageHeightPair toPair(String name) {
        return new ImageHeightPair(name, image, heightM, width, height);
    }
}
