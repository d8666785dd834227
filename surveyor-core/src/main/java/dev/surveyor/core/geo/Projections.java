package dev.surveyor.core.geo;

import java.util.Locale;

/**
 * Builds the {@link MapProjection} of a {@link Crs}.
 *
 * <p>EPSG codes understood: 4326 (WGS 84 geographic, map x = lon, y = lat), 4087 and 32662
 * (equirectangular on WGS 84 as GDAL computes it, see {@link EquirectangularProjection}),
 * 32601-32660 and 32701-32760 (UTM north/south on WGS 84). Otherwise the WKT (1 or 2) is read: a
 * geographic CRS ({@code GEOGCS}, {@code GEOGCRS}, {@code GEODCRS} with an ellipsoidal CS) gives a
 * {@link GeographicProjection} of the body its {@code SPHEROID}/{@code ELLIPSOID} describes
 * (inverse flattening 0 = sphere, e.g. {@code SPHEROID["Moon_localRadius",1737400,0]} = {@link
 * Body#MOON}); a projected CRS ({@code PROJCS}, {@code PROJCRS}) with method Equirectangular /
 * Equidistant Cylindrical / Plate Carree gives an {@link EquirectangularProjection} (parameters
 * {@code standard_parallel_1}, {@code central_meridian}, {@code latitude_of_origin}, {@code
 * false_easting}, {@code false_northing}, or their WKT2 names), and Transverse Mercator a {@link
 * TransverseMercatorProjection}. A {@code BOUNDCRS} is read through its source CRS, a compound CRS
 * ({@code COMPD_CS}, {@code COMPOUNDCRS}) through its horizontal part.
 *
 * <p>Restrictions (each is an {@link IllegalArgumentException} naming the CRS): prime meridian
 * other than 0, angular unit other than degree, linear unit other than metre, any other projection
 * method.
 */
public final class Projections {
    private Projections() {}

    private static final double DEGREE = Math.PI / 180;

