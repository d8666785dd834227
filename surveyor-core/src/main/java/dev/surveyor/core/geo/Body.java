package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * A celestial body's reference surface: an ellipsoid of revolution (a sphere when the inverse
 * flattening is 0, as in WKT).
 *
 * <p>Constants: {@link #EARTH} is the WGS 84 ellipsoid (a = 6378137 m, 1/f = 298.257223563); {@link
 * #EARTH_SPHERE} is the Earth's mean sphere R1 = (2a + b) / 3 = 6371008.7714 m (IUGG); {@link
 * #MOON} is the IAU sphere of radius 1737.4 km; {@link #MARS} the IAU sphere of radius 3396.19 km
 * (the radius of planetary simple-cylindrical mosaics).
 *
 * @param name a label, e.g. {@code "Moon"} (not used in comparisons by projection code)
 * @param semiMajorAxisM equatorial radius a in metres
 * @param inverseFlattening 1/f, or 0 for a sphere
 */
public record Body(String name, double semiMajorAxisM, double inverseFlattening) {
    /** WGS 84 ellipsoid (EPSG:7030). */
    public static final Body EARTH = new Body("WGS 84", 6378137.0, 298.257223563);

    /** The Earth's mean sphere R1 = (2a + b) / 3 of WGS 84, 6371008.7714 m. */
    public static final Body EARTH_SPHERE =
            new Body(
                    "Earth mean sphere",
                    (2 * 6378137.0 + 6378137.0 * (1 - 1 / 298.257223563)) / 3,
                    0);

    /** The Moon as a sphere of radius 1737.4 km (IAU). */
    public static final Body MOON = new Body("Moon", 1737400.0, 0);

    /** Mars as a sphere of radius 3396.19 km (IAU equatorial radius). */
    public static final Body MARS = new Body("Mars", 3396190.0, 0);

    public Body {
        Checks.notNull("name", name);
        Checks.positive("semiMajorAxisM", semiMajorAxisM);
        Checks.finite("inverseFlattening", inverseFlattening);
        if (inverseFlattening != 0 && inverseFlattening <= 1) {
            throw new IllegalArgumentException(
                    "inverseFlattening must be 0 (sphere) or > 1, got " + inverseFlattening);
        }
    }

    /** A sphere of the given radius in metres. */
    public static Body sphere(String name, double radiusM) {
        return new Body(name, radiusM, 0);
    }

    /**
     * The body with this radius and inverse flattening: one of the constants when both match
     * exactly (so that WKT {@code SPHEROID["Moon_localRadius",1737400,0]} gives {@link #MOON}),
     * else a new body named {@code name}.
     */
    public static Body of(String name, double semiMajorAxisM, double inverseFlattening) {
        for (Body b : new Body[] {EARTH, MOON, MARS, EARTH_SPHERE}) {
            if (b.semiMajorAxisM == semiMajorAxisM && b.inverseFlattening == inverseFlattening) {
                return b;
            }
        }
        return new Body(name, semiMajorAxisM, inverseFlattening);
    }

    /** Whether the surface is a sphere (inverse flattening 0). */
    public boolean isSphere() {
        return inverseFlattening == 0;
    }

    /** Flattening f = (a - b) / a (0 for a sphere). */
    public double flattening() {
        return isSphere() ? 0 : 1 / inverseFlattening;
    }

    /** Polar radius b in metres. */
    public double semiMinorAxisM() {
        return semiMajorAxisM * (1 - flattening());
    }

    /** First eccentricity squared e^2 = f (2 - f). */
    public double eccentricitySquared() {
        double f = flattening();
        return f * (2 - f);
    }

    /** Mean radius R1 = (2a + b) / 3 in metres (the radius itself for a sphere). */
    public double meanRadiusM() {
        return (2 * semiMajorAxisM + semiMinorAxisM()) / 3;
    }

    /**
     * Radius of curvature in the meridian M(lat) in metres: ground metres per radian of latitude.
     */
    public double meridionalRadiusM(double latDeg) {
        double e2 = eccentricitySquared();
        double s = Math.sin(Math.toRadians(latDeg));
        double w = 1 - e2 * s * s;
        return semiMajorAxisM * (1 - e2) / (w * Math.sqrt(w));
    }

    /**
     * Radius of curvature in the prime vertical N(lat) in metres; {@code N cos(lat)} is ground
     * metres per radian of longitude.
     */
    public double primeVerticalRadiusM(double latDeg) {
        double e2 = eccentricitySquared();
        double s = Math.sin(Math.toRadians(latDeg));
        return semiMajorAxisM / Math.sqrt(1 - e2 * s * s);
    }

    /**
     * Shortest distance on the surface between two points, in metres: exact great-circle
     * (haversine) on a sphere, Vincenty's inverse formula on an ellipsoid (sub-millimetre; for
     * nearly antipodal points where it does not converge, the great-circle distance on the mean
     * sphere is returned).
     */
    public double distanceM(double lon1Deg, double lat1Deg, double lon2Deg, double lat2Deg) {
        if (isSphere()) {
            return greatCircle(semiMajorAxisM, lon1Deg, lat1Deg, lon2Deg, lat2Deg);
        }
        double v = vincenty(lon1Deg, lat1Deg, lon2Deg, lat2Deg);
        return Double.isNaN(v) ? greatCircle(meanRadiusM(), lon1Deg, lat1Deg, lon2Deg, lat2Deg) : v;
    }

    private static double greatCircle(
            double r, double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double sdp = Math.sin((p2 - p1) / 2);
        double sdl = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sdp * sdp + Math.cos(p1) * Math.cos(p2) * sdl * sdl;
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private double vincenty(double lon1, double lat1, double lon2, double lat2) {
        double a = semiMajorAxisM;
        double f = flattening();
        double b = semiMinorAxisM();
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        for (int iter = 0; iter < 200; iter++) {
            double sinL = Math.sin(lambda);
            double cosL = Math.cos(lambda);
            double sinSigma =
                    Math.sqrt(
                            (cosU2 * sinL) * (cosU2 * sinL)
                                    + (cosU1 * sinU2 - sinU1 * cosU2 * cosL)
                                            * (cosU1 * sinU2 - sinU1 * cosU2 * cosL));
            if (sinSigma == 0) {
                return 0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
            double cos2Alpha = 1 - sinAlpha * sinAlpha;
            double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
            double prev = lambda;
            lambda =
                    l
                            + (1 - c)
                                    * f
                                    * sinAlpha
                                    * (sigma
                                            + c
                                                    * sinSigma
                                                    * (cos2SigmaM
                                                            + c
                                                                    * cosSigma
                                                                    * (-1
                                                                            + 2
                                                                                    * cos2SigmaM
                                                                                    * cos2SigmaM)));
            if (Math.abs(lambda - prev) < 1e-13) {
                double uSq = cos2Alpha * (a * a - b * b) / (b * b);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double dSigma =
                        bigB
                                * sinSigma
                                * (cos2SigmaM
                                        + bigB
                                                / 4
                                                * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                                                        - bigB
                                                                / 6
                                                                * cos2SigmaM
                                                                * (-3 + 4 * sinSigma * sinSigma)
                                                                * (-3
                                                                        + 4
                                                                                * cos2SigmaM
                                                                                * cos2SigmaM)));
                return b * bigA * (sigma - dSigma);
            }
        }
        return Double.NaN;
    }

    @Override
    public String toString() {
        return isSphere()
                ? name + " (sphere R=" + semiMajorAxisM + " m)"
                : name + " (a=" + semiMajorAxisM + " m, 1/f=" + inverseFlattening + ")";
    }
}
