package dev.surveyor.core.tile;

/**
 * Shape of the weight ramp across an overlap, as a function of {@code t} in (0, 1): the pixel
 * centre's position across the overlap, from the tile's edge ({@code t -> 0}) inward ({@code t ->
 * 1}). For two tiles sharing an overlap the two ramps add up to 1 at every pixel.
 */
public enum BlendRamp {
    /** {@code w = t}. */
    LINEAR {
        @Override
        double weight(double t) {
            return t;
        }
    },
    /** {@code w = (1 - cos(pi t)) / 2}: smooth (zero slope) at both ends. */
    RAISED_COSINE {
        @Override
        double weight(double t) {
            return 0.5 - 0.5 * Math.cos(Math.PI * t);
        }
    };

    abstract double weight(double t);
}
