package dev.surveyor.io.envi;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelAnchor;
import dev.surveyor.core.raster.RasterFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts ENVI {@code map info} (and {@code coordinate system string}) to and from {@link
 * GridGeometry}, following GDAL's ENVI driver.
 *
 * <p>{@code map info = {name, refX, refY, easting, northing, sizeX, sizeY[, zone, North|South],
 * datum[, units=...][, rotation=deg]}}. The reference pixel {@code (refX, refY)} is <b>1-based</b>:
 * {@code (1, 1)} is the top-left corner of the top-left pixel and {@code (1.5, 1.5)} its centre, so
 * in our 0-based, corner-anchored pixel coordinates the reference point is {@code (refX - 1, refY -
 * 1)}. Pixel sizes are positive; y grows downwards in the image and northing decreases. With {@code
 * rotation = t} degrees the GDAL geotransform is {@code [x0, sizeX cos t, sizeX sin t, y0, sizeY
 * sin t, -sizeY cos t]} with {@code x0 = easting - (refX - 1) * sizeX} and {@code y0 = northing +
 * (refY - 1) * sizeY}; like GDAL 3.6 (checked against it) the reference-pixel offset ignores the
 * rotation, which only matters for rotated headers whose reference pixel is not (1, 1).
 *
 * <p>CRS: the WKT of {@code coordinate system string} when present; the EPSG code is taken from
 * {@code map info} for {@code UTM} (WGS-84, zone and hemisphere: 326zz/327zz) and {@code Geographic
 * Lat/Lon} (WGS-84: 4326), else from a trailing {@code AUTHORITY["EPSG","n"]} or {@code
 * ID["EPSG",n]} of the WKT, else from the key {@code surveyor epsg} that {@link EnviWriter} writes
 * for codes it cannot express otherwise.
 */
public final class EnviMapInfo {
    private EnviMapInfo() {}

    private static final Pattern WKT1_EPSG =
            Pattern.compile("AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*\\]\\s*\\]\\s*$");
    private static final Pattern WKT2_EPSG =
            Pattern.compile("ID\\[\\s*\"EPSG\"\\s*,\\s*(\\d+)\\s*\\]\\s*\\]\\s*$");

    /**
     * The grid geometry the header describes, or empty when it has no {@code map info}.
     *
     * @throws RasterFormatException naming the field when {@code map info} is malformed
     */
    public static Optional<GridGeometry> read(EnviHeader h, int width, int height)
            throws RasterFormatException {
        List<String> f = h.list("map info");
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (f.size() < 7) {
            throw new RasterFormatException(
                    h.file(),
                    "map info has "
                            + f.size()
                            + " fields, needs at least 7: {"
                            + String.join(", ", f)
                            + "}");
        }
        String[] names = {
            "",
            "reference pixel x",
            "reference pixel y",
            "easting",
            "northing",
            "pixel size x",
            "pixel size y"
        };
        double[] v = new double[7];
        for (int i = 1; i < 7; i++) {
            v[i] = h.parseDouble("map info field " + (i + 1) + " (" + names[i] + ")", f.get(i));
            if (!Double.isFinite(v[i])) {
                throw new RasterFormatException(
                        h.file(), "map info " + names[i] + " = '" + f.get(i) + "' is not finite");
            }
        }
        if (v[5] == 0 || v[6] == 0) {
            throw new RasterFormatException(
                    h.file(),
                    "map info pixel size " + f.get(5) + " x " + f.get(6) + " must not be 0");
        }
        double rotDeg = 0;
        for (int i = 7; i < f.size(); i++) {
            String s = f.get(i).replace(" ", "").toLowerCase(Locale.ROOT);
            if (s.startsWith("rotation=")) {
                rotDeg = h.parseDouble("map info rotation", s.substring("rotation=".length()));
            }
        }
        double t = Math.toRadians(rotDeg);
        double sx = v[5];
        double sy = v[6];
        double a = sx * Math.cos(t);
        double b = sx * Math.sin(t);
        double d = sy * Math.sin(t);
        double e = -sy * Math.cos(t);
        if (rotDeg == 0) {
            b = 0;
            d = 0;
        }
        // As GDAL 3.6: the offset from the reference pixel to the corner of pixel (0, 0) uses the
        // unrotated pixel sizes, even when a rotation is given (same result for the usual (1, 1)).
        double x0 = v[3] - (v[1] - 1) * sx;
        double y0 = v[4] + (v[2] - 1) * sy;
        GeoTransform gt;
        try {
            gt = new GeoTransform(x0, a, b, y0, d, e, PixelAnchor.CORNER);
        } catch (IllegalArgumentException ex) {
            throw new RasterFormatException(
                    h.file(), "map info gives a bad geotransform: " + ex.getMessage());
        }
        return Optional.of(new GridGeometry(width, height, gt, crs(h, f)));
    }

