package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.List;

/**
 * A training image with its craters.
 *
 * @param name image name (for splits and reports)
 * @param image the grey image
 * @param craters craters in its pixel coordinates
 */
public record LabelledImage(String name, GrayImage image, List<Crater> craters) {
    /** Copies the crater list. */
    public LabelledImage {
        craters = List.copyOf(craters);
    }
}
