package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * The identity "projection" of a geographic CRS: map {@code x} is longitude and {@code y} latitude,
 * both in degrees (EPSG:4326 with GDAL's traditional lon/lat axis order, or a planetary {@code
 * GEOGCS}). Longitudes are passed through unchanged, not wrapped, so 0..360 grids stay 0..360.
 *
 * @param body the body whose surface the angles refer to
 */
public record GeographicProjection(Body body) implements MapProjection {
    public GeographicProjection {
        Checks.notNull("body", body);
    }

    @Override
    public MapUnit mapUnit() {
        return MapUnit.DEGREE;
    }

    @Override
    public double[] toLonLat(double x, double y) {
        return new double[] {x, y};
    }

    @Override
    public double[] fromLonLat(double lonDeg, double latDeg) {
        return new double[] {lonDeg, latDeg};
    }
}
