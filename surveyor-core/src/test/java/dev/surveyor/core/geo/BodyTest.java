package dev.surveyor.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyTest {
    @Test
    void constants() {
        assertEquals(6378137.0, Body.EARTH.semiMajorAxisM());
        assertEquals(6356752.314245, Body.EARTH.semiMinorAxisM(), 1e-6);
        assertEquals(6371008.7714, Body.EARTH_SPHERE.semiMajorAxisM(), 1e-4);
        assertTrue(Body.EARTH_SPHERE.isSphere());
        assertEquals(1737400.0, Body.MOON.semiMajorAxisM());
        assertEquals(3396190.0, Body.MARS.semiMajorAxisM());
        assertTrue(Body.MOON.isSphere() && Body.MARS.isSphere() && !Body.EARTH.isSphere());
        assertEquals(0.00669437999014, Body.EARTH.eccentricitySquared(), 1e-14);
    }

    @Test
    void ofSnapsToConstants() {
        assertSame(Body.MOON, Body.of("Moon_localRadius", 1737400, 0));
        assertSame(Body.EARTH, Body.of("WGS_1984", 6378137, 298.257223563));
        assertEquals("Io", Body.of("Io", 1821600, 0).name());
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> Body.sphere("x", -1));
        assertThrows(IllegalArgumentException.class, () -> new Body("x", 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Body.sphere("x", Double.NaN));
    }

    @Test
    void radiiOfCurvature() {
        double a = 6378137.0;
        double e2 = Body.EARTH.eccentricitySquared();
        assertEquals(a * (1 - e2), Body.EARTH.meridionalRadiusM(0), 1e-6);
        assertEquals(a, Body.EARTH.primeVerticalRadiusM(0), 1e-9);
        assertEquals(a / Math.sqrt(1 - e2), Body.EARTH.primeVerticalRadiusM(90), 1e-6);
        assertEquals(1737400.0, Body.MOON.meridionalRadiusM(37), 1e-9);
    }

    @Test
    void oneDegreeOfLongitudeOnTheMoonEquator() {
        double expected = 2 * Math.PI * 1737400.0 / 360;
        assertEquals(expected, Body.MOON.distanceM(10, 0, 11, 0), 1e-6);
        assertEquals(expected, Body.MOON.distanceM(0, 10, 0, 11), 1e-6);
        // quarter great circle
        assertEquals(Math.PI / 2 * 3396190.0, Body.MARS.distanceM(0, 0, 0, 90), 1e-6);
        assertEquals(0, Body.EARTH.distanceM(5, 5, 5, 5));
    }

    @Test
    void vincentyKnownAnswer() {
        // Vincenty (1975) test line Flinders Peak -> Buninyong, on WGS 84 as PROJ's geod gives it.
        double d = Body.EARTH.distanceM(144.4248679, -37.9510334, 143.9264955, -37.6528211);
        assertEquals(54972.275, d, 1e-3);
        // one degree of longitude on the equator is a * pi / 180
        assertEquals(6378137.0 * Math.PI / 180, Body.EARTH.distanceM(0, 0, 1, 0), 1e-6);
    }

    @Test
    void vincentyAgreesWithGeod() {
        RefTools.require("geod");
        Random rnd = new Random(7);
        StringBuilder in = new StringBuilder();
        double[][] pts = new double[40][];
        for (int i = 0; i < pts.length; i++) {
            double lat1 = -80 + 160 * rnd.nextDouble();
            double lon1 = -180 + 360 * rnd.nextDouble();
            double lat2 = lat1 + (rnd.nextDouble() - 0.5) * (i < 20 ? 0.01 : 60);
            double lon2 = lon1 + (rnd.nextDouble() - 0.5) * (i < 20 ? 0.01 : 90);
            lat2 = Math.max(-89, Math.min(89, lat2));
            pts[i] = new double[] {lon1, lat1, lon2, lat2};
            in.append(
                    String.format(
                            Locale.ROOT, "%.10f %.10f %.10f %.10f%n", lat1, lon1, lat2, lon2));
        }
        List<double[]> out =
                RefTools.numbers(
                        RefTools.run(
                                in.toString(),
                                "geod",
                                "+ellps=WGS84",
                                "-I",
                                "-f",
                                "%.6f",
                                "+units=m"));
        for (int i = 0; i < pts.length; i++) {
            double[] p = pts[i];
            double d = Body.EARTH.distanceM(p[0], p[1], p[2], p[3]);
            // geod prints metres with 3 decimals
            assertEquals(out.get(i)[2], d, 6e-4, "line " + i);
        }
    }
}
