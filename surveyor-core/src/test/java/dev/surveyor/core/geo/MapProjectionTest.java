package dev.surveyor.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MapProjectionTest {
    private static final double MOON_M_PER_DEG = 2 * Math.PI * 1737400.0 / 360;

    @Test
    void moonEquirectangularOneDegreeAtTheEquator() {
        EquirectangularProjection p = EquirectangularProjection.of(Body.MOON, 0, 180);
        double[] a = p.fromLonLat(180, 0);
        double[] b = p.fromLonLat(181, 0);
        assertEquals(0, a[0], 1e-9);
        assertEquals(MOON_M_PER_DEG, b[0] - a[0], 1e-6);
        assertEquals(MOON_M_PER_DEG, p.fromLonLat(180, 1)[1], 1e-6);
        // standard parallel 30: x shrinks by cos(30)
        EquirectangularProjection q = EquirectangularProjection.of(Body.MOON, 30, 0);
        assertEquals(MOON_M_PER_DEG * Math.cos(Math.toRadians(30)), q.fromLonLat(1, 50)[0], 1e-6);
        assertEquals(MOON_M_PER_DEG * 50, q.fromLonLat(1, 50)[1], 1e-6);
    }

    @Test
    void equirectangularFalseOriginAndRoundTrip() {
        var p = new EquirectangularProjection(Body.MARS, 15, 90, 5, 1000, -2000);
        double[] xy = p.fromLonLat(90, 5);
        assertEquals(1000, xy[0], 1e-9);
        assertEquals(-2000, xy[1], 1e-9);
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            double lon = -180 + 540 * rnd.nextDouble();
            double lat = -89 + 178 * rnd.nextDouble();
            double[] m = p.fromLonLat(lon, lat);
            double[] ll = p.toLonLat(m[0], m[1]);
            assertEquals(lon, ll[0], 1e-10);
            assertEquals(lat, ll[1], 1e-10);
        }
        assertTrue(Double.isNaN(p.toLonLat(0, 1e9)[1]));
    }

    @Test
    void equirectangularRejectsBadParameters() {
        assertThrows(
                IllegalArgumentException.class,
                () -> EquirectangularProjection.of(Body.MOON, 90, 0));
        assertThrows(
                IllegalArgumentException.class, () -> EquirectangularProjection.of(null, 0, 0));
    }

    @Test
    void epsg4087KnownAnswer() {
        // cs2cs EPSG:4326 EPSG:4087 <<< "45 45"  ->  5009377.085697 5009377.085697 (PROJ 9.1)
        double[] xy = EquirectangularProjection.earthWorld().fromLonLat(45, 45);
        assertEquals(5009377.085697, xy[0], 1e-6);
        assertEquals(5009377.085697, xy[1], 1e-6);
    }

    @Test
    void utmKnownAnswer() {
        // cs2cs EPSG:4326 EPSG:32650 <<< "39.9 116.4" (Beijing) -> 448709.380192 4416830.562172
        var utm = TransverseMercatorProjection.utm(50, true);
        double[] xy = utm.fromLonLat(116.4, 39.9);
        assertEquals(448709.380192, xy[0], 1e-6);
        assertEquals(4416830.562172, xy[1], 1e-6);
        double[] ll = utm.toLonLat(448709.380192, 4416830.562172);
        assertEquals(116.4, ll[0], 1e-11);
        assertEquals(39.9, ll[1], 1e-11);
        // on the central meridian at the equator: (FE, FN)
        double[] o = TransverseMercatorProjection.utm(31, false).fromLonLat(3, 0);
        assertEquals(500000, o[0], 1e-9);
        assertEquals(10000000, o[1], 1e-9);
    }

    @Test
    void transverseMercatorRoundTrip() {
        Random rnd = new Random(2);
        var tm = new TransverseMercatorProjection(Body.EARTH, 9, 20, 0.9999, 3500000, -100);
        for (int i = 0; i < 2000; i++) {
            double lon = 9 + (rnd.nextDouble() - 0.5) * 20;
            double lat = -85 + 170 * rnd.nextDouble();
            double[] m = tm.fromLonLat(lon, lat);
            double[] ll = tm.toLonLat(m[0], m[1]);
            assertEquals(lon, ll[0], 1e-11, "lon at " + lon + "," + lat);
            assertEquals(lat, ll[1], 1e-11, "lat at " + lon + "," + lat);
        }
        // the latitude of origin maps to the false northing on the central meridian
        assertEquals(-100, tm.fromLonLat(9, 20)[1], 1e-9);
    }

    @Test
    void utmAgreesWithProj() {
        RefTools.require("cs2cs");
        for (int zone : new int[] {50, 33}) {
            for (boolean north : new boolean[] {true, false}) {
                int code = (north ? 32600 : 32700) + zone;
                var utm = TransverseMercatorProjection.utm(zone, north);
                double lon0 = 6.0 * zone - 183;
                Random rnd = new Random(code);
                List<double[]> pts = new ArrayList<>();
                StringBuilder in = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                    double lon = lon0 + (rnd.nextDouble() - 0.5) * (i < 150 ? 6 : 16);
                    double lat = (north ? 1 : -1) * (80 * rnd.nextDouble());
                    pts.add(new double[] {lon, lat});
                    in.append(String.format(Locale.ROOT, "%.12f %.12f%n", lat, lon));
                }
                List<double[]> ref =
                        RefTools.numbers(
                                RefTools.run(
                                        in.toString(),
                                        "cs2cs",
                                        "-f",
                                        "%.6f",
                                        "EPSG:4326",
                                        "EPSG:" + code));
                for (int i = 0; i < pts.size(); i++) {
                    double[] xy = utm.fromLonLat(pts.get(i)[0], pts.get(i)[1]);
                    // cs2cs prints 6 decimals: agreement to about a micrometre
                    assertEquals(ref.get(i)[0], xy[0], 2e-6, "x of " + code + " point " + i);
                    assertEquals(ref.get(i)[1], xy[1], 2e-6, "y of " + code + " point " + i);
                }
                // inverse, from PROJ's map coordinates
                StringBuilder back = new StringBuilder();
                for (double[] r : ref) {
                    back.append(String.format(Locale.ROOT, "%.6f %.6f%n", r[0], r[1]));
                }
                List<double[]> ll =
                        RefTools.numbers(
                                RefTools.run(
                                        back.toString(),
                                        "cs2cs",
                                        "-f",
                                        "%.12f",
                                        "EPSG:" + code,
                                        "EPSG:4326"));
                for (int i = 0; i < ref.size(); i++) {
                    double[] ours = utm.toLonLat(ref.get(i)[0], ref.get(i)[1]);
                    assertEquals(ll.get(i)[1], ours[0], 1e-10, "lon of " + code + " point " + i);
                    assertEquals(ll.get(i)[0], ours[1], 1e-10, "lat of " + code + " point " + i);
                }
            }
        }
    }

    @Test
    void worldEquidistantCylindricalAgreesWithProj() {
        RefTools.require("cs2cs");
        Random rnd = new Random(3);
        List<double[]> pts = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            double lon = -180 + 360 * rnd.nextDouble();
            double lat = -89 + 178 * rnd.nextDouble();
            pts.add(new double[] {lon, lat});
            in.append(String.format(Locale.ROOT, "%.12f %.12f%n", lat, lon));
        }
        for (String code : new String[] {"EPSG:4087", "EPSG:32662"}) {
            List<double[]> ref =
                    RefTools.numbers(
                            RefTools.run(in.toString(), "cs2cs", "-f", "%.6f", "EPSG:4326", code));
            for (int i = 0; i < pts.size(); i++) {
                double[] xy =
                        EquirectangularProjection.earthWorld()
                                .fromLonLat(pts.get(i)[0], pts.get(i)[1]);
                assertEquals(ref.get(i)[0], xy[0], 2e-6, code + " x " + i);
                assertEquals(ref.get(i)[1], xy[1], 2e-6, code + " y " + i);
            }
        }
    }

    @Test
    void geographicIsTheIdentity() {
        var g = new GeographicProjection(Body.MOON);
        assertEquals(270.5, g.fromLonLat(270.5, -3)[0]);
        assertEquals(-3, g.toLonLat(270.5, -3)[1]);
        assertEquals(MapProjection.MapUnit.DEGREE, g.mapUnit());
    }
}
