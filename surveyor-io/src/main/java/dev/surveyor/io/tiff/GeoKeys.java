package dev.surveyor.io.tiff;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelAnchor;
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

    /** The GeoKeyDirectory values (SHORTs) for a geometry. */
    static int[] keyDirectory(GridGeometry g) {
        TreeMap<Integer, Integer> k = new TreeMap<>();
        Crs crs = g.crs();
        if (crs != null && crs.hasEpsg()) {
            boolean geo = isGeographic(crs.epsg());
            k.put(GT_MODEL_TYPE, geo ? 2 : 1);
            k.put(geo ? GEOGRAPHIC_TYPE : PROJECTED_CS_TYPE, crs.epsg());
        }
        k.put(GT_RASTER_TYPE, g.toCrs().anchor() == PixelAnchor.CENTER ? 2 : 1);
        int[] out = new int[4 + 4 * k.size()];
        out[0] = 1;
        out[1] = 1;
        out[2] = 0;
        out[3] = k.size();
        int i = 4;
        for (Map.Entry<Integer, Integer> e : k.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = 0;
            out[i++] = 1;
            out[i++] = e.getValue();
        }
        return out;
    }
}