    /**
     * The projection of a CRS.
     *
     * @throws IllegalArgumentException naming the CRS when it is not supported
     */
    public static MapProjection fromCrs(Crs crs) {
        if (crs == null) {
            throw new IllegalArgumentException("the grid has no CRS, so it has no lon/lat");
        }
        if (crs.hasEpsg()) {
            MapProjection p = fromEpsg(crs.epsg());
            if (p != null) {
                return p;
            }
            if (crs.wkt() == null) {
                throw new IllegalArgumentException(
                        "unsupported CRS EPSG:"
                                + crs.epsg()
                                + " (supported: 4326, 4087, 32662, 326xx, 327xx, or WKT)");
            }
        }
        try {
            return fromWkt(Wkt.parse(crs.wkt()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unsupported CRS " + abbreviate(crs.wkt()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The projection of a WKT string.
     *
     * @throws IllegalArgumentException naming the CRS when it is not supported
     */
    public static MapProjection fromWkt(String wkt) {
        return fromCrs(Crs.wkt(wkt));
    }

    /** The projection of an EPSG code this class knows, or null. */
    static MapProjection fromEpsg(int code) {
        if (code == 4326) {
            return new GeographicProjection(Body.EARTH);
        }
        if (code == 4087 || code == 32662) {
            return EquirectangularProjection.earthWorld();
        }
        if (code >= 32601 && code <= 32660) {
            return TransverseMercatorProjection.utm(code - 32600, true);
        }
        if (code >= 32701 && code <= 32760) {
            return TransverseMercatorProjection.utm(code - 32700, false);
        }
        return null;
    }

    private static MapProjection fromWkt(Wkt root) {
        if (root.is("BOUNDCRS")) {
            Wkt src = root.child("SOURCECRS");
            if (src == null
                    || src.values().isEmpty()
                    || !(src.values().get(0) instanceof Wkt inner)) {
                throw new IllegalArgumentException("BOUNDCRS without SOURCECRS");
            }
            return fromWkt(inner);
        }
        if (root.is("COMPD_CS", "COMPOUNDCRS")) {
            Wkt horizontal =
                    root.child("PROJCS", "PROJCRS", "GEOGCS", "GEOGCRS", "GEODCRS", "BOUNDCRS");
            if (horizontal == null) {
                throw new IllegalArgumentException("compound CRS without a horizontal CRS");
            }
            return fromWkt(horizontal);
        }
        Integer epsg = epsgOf(root);
        if (epsg != null) {
            MapProjection p = fromEpsg(epsg);
            if (p != null) {
                return p;
            }
        }
        if (root.is("GEOGCS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS", "GEODETICCRS")) {
            Wkt cs = root.child("CS");
            if (cs != null
                    && !cs.values().isEmpty()
                    && !"ellipsoidal".equalsIgnoreCase(String.valueOf(cs.values().get(0)))) {
                throw new IllegalArgumentException(
                        "geodetic CRS with a " + cs.values().get(0) + " coordinate system");
            }
            checkGeographicUnits(root);
            return new GeographicProjection(bodyOf(root));
        }
        if (root.is("PROJCS", "PROJCRS", "PROJECTEDCRS")) {
            Wkt base = root.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS", "GEODCRS");
            if (base == null) {
                throw new IllegalArgumentException("projected CRS without a base geographic CRS");
            }
            checkPrimeMeridian(base);
            Body body = bodyOf(base);
            checkLinearUnit(root);
            String method;
            Wkt params;
            Wkt conversion = root.child("CONVERSION");
            if (conversion != null) {
                Wkt m = conversion.child("METHOD", "PROJECTION");
                method = m == null ? "" : m.name();
                params = conversion;
            } else {
                Wkt m = root.child("PROJECTION");
                method = m == null ? "" : m.name();
                params = root;
            }
            String key = normalize(method);
            switch (key) {
                case "equirectangular",
                        "equidistantcylindrical",
                        "equidistantcylindricalspherical",
                        "platecarree",
                        "simplecylindrical" -> {
                    return new EquirectangularProjection(
                            body,
                            param(
                                    params,
                                    0,
                                    "standardparallel1",
                                    "latitudeof1ststandardparallel",
                                    "latitudeoftruescale",
                                    "standardparallel"),
                            param(
                                    params,
                                    0,
                                    "centralmeridian",
                                    "longitudeofnaturalorigin",
                                    "longitudeoforigin",
                                    "longitudeofcenter"),
                            param(
                                    params,
                                    0,
                                    "latitudeoforigin",
                                    "latitudeofnaturalorigin",
                                    "latitudeofcenter"),
                            param(params, 0, "falseeasting"),
                            param(params, 0, "falsenorthing"));
                }
                case "transversemercator", "gausskruger" -> {
                    return new TransverseMercatorProjection(
                            body,
                            param(params, 0, "centralmeridian", "longitudeofnaturalorigin"),
                            param(params, 0, "latitudeoforigin", "latitudeofnaturalorigin"),
                            param(params, 1, "scalefactor", "scalefactoratnaturalorigin"),
                            param(params, 0, "falseeasting"),
                            param(params, 0, "falsenorthing"));
                }
                default ->
                        throw new IllegalArgumentException(
                                "projection method '"
                                        + method
                                        + "' is not supported"
                                        + " (Equirectangular, Equidistant Cylindrical, Transverse Mercator)");
            }
        }
        throw new IllegalArgumentException("CRS type " + root.keyword() + " is not supported");
    }

    private static Integer epsgOf(Wkt node) {
        for (Wkt id : node.children("AUTHORITY", "ID")) {
            if ("EPSG".equalsIgnoreCase(id.name()) && id.values().size() > 1) {
                Object v = id.values().get(1);
                try {
                    double d = v instanceof Double x ? x : Double.parseDouble(String.valueOf(v));
                    return (int) d;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Body bodyOf(Wkt geog) {
        checkPrimeMeridian(geog);
        Wkt e = geog.find("SPHEROID", "ELLIPSOID");
        if (e == null) {
            throw new IllegalArgumentException("no SPHEROID/ELLIPSOID in " + geog.keyword());
        }
        double a = e.number(1) * unitFactor(e.child("LENGTHUNIT", "UNIT"), 1);
        double invF = e.number(2);
        return Body.of(e.name(), a, invF);
    }

    private static void checkPrimeMeridian(Wkt geog) {
        Wkt pm = geog.child("PRIMEM", "PRIMEMERIDIAN");
        if (pm != null && pm.number(1) != 0) {
            throw new IllegalArgumentException(
                    "prime meridian " + pm.name() + " at " + pm.number(1) + " is not supported");
        }
    }

    private static void checkGeographicUnits(Wkt geog) {
        checkPrimeMeridian(geog);
        Wkt unit = geog.child("UNIT", "ANGLEUNIT");
        if (unit == null) {
            Wkt axis = geog.child("AXIS");
            unit = axis == null ? null : axis.child("ANGLEUNIT", "UNIT");
        }
        double f = unitFactor(unit, DEGREE);
        if (Math.abs(f / DEGREE - 1) > 1e-9) {
            throw new IllegalArgumentException(
                    "angular unit " + unit.name() + " (" + f + " rad) is not degree");
        }
    }

    private static void checkLinearUnit(Wkt proj) {
        Wkt unit = proj.child("UNIT", "LENGTHUNIT");
        if (unit == null) {
            Wkt axis = proj.child("AXIS");
            unit = axis == null ? null : axis.child("LENGTHUNIT", "UNIT");
        }
        double f = unitFactor(unit, 1);
        if (f != 1) {
            throw new IllegalArgumentException(
                    "linear unit " + unit.name() + " (" + f + " m) is not metre");
        }
    }

    private static double unitFactor(Wkt unit, double dflt) {
        return unit == null ? dflt : unit.number(1);
    }

    /** Parameter value in degrees or metres (WKT2 per-parameter units applied). */
    private static double param(Wkt params, double dflt, String... names) {
        for (Wkt p : params.children("PARAMETER")) {
            String n = normalize(p.name());
            for (String want : names) {
                if (n.equals(want)) {
                    double v = p.number(1);
                    Wkt angle = p.child("ANGLEUNIT");
                    if (angle != null) {
                        // degrees stay exact: 0.0174532925199433 is pi/180 to 15 digits
                        double f = angle.number(1);
                        return Math.abs(f / DEGREE - 1) < 1e-12 ? v : v * f / DEGREE;
                    }
                    Wkt len = p.child("LENGTHUNIT");
                    if (len != null) {
                        return v * len.number(1);
                    }
                    return v;
                }
            }
        }
        return dflt;
    }

    private static String normalize(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String abbreviate(String wkt) {
        String one = wkt.replaceAll("\\s+", " ").trim();
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }
}
