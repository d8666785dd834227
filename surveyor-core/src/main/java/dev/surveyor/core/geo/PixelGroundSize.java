package dev.surveyor.core.geo;

/**
 * Ground length of one pixel step at a point of a grid, in metres: {@code xM} along a row (from
 * column {@code c - 0.5} to {@code c + 0.5}), {@code yM} along a column (from row {@code r - 0.5}
 * to {@code r + 0.5}), each the shortest surface distance on the body.
 *
 * <p>Crater diameters: on an equirectangular (or geographic) map away from the standard parallel a
 * circular crater appears stretched along x by {@code cos(lat1) / cos(lat)}, while its north-south
 * extent keeps the map's scale. A diameter measured in pixels along y (or the crater's y extent)
 * converts with {@link #yM}, as DeepMoon and the Robbins catalogue do; an x extent converts with
 * {@link #xM}.
 *
 * @param xM ground metres per column step
 * @param yM ground metres per row step
 */
public record PixelGroundSize(double xM, double yM) {
    /** {@link #xM} in kilometres. */
    public double xKm() {
        return xM / 1000;
    }

    /** {@link #yM} in kilometres. */
    public double yKm() {
        return yM / 1000;
    }

    /**
     * The geometric mean {@code sqrt(xM * yM)}: the side of a square of the pixel's ground area.
     */
    public double meanM() {
        return Math.sqrt(xM * yM);
    }
}
