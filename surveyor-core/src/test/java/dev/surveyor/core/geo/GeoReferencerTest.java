package dev.surveyor.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoReferencerTest {
    private static final double MOON_M_PER_DEG = 2 * Math.PI * 1737400.0 / 360;

    /**
     * A 1000 x 800 Moon simple-cylindrical mosaic of 100 m pixels, west edge at 170 E, north at 10
     * N.
     */
    static GridGeometry moonGrid() {
        double left = -10 * MOON_M_PER_DEG;
        double top = 10 * MOON_M_PER_DEG;
        return new GridGeometry(
                1000,
                800,
                GeoTransform.northUp(left, top, 100, 100),
                Crs.wkt(ProjectionsTest.MOON_SIMPLE_CYLINDRICAL));
    }

    @Test
    void moonPixelToLonLatKnownAnswers() {
        GeoReferencer g = GeoReferencer.of(moonGrid());
        double[] ll = g.pixelToLonLat(0, 0);
        assertEquals(170, ll[0], 1e-12);
        assertEquals(10, ll[1], 1e-12);
        // one degree east of the corner is MOON_M_PER_DEG / 100 pixels to the right
        double[] px = g.lonLatToPixel(171, 10);
        assertEquals(MOON_M_PER_DEG / 100, px[0], 1e-9);
        assertEquals(0, px[1], 1e-9);
        double[] c = g.pixelCenterToLonLat(0, 0);
        assertEquals(170 + 50 / MOON_M_PER_DEG, c[0], 1e-12);
    }

    @Test
    void roundTripsToANanoPixel() {
        GridGeometry[] grids = {
            moonGrid(),
            new GridGeometry(
                    4000, 4000, GeoTransform.northUp(440000, 4420000, 2.5, 2.5), Crs.epsg(32650)),
            new GridGeometry(3600, 1800, GeoTransform.northUp(-180, 90, 0.1, 0.1), Crs.epsg(4326)),
            new GridGeometry(
                    500,
                    700,
                    new GeoTransform(500100, 9.8, 1.7, 1200, -1.6, -9.9, PixelAnchor.CENTER),
                    Crs.epsg(32733)),
            new GridGeometry(2000, 1000, GeoTransform.northUp(-2e6, 1e6, 463, 463), Crs.epsg(4087)),
        };
        Random rnd = new Random(11);
        for (GridGeometry grid : grids) {
            GeoReferencer g = GeoReferencer.of(grid);
            // 1e-9 px, or a few ulps of the map coordinates where those are coarser (UTM northings
            // near 4.4e6 m are representable only to 9.3e-10 m = 3.7e-10 of a 2.5 m pixel)
            double[] ext = grid.extent();
            double maxAbs =
                    Math.max(
                            Math.max(Math.abs(ext[0]), Math.abs(ext[2])),
                            Math.max(Math.abs(ext[1]), Math.abs(ext[3])));
            double px =
                    Math.min(
                            Math.hypot(grid.toCrs().dxCol(), grid.toCrs().dyCol()),
                            Math.hypot(grid.toCrs().dxRow(), grid.toCrs().dyRow()));
            double tol = Math.max(1e-9, 4 * Math.ulp(maxAbs) / px);
            for (int i = 0; i < 500; i++) {
                double col = rnd.nextDouble() * grid.width();
                double row = rnd.nextDouble() * grid.height();
                double[] ll = g.pixelToLonLat(col, row);
                double[] back = g.lonLatToPixel(ll[0], ll[1]);
                assertEquals(col, back[0], tol, grid.crs() + " col");
                assertEquals(row, back[1], tol, grid.crs() + " row");
            }
        }
    }

    @Test
    void pixelSizeOnTheMoon() {
        GeoReferencer g = GeoReferencer.of(moonGrid());
        PixelGroundSize eq = g.pixelSizeAtLat(0);
        assertEquals(0.1, eq.xKm(), 1e-9);
        assertEquals(0.1, eq.yKm(), 1e-9);
        PixelGroundSize s60 = g.pixelSizeAtLat(60);
        assertEquals(50, s60.xM(), 1e-6);
        assertEquals(100, s60.yM(), 1e-9);
        assertEquals(Math.sqrt(5000), s60.meanM(), 1e-6);
        // a crater 10 px wide at the equator is 1 km
        assertEquals(1.0, 10 * eq.xKm(), 1e-9);
        assertEquals(100 * 100, g.groundDistanceM(0, 300, 0, 400), 1e-6);
    }

    @Test
    void pixelSizeOnAGeographicEarthGrid() {
        // 0.001 degree pixels: x ground size = N(lat) cos(lat) * dLon, y = M(lat) * dLat (to 1e-7)
        GridGeometry grid =
                new GridGeometry(
                        100, 100, GeoTransform.northUp(10, 50, 0.001, 0.001), Crs.epsg(4326));
        GeoReferencer g = GeoReferencer.of(grid);
        for (double lat : new double[] {0, 30, 49.95, 75}) {
            PixelGroundSize s = g.pixelSizeAtLat(lat);
            double rad = Math.toRadians(0.001);
            double x = Body.EARTH.primeVerticalRadiusM(lat) * Math.cos(Math.toRadians(lat)) * rad;
            double y = Body.EARTH.meridionalRadiusM(lat) * rad;
            assertEquals(x, s.xM(), 1e-7 * x, "x at " + lat);
            assertEquals(y, s.yM(), 1e-7 * y, "y at " + lat);
        }
    }

    @Test
    void utmPixelsAreNearlyTheirNominalSize() {
        // a UTM 10 m pixel on the central meridian is 10 / 0.9996 m on the ellipsoid
        GridGeometry grid =
                new GridGeometry(
                        100, 100, GeoTransform.northUp(499500, 4420000, 10, 10), Crs.epsg(32650));
        PixelGroundSize s = GeoReferencer.of(grid).pixelSizeM(50, 50);
        assertEquals(10 / 0.9996, s.xM(), 1e-6);
        assertEquals(10 / 0.9996, s.yM(), 1e-6);
    }

    @Test
    void agreesWithGdaltransformOnAUtmGrid() {
        RefTools.require("cs2cs");
        GridGeometry grid =
                new GridGeometry(
                        400, 400, GeoTransform.northUp(448000, 4417000, 2.5, 2.5), Crs.epsg(32650));
        GeoReferencer g = GeoReferencer.of(grid);
        StringBuilder in = new StringBuilder();
        double[][] px = {{0, 0}, {200.5, 17.25}, {399.5, 399.5}, {400, 400}};
        for (double[] p : px) {
            double[] m = grid.pixelToMap(p[0], p[1]);
            in.append(String.format(Locale.ROOT, "%.6f %.6f%n", m[0], m[1]));
        }
        var ref =
                RefTools.numbers(
                        RefTools.run(
                                in.toString(), "cs2cs", "-f", "%.12f", "EPSG:32650", "EPSG:4326"));
        for (int i = 0; i < px.length; i++) {
            double[] ll = g.pixelToLonLat(px[i][0], px[i][1]);
            assertEquals(ref.get(i)[1], ll[0], 1e-10, "lon " + i);
            assertEquals(ref.get(i)[0], ll[1], 1e-10, "lat " + i);
        }
    }

    @Test
    void agreesWithGdalOnPlanetaryMosaics(@TempDir Path dir) {
        RefTools.require("gdal_create", "--version");
        String[][] cases = {
            {"IAU_2015:30115", "-300000", "200000", "1000"},
            {"IAU_2015:49910", "1200000", "-500000", "463.5"},
            {"EPSG:32650", "448000", "4417000", "2.5"},
        };
        for (String[] c : cases) {
            Path tif = dir.resolve(c[0].replace(':', '_') + ".tif");
            double left = Double.parseDouble(c[1]);
            double top = Double.parseDouble(c[2]);
            double px = Double.parseDouble(c[3]);
            RefTools.run(
                    "",
                    "gdal_create",
                    "-of",
                    "GTiff",
                    "-outsize",
                    "40",
                    "30",
                    "-bands",
                    "1",
                    "-a_srs",
                    c[0],
                    "-a_ullr",
                    c[1],
                    c[2],
                    Double.toString(left + 40 * px),
                    Double.toString(top - 30 * px),
                    tif.toString());
            // the CRS as GDAL reads it back from the file, WKT2
            String wkt = RefTools.run("", "gdalsrsinfo", "-o", "wkt2", tif.toString()).trim();
            GridGeometry grid =
                    new GridGeometry(40, 30, GeoTransform.northUp(left, top, px, px), Crs.wkt(wkt));
            GeoReferencer g = GeoReferencer.of(grid);
            double[][] pts = {{0, 0}, {10.5, 3.25}, {39.99, 29.5}, {40, 30}};
            StringBuilder in = new StringBuilder();
            for (double[] p : pts) {
                in.append(String.format(Locale.ROOT, "%.6f %.6f%n", p[0], p[1]));
            }
            // gdaltransform from pixel/line to the base geographic CRS (lon, lat order)
            String baseGeog = baseGeographic(c[0]);
            var ref =
                    RefTools.numbers(
                            RefTools.run(
                                    in.toString(),
                                    "gdaltransform",
                                    "-output_xy",
                                    "-t_srs",
                                    baseGeog,
                                    tif.toString()));
            for (int i = 0; i < pts.length; i++) {
                double[] ll = g.pixelToLonLat(pts[i][0], pts[i][1]);
                assertEquals(ref.get(i)[0], ll[0], 1e-9, c[0] + " lon " + i);
                assertEquals(ref.get(i)[1], ll[1], 1e-9, c[0] + " lat " + i);
            }
        }
    }

    private static String baseGeographic(String code) {
        return switch (code) {
            case "IAU_2015:30115" -> "IAU_2015:30100";
            case "IAU_2015:49910" -> "IAU_2015:49900";
            default -> "EPSG:4326";
        };
    }

    @Test
    void gridWithoutCrsIsRejected() {
        GridGeometry grid = new GridGeometry(10, 10, GeoTransform.northUp(0, 0, 1, 1), null);
        assertThrows(IllegalArgumentException.class, () -> GeoReferencer.of(grid));
        GeoReferencer g = GeoReferencer.of(moonGrid());
        assertThrows(IllegalArgumentException.class, () -> g.pixelSizeAtLat(91));
    }
}
