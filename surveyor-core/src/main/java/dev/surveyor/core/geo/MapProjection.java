package dev.surveyor.core.geo;

/**
 * A map projection of a {@link Body}: map coordinates {@code (x, y)} to and from longitude and
 * latitude in degrees.
 *
 * <p>Conventions: longitude is east-positive and latitude north-positive, both in degrees,
 * planetocentric on a sphere and geodetic on an ellipsoid. Map {@code x} grows east and {@code y}
 * north; their unit is {@link #mapUnit()} (metres for projected CRSs, degrees for geographic ones,
 * where {@code x} is longitude and {@code y} latitude, GDAL's "traditional GIS order").
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface MapProjection {
    /** Unit of map coordinates. */
    enum MapUnit {
        /** Map x/y are metres on the projection plane. */
        METRE,
        /** Map x/y are longitude/latitude in degrees. */
        DEGREE
    }

    /** The body whose surface is projected. */
    Body body();

    /** Unit of map x and y. */
    MapUnit mapUnit();

    /**
     * Longitude and latitude of a map point.
     *
     * @return {@code {lonDeg, latDeg}}; NaN when the point is outside the projection's domain
     */
    double[] toLonLat(double x, double y);

    /**
     * Map coordinates of a point given by longitude and latitude in degrees.
     *
     * @return {@code {x, y}} in {@link #mapUnit()}
     */
    double[] fromLonLat(double lonDeg, double latDeg);
}
