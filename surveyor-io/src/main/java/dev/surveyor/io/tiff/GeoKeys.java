package dev.surveyor.io.tiff;

import dev.surveyor.core.geo.Body;
import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.EquirectangularProjection;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GeographicProjection;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.MapProjection;
import dev.surveyor.core.geo.PixelAnchor;
import dev.surveyor.core.geo.Projections;
import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * GeoTIFF georeferencing: reads ModelPixelScale + ModelTiepoint or ModelTransformation and the
 * GeoKey directory into a {@link GridGeometry}, and builds the tags for writing one.
 *
 * <p>Pixel anchor: {@code RasterPixelIsArea} (the default) gives {@link PixelAnchor#CORNER}; {@code
 * RasterPixelIsPoint} gives {@link PixelAnchor#CENTER} with the tiepoint as the centre of pixel (0,
 * 0). {@link GeoTransform#toGdal()} then shifts by half a pixel, which is what GDAL reports for
 * such files by default ({@code GTIFF_POINT_GEO_IGNORE=FALSE}).
 */
final class GeoKeys {
    private GeoKeys() {}

    static final int GT_MODEL_TYPE = 1024;
    static final int GT_RASTER_TYPE = 1025;
    static final int GT_CITATION = 1026;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int GEOG_CITATION = 2049;
    static final int PROJECTED_CS_TYPE = 3072;
    static final int PCS_CITATION = 3073;
    static final int USER_DEFINED = 32767;
    static final int GEOG_GEODETIC_DATUM = 2050;
    static final int GEOG_PRIME_MERIDIAN = 2051;
    static final int GEOG_ANGULAR_UNITS = 2054;
    static final int GEOG_ELLIPSOID = 2056;
    static final int GEOG_SEMI_MAJOR_AXIS = 2057;
    static final int GEOG_SEMI_MINOR_AXIS = 2058;
    static final int GEOG_INV_FLATTENING = 2059;
    static final int GEOG_PRIME_MERIDIAN_LONG = 2061;
    static final int PROJECTION = 3074;
    static final int PROJ_COORD_TRANS = 3075;
    static final int PROJ_LINEAR_UNITS = 3076;
    static final int PROJ_STD_PARALLEL1 = 3078;
    static final int PROJ_NAT_ORIGIN_LONG = 3080;
    static final int PROJ_NAT_ORIGIN_LAT = 3081;
    static final int PROJ_FALSE_EASTING = 3082;
    static final int PROJ_FALSE_NORTHING = 3083;
    static final int PROJ_CENTER_LONG = 3088;
    static final int PROJ_CENTER_LAT = 3089;
    static final int CT_EQUIRECTANGULAR = 17;

    /** What the georeferencing tags say. */
    record Parsed(GridGeometry geometry, Map<String, String> keys) {}

    /** Reads the georeferencing of an image of {@code width x height}; geometry may be null. */
    static Parsed read(TiffDirectory d, int width, int height) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<Integer, Object> keys = readKeyDirectory(d);
        if (!keys.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<Integer, Object> e : keys.entrySet()) {
                Object v = e.getValue();
                sb.append(sb.length() > 0 ? ", " : "")
                        .append(e.getKey())
                        .append('=')
                        .append(v instanceof double[] a ? java.util.Arrays.toString(a) : v);
            }
            meta.put("GEOTIFF_KEYS", sb.toString());
        }
        PixelAnchor anchor =
                Long.valueOf(2).equals(asLong(keys.get(GT_RASTER_TYPE)))
                        ? PixelAnchor.CENTER
                        : PixelAnchor.CORNER;
        GeoTransform gt = null;
        try {
            double[] m = d.doubles(TiffTags.MODEL_TRANSFORMATION);
            double[] tp = d.doubles(TiffTags.MODEL_TIEPOINT);
            double[] sc = d.doubles(TiffTags.MODEL_PIXEL_SCALE);
            if (m != null) {
                if (m.length < 16) {
                    throw new RasterFormatException(
                            d.path, "ModelTransformation has " + m.length + " values, expected 16");
                }
                gt = new GeoTransform(m[3], m[0], m[1], m[7], m[4], m[5], anchor);
            } else if (tp != null && sc != null) {
                if (tp.length < 6 || sc.length < 2) {
                    throw new RasterFormatException(
                            d.path,
                            "ModelTiepoint has "
                                    + tp.length
                                    + " values and ModelPixelScale "
                                    + sc.length
                                    + ", expected at least 6 and 2");
                }
                double x0 = tp[3] - tp[0] * sc[0];
                double y0 = tp[4] + tp[1] * sc[1];
                gt = new GeoTransform(x0, sc[0], 0, y0, 0, -sc[1], anchor);
            } else if (tp != null && tp.length >= 6) {
                meta.put("GCP_COUNT", String.valueOf(tp.length / 6));
            }
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(d.path, "bad georeferencing: " + e.getMessage(), e);
        }
        if (gt == null) {
            return new Parsed(null, meta);
        }
        Crs crs = crsOf(keys);
        return new Parsed(new GridGeometry(width, height, gt, crs), meta);
    }

    private static Crs crsOf(Map<Integer, Object> keys) {
        Long pcs = asLong(keys.get(PROJECTED_CS_TYPE));
        Long gcs = asLong(keys.get(GEOGRAPHIC_TYPE));
        Long model = asLong(keys.get(GT_MODEL_TYPE));
        if (pcs != null && pcs > 0 && pcs < USER_DEFINED) {
            return Crs.epsg(pcs.intValue());
        }
        boolean projected = model != null && model == 1;
        if (!projected && gcs != null && gcs > 0 && gcs < USER_DEFINED) {
            return Crs.epsg(gcs.intValue());
        }
        String geog = userGeographicWkt(keys);
        if (geog != null) {
            if (!projected) {
                return Crs.wkt(geog);
            }
            Long trans = asLong(keys.get(PROJ_COORD_TRANS));
            Long unit = asLong(keys.get(PROJ_LINEAR_UNITS));
            if (trans != null && trans == CT_EQUIRECTANGULAR && (unit == null || unit == 9001)) {
                String name = keys.get(GT_CITATION) instanceof String c ? c : "Equirectangular";
                return Crs.wkt(
                        "PROJCS[\""
                                + quote(name)
                                + "\","
                                + geog
                                + ",PROJECTION[\"Equirectangular\"]"
                                + param("standard_parallel_1", dbl(keys, PROJ_STD_PARALLEL1, 0))
                                + param(
                                        "central_meridian",
                                        dbl(
                                                keys,
                                                PROJ_CENTER_LONG,
                                                dbl(keys, PROJ_NAT_ORIGIN_LONG, 0)))
                                + param(
                                        "latitude_of_origin",
                                        dbl(
                                                keys,
                                                PROJ_CENTER_LAT,
                                                dbl(keys, PROJ_NAT_ORIGIN_LAT, 0)))
                                + param("false_easting", dbl(keys, PROJ_FALSE_EASTING, 0))
                                + param("false_northing", dbl(keys, PROJ_FALSE_NORTHING, 0))
                                + ",UNIT[\"metre\",1]]");
            }
        }
        for (int k : new int[] {PCS_CITATION, GT_CITATION, GEOG_CITATION}) {
            if (keys.get(k) instanceof String s) {
                String t = s.trim();
                if (t.startsWith("PROJCS[")
                        || t.startsWith("GEOGCS[")
                        || t.startsWith("PROJCRS[")
                        || t.startsWith("GEOGCRS[")) {
                    return Crs.wkt(t);
                }
            }
        }
        return null;
    }

    /**
     * WKT1 of a user-defined geographic CRS given by its ellipsoid keys (as GDAL writes planetary
     * CRSs), or null when the keys do not define one.
     */
    private static String userGeographicWkt(Map<Integer, Object> keys) {
        double a = dbl(keys, GEOG_SEMI_MAJOR_AXIS, Double.NaN);
        if (!(a > 0)) {
            return null;
        }
        double invF;
        if (keys.get(GEOG_INV_FLATTENING) instanceof double[] f && f.length > 0) {
            invF = f[0];
        } else {
            double b = dbl(keys, GEOG_SEMI_MINOR_AXIS, a);
            invF = b == a ? 0 : a / (a - b);
        }
        String cit = keys.get(GEOG_CITATION) instanceof String c ? c : "";
        String gcsName =
                part(cit, "GCS Name", cit.isEmpty() || cit.contains("=") ? "unknown" : cit);
        String datum = part(cit, "Datum", gcsName);
        String ellipsoid = part(cit, "Ellipsoid", gcsName);
        double pm = dbl(keys, GEOG_PRIME_MERIDIAN_LONG, 0);
        return "GEOGCS[\""
                + quote(gcsName)
                + "\",DATUM[\""
                + quote(datum)
                + "\",SPHEROID[\""
                + quote(ellipsoid)
                + "\","
                + num(a)
                + ","
                + num(invF)
                + "]],PRIMEM[\"Greenwich\","
                + num(pm)
                + "],UNIT[\"degree\",0.0174532925199433]]";
    }

    /** The value after {@code "key = "} in a GDAL citation {@code "GCS Name = x|Datum = y|..."}. */
    private static String part(String citation, String key, String dflt) {
        for (String p : citation.split("\\|")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String v = p.substring(eq + 1).trim();
                return v.isEmpty() ? dflt : v;
            }
        }
        return dflt;
    }

    private static String param(String name, double v) {
        return ",PARAMETER[\"" + name + "\"," + num(v) + "]";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }

    private static String quote(String s) {
        return s.replace("\"", "'");
    }

    private static double dbl(Map<Integer, Object> keys, int key, double dflt) {
        Object o = keys.get(key);
        if (o instanceof double[] d && d.length > 0) {
            return d[0];
        }
        if (o instanceof Long l) {
            return l;
        }
        return dflt;
    }

    private static Long asLong(Object o) {
        return o instanceof Long l ? l : null;
    }

    /** Key id -> Long, double[] or String. */
    private static Map<Integer, Object> readKeyDirectory(TiffDirectory d) throws IOException {
        Map<Integer, Object> out = new TreeMap<>();
        long[] dir = d.longs(TiffTags.GEO_KEY_DIRECTORY);
        if (dir == null) {
            return out;
        }
        if (dir.length < 4) {
            throw new RasterFormatException(
                    d.path, "GeoKeyDirectory has " + dir.length + " values, expected at least 4");
        }
        long n = dir[3];
        if (n < 0 || 4 + 4 * n > dir.length) {
            throw new RasterFormatException(
                    d.path,
                    "GeoKeyDirectory declares " + n + " keys but holds " + (dir.length - 4) / 4);
        }
        double[] dbl = d.doubles(TiffTags.GEO_DOUBLE_PARAMS);
        String asc = d.ascii(TiffTags.GEO_ASCII_PARAMS);
        for (int i = 0; i < n; i++) {
            int id = (int) dir[4 + 4 * i];
            long loc = dir[5 + 4 * i];
            int count = (int) dir[6 + 4 * i];
            long val = dir[7 + 4 * i];
            if (loc == 0) {
                out.put(id, val);
            } else if (loc == TiffTags.GEO_DOUBLE_PARAMS
                    && dbl != null
                    && val + count <= dbl.length) {
                double[] v = java.util.Arrays.copyOfRange(dbl, (int) val, (int) val + count);
                out.put(id, v);
            } else if (loc == TiffTags.GEO_ASCII_PARAMS
                    && asc != null
                    && val + count <= asc.length()) {
                String s = asc.substring((int) val, (int) val + count);
                if (s.endsWith("|")) {
                    s = s.substring(0, s.length() - 1);
                }
                out.put(id, s);
            } else if (loc == TiffTags.GEO_KEY_DIRECTORY && val + count <= dir.length) {
                out.put(id, (long) dir[(int) val]);
            }
            // anything else points nowhere valid: ignored, as libgeotiff does
        }
        return out;
    }

    /** Whether an EPSG code names a geographic 2D CRS (heuristic: the 4000-4999 block). */
    static boolean isGeographic(int epsg) {
        return epsg >= 4000 && epsg < 5000;
    }

    /**
     * The GeoTIFF key tags for a geometry.
     *
     * @param directory GeoKeyDirectory (SHORTs)
     * @param doubles GeoDoubleParams, or null when empty
     * @param ascii GeoAsciiParams, or null when empty
     */
    record Tags(int[] directory, double[] doubles, String ascii) {}

    /**
     * The keys for a geometry: EPSG codes as ProjectedCSTypeGeoKey or GeographicTypeGeoKey; a CRS
     * given only by WKT is written as user-defined keys (ellipsoid and, for equirectangular
     * projections, the projection parameters), as GDAL writes planetary CRSs; other WKT CRSs are
     * not written.
     */
    static Tags tags(GridGeometry g) {
        TreeMap<Integer, Object> k = new TreeMap<>();
        Crs crs = g.crs();
        if (crs != null && crs.hasEpsg()) {
            boolean geo = isGeographic(crs.epsg());
            k.put(GT_MODEL_TYPE, geo ? 2 : 1);
            k.put(geo ? GEOGRAPHIC_TYPE : PROJECTED_CS_TYPE, crs.epsg());
        } else if (crs != null) {
            userDefined(crs, k);
        }
        k.put(GT_RASTER_TYPE, g.toCrs().anchor() == PixelAnchor.CENTER ? 2 : 1);
        java.util.List<Double> dbl = new java.util.ArrayList<>();
        StringBuilder asc = new StringBuilder();
        int[] out = new int[4 + 4 * k.size()];
        out[0] = 1;
        out[1] = 1;
        out[2] = 0;
        out[3] = k.size();
        int i = 4;
        for (Map.Entry<Integer, Object> e : k.entrySet()) {
            out[i++] = e.getKey();
            Object v = e.getValue();
            if (v instanceof Double d) {
                out[i++] = TiffTags.GEO_DOUBLE_PARAMS;
                out[i++] = 1;
                out[i++] = dbl.size();
                dbl.add(d);
            } else if (v instanceof String s) {
                out[i++] = TiffTags.GEO_ASCII_PARAMS;
                out[i++] = s.length() + 1;
                out[i++] = asc.length();
                asc.append(s).append('|');
            } else {
                out[i++] = 0;
                out[i++] = 1;
                out[i++] = (Integer) v;
            }
        }
        double[] d = dbl.isEmpty() ? null : dbl.stream().mapToDouble(Double::doubleValue).toArray();
        return new Tags(out, d, asc.length() == 0 ? null : asc.toString());
    }

    private static void userDefined(Crs crs, Map<Integer, Object> k) {
        MapProjection p;
        try {
            p = Projections.fromCrs(crs);
        } catch (IllegalArgumentException e) {
            return; // not a CRS we can express in GeoKeys
        }
        Body body = p.body();
        if (!(p instanceof GeographicProjection) && !(p instanceof EquirectangularProjection)) {
            return;
        }
        k.put(GEOGRAPHIC_TYPE, USER_DEFINED);
        k.put(
                GEOG_CITATION,
                "GCS Name = "
                        + body.name()
                        + "|Datum = "
                        + body.name()
                        + "|Ellipsoid = "
                        + body.name()
                        + "|Primem = Greenwich|AUnits = degree");
        k.put(GEOG_GEODETIC_DATUM, USER_DEFINED);
        k.put(GEOG_PRIME_MERIDIAN, 8901);
        k.put(GEOG_ANGULAR_UNITS, 9102);
        k.put(GEOG_ELLIPSOID, USER_DEFINED);
        k.put(GEOG_SEMI_MAJOR_AXIS, body.semiMajorAxisM());
        if (body.inverseFlattening() == 0) {
            k.put(GEOG_SEMI_MINOR_AXIS, body.semiMajorAxisM());
        } else {
            k.put(GEOG_INV_FLATTENING, body.inverseFlattening());
        }
        if (p instanceof EquirectangularProjection q) {
            k.put(GT_MODEL_TYPE, 1);
            k.put(GT_CITATION, body.name() + " Equirectangular");
            k.put(PROJECTED_CS_TYPE, USER_DEFINED);
            k.put(PROJECTION, USER_DEFINED);
            k.put(PROJ_COORD_TRANS, CT_EQUIRECTANGULAR);
            k.put(PROJ_LINEAR_UNITS, 9001);
            k.put(PROJ_STD_PARALLEL1, q.standardParallelDeg());
            k.put(PROJ_FALSE_EASTING, q.falseEastingM());
            k.put(PROJ_FALSE_NORTHING, q.falseNorthingM());
            k.put(PROJ_CENTER_LONG, q.centralMeridianDeg());
            k.put(PROJ_CENTER_LAT, q.latitudeOfOriginDeg());
        } else {
            k.put(GT_MODEL_TYPE, 2);
        }
    }
}