    private static Crs crs(EnviHeader h, List<String> f) throws RasterFormatException {
        String wkt = h.get("coordinate system string").map(String::trim).orElse(null);
        if (wkt != null && wkt.isEmpty()) {
            wkt = null;
        }
        int epsg = epsgFromMapInfo(f);
        if (epsg == 0 && wkt != null) {
            epsg = epsgFromWkt(wkt);
        }
        if (epsg == 0 && h.get("surveyor epsg").isPresent()) {
            long code = h.getLong("surveyor epsg", null);
            if (code <= 0 || code > Integer.MAX_VALUE) {
                throw new RasterFormatException(
                        h.file(), "surveyor epsg = " + code + " must be positive");
            }
            epsg = (int) code;
        }
        if (epsg == 0 && wkt == null) {
            return null;
        }
        return new Crs(epsg, wkt);
    }

    static int epsgFromMapInfo(List<String> f) {
        String name = f.get(0).trim().toLowerCase(Locale.ROOT);
        String datum = "";
        for (int i = 7; i < f.size(); i++) {
            String s = f.get(i).trim().toLowerCase(Locale.ROOT);
            if (s.startsWith("wgs-84") || s.startsWith("wgs84") || s.startsWith("wgs 84")) {
                datum = "wgs84";
            }
        }
        if (!datum.equals("wgs84")) {
            return 0;
        }
        if (name.equals("geographic lat/lon")) {
            return 4326;
        }
        if (name.equals("utm") && f.size() >= 9) {
            try {
                int zone = Integer.parseInt(f.get(7).trim());
                String hemi = f.get(8).trim().toLowerCase(Locale.ROOT);
                if (zone >= 1 && zone <= 60) {
                    if (hemi.equals("north")) {
                        return 32600 + zone;
                    }
                    if (hemi.equals("south")) {
                        return 32700 + zone;
                    }
                }
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static int epsgFromWkt(String wkt) {
        for (Pattern p : new Pattern[] {WKT1_EPSG, WKT2_EPSG}) {
            Matcher m = p.matcher(wkt);
            if (m.find()) {
                try {
                    return Integer.parseInt(m.group(1));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * The {@code map info} value (without braces) for a geometry: the reference pixel is (1, 1),
     * the top-left corner. WGS-84 UTM (EPSG 326zz/327zz) and geographic (4326) CRSs are named so
     * that GDAL derives the CRS from {@code map info} alone; anything else is {@code Arbitrary}.
     *
     * @throws IllegalArgumentException when the geotransform has shear that ENVI's single rotation
     *     angle cannot express
     */
    public static String format(GridGeometry g) {
        GeoTransform c = g.toCrs().toCorner();
        double sx;
        double sy;
        double rotDeg = 0;
        if (c.dxRow() == 0 && c.dyCol() == 0 && c.dxCol() > 0 && c.dyRow() < 0) {
            sx = c.dxCol();
            sy = -c.dyRow();
        } else {
            sx = Math.hypot(c.dxCol(), c.dxRow());
            sy = Math.hypot(c.dyCol(), c.dyRow());
            double t1 = Math.atan2(c.dxRow(), c.dxCol());
            double t2 = Math.atan2(c.dyCol(), -c.dyRow());
            if (Math.abs(Math.IEEEremainder(t1 - t2, 2 * Math.PI)) > 1e-9) {
                throw new IllegalArgumentException(
                        "ENVI map info cannot express the geotransform "
                                + java.util.Arrays.toString(c.toGdal())
                                + " (shear or flip; only a rotation is allowed)");
            }
            rotDeg = Math.toDegrees(t1);
        }
        List<String> f = new ArrayList<>();
        int epsg = g.crs() == null ? 0 : g.crs().epsg();
        if (epsg == 4326) {
            f.add("Geographic Lat/Lon");
        } else if ((epsg > 32600 && epsg <= 32660) || (epsg > 32700 && epsg <= 32760)) {
            f.add("UTM");
        } else {
            f.add("Arbitrary");
        }
        f.add("1");
        f.add("1");
        f.add(num(c.x0()));
        f.add(num(c.y0()));
        f.add(num(sx));
        f.add(num(sy));
        if (f.get(0).equals("UTM")) {
            f.add(Integer.toString(epsg % 100));
            f.add(epsg < 32700 ? "North" : "South");
            f.add("WGS-84");
        } else if (epsg == 4326) {
            f.add("WGS-84");
        }
        if (rotDeg != 0) {
            f.add("rotation=" + num(rotDeg));
        }
        return String.join(", ", f);
    }

    /** Shortest decimal that reads back as the same double. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
