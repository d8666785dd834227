package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * Equirectangular (simple cylindrical, equidistant cylindrical, "Plate Carrée") projection,
 * spherical formulas:
 *
 * <pre>
 *   x = falseEasting  + R * cos(lat1) * (lon - lon0)
 *   y = falseNorthing + R * (lat - lat0)
 * </pre>
 *
 * with angles in radians, {@code lat1} the standard parallel (true scale), {@code lon0} the central
 * meridian and {@code lat0} the latitude of origin (usually 0). {@code R} is the body's semi-major
 * axis: the sphere's radius for the Moon and Mars, and a = 6378137 m for the WGS 84 Earth. This is
 * exactly what GDAL/PROJ compute for EPSG:4087 ("World Equidistant Cylindrical", {@code +proj=eqc})
 * and EPSG:32662 ("Plate Carree"): PROJ's {@code eqc} applies the spherical formula with R = a even
 * on an ellipsoid (EPSG's own definition of 4087 is the ellipsoidal method 1028, which differs by
 * up to ~21 km in y; we follow GDAL, which writes and reads the files). Latitude on an ellipsoid is
 * geodetic.
 *
 * <p>The inverse does not wrap longitude: {@code x} beyond +-180 degrees from the central meridian
 * gives longitudes outside [-180, 180] (planetary mosaics use 0..360).
 *
 * @param body the body (its semi-major axis is R)
 * @param standardParallelDeg latitude of true scale lat1, in (-90, 90)
 * @param centralMeridianDeg lon0
 * @param latitudeOfOriginDeg lat0 (0 for all common definitions)
 * @param falseEastingM added to x
 * @param falseNorthingM added to y
 */
public record EquirectangularProjection(
        Body body,
        double standardParallelDeg,
        double centralMeridianDeg,
        double latitudeOfOriginDeg,
        double falseEastingM,
        double falseNorthingM)
        implements MapProjection {
    public EquirectangularProjection {
        Checks.notNull("body", body);
        if (!(Math.abs(standardParallelDeg) < 90)) {
            throw new IllegalArgumentException(
                    "standardParallelDeg must be in (-90, 90), got " + standardParallelDeg);
        }
        Checks.finite("centralMeridianDeg", centralMeridianDeg);
        Checks.inRange("latitudeOfOriginDeg", latitudeOfOriginDeg, -90, 90);
        Checks.finite("falseEastingM", falseEastingM);
        Checks.finite("falseNorthingM", falseNorthingM);
    }

    /** The common case: standard parallel, central meridian, no false origin, lat0 = 0. */
    public static EquirectangularProjection of(
            Body body, double standardParallelDeg, double centralMeridianDeg) {
        return new EquirectangularProjection(
                body, standardParallelDeg, centralMeridianDeg, 0, 0, 0);
    }

    /** EPSG:4087 / EPSG:32662 as GDAL computes them: WGS 84, R = a, lat1 = lon0 = 0. */
    public static EquirectangularProjection earthWorld() {
        return of(Body.EARTH, 0, 0);
    }

    /** The radius R used by the formulas, in metres. */
    public double radiusM() {
        return body.semiMajorAxisM();
    }

    @Override
    public MapUnit mapUnit() {
        return MapUnit.METRE;
    }

    @Override
    public double[] fromLonLat(double lonDeg, double latDeg) {
        double r = radiusM();
        double k = Math.cos(Math.toRadians(standardParallelDeg));
        return new double[] {
            falseEastingM + r * k * Math.toRadians(lonDeg - centralMeridianDeg),
            falseNorthingM + r * Math.toRadians(latDeg - latitudeOfOriginDeg)
        };
    }

    @Override
    public double[] toLonLat(double x, double y) {
        double r = radiusM();
        double k = Math.cos(Math.toRadians(standardParallelDeg));
        double lon = centralMeridianDeg + Math.toDegrees((x - falseEastingM) / (r * k));
        double lat = latitudeOfOriginDeg + Math.toDegrees((y - falseNorthingM) / r);
        if (Math.abs(lat) > 90) {
            lat = Double.NaN;
            lon = Double.NaN;
        }
        return new double[] {lon, lat};
    }
}
