package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transverse Mercator on an ellipsoid, with Krüger's series to sixth order in the third flattening
 * n (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85; the
 * algorithm PROJ uses for {@code +proj=tmerc} and {@code +proj=utm}). Within a UTM zone (and up to
 * a few thousand km from the central meridian) the error is below a micrometre, far under the
 * millimetre this project needs; {@link #utm(int, boolean)} builds EPSG 326xx/327xx.
 *
 * <p>Formulas: conformal latitude via {@code tau' = tau sqrt(1 + sigma^2) - sigma sqrt(1 + tau^2)},
 * Gauss-Schreiber coordinates {@code (xi', eta')}, then the alpha series forward and beta series
 * inverse (summed with Clenshaw's recurrence in complex arithmetic, as Karney does); the inverse
 * solves for {@code tau} by Newton's method (Karney eqs. 19-21). {@code x = FE + k0 A eta}, {@code
 * y = FN + k0 (A xi - M0)}, where {@code M0} is the meridian distance of the latitude of origin.
 *
 * @param body the ellipsoid (a sphere works too)
 * @param centralMeridianDeg lon0
 * @param latitudeOfOriginDeg lat0
 * @param scaleFactor k0 on the central meridian (0.9996 for UTM)
 * @param falseEastingM FE (500000 for UTM)
 * @param falseNorthingM FN (0 north, 10000000 south for UTM)
 */
public record TransverseMercatorProjection(
        Body body,
        double centralMeridianDeg,
        double latitudeOfOriginDeg,
        double scaleFactor,
        double falseEastingM,
        double falseNorthingM)
        implements MapProjection {

    public TransverseMercatorProjection {
        Checks.notNull("body", body);
        Checks.finite("centralMeridianDeg", centralMeridianDeg);
        Checks.inRange("latitudeOfOriginDeg", latitudeOfOriginDeg, -90, 90);
        Checks.positive("scaleFactor", scaleFactor);
        Checks.finite("falseEastingM", falseEastingM);
        Checks.finite("falseNorthingM", falseNorthingM);
    }

    /**
     * UTM on WGS 84: zone 1..60 (central meridian {@code 6 * zone - 183} degrees), k0 = 0.9996, FE
     * = 500 km, FN = 0 (north, EPSG 326zz) or 10000 km (south, EPSG 327zz).
     */
    public static TransverseMercatorProjection utm(int zone, boolean north) {
        Checks.inRange("UTM zone", zone, 1, 60);
        return new TransverseMercatorProjection(
                Body.EARTH, 6.0 * zone - 183, 0, 0.9996, 500000, north ? 0 : 10000000);
    }

    @Override
    public MapUnit mapUnit() {
        return MapUnit.METRE;
    }

    @Override
    public double[] fromLonLat(double lonDeg, double latDeg) {
        Series s = Series.of(body);
        double[] xe =
                s.forward(Math.toRadians(latDeg), Math.toRadians(lonDeg - centralMeridianDeg));
        double m0 = s.forward(Math.toRadians(latitudeOfOriginDeg), 0)[0];
        return new double[] {
            falseEastingM + scaleFactor * s.bigA * xe[1],
            falseNorthingM + scaleFactor * s.bigA * (xe[0] - m0)
        };
    }

    @Override
    public double[] toLonLat(double x, double y) {
        Series s = Series.of(body);
        double m0 = meridianXi(s);
        double xi = (y - falseNorthingM) / (scaleFactor * s.bigA) + m0;
        double eta = (x - falseEastingM) / (scaleFactor * s.bigA);
        double[] latLon = s.inverse(xi, eta);
        return new double[] {
            centralMeridianDeg + Math.toDegrees(latLon[1]), Math.toDegrees(latLon[0])
        };
    }

    /** Rectifying-latitude term xi of the latitude of origin (0 for the equator). */
    private double meridianXi(Series s) {
        return latitudeOfOriginDeg == 0 ? 0 : s.forward(Math.toRadians(latitudeOfOriginDeg), 0)[0];
    }

    /** Krüger series coefficients of one ellipsoid. */
    private static final class Series {
        final double e;
        final double e2;
        final double bigA;
        final double[] alpha = new double[7];
        final double[] beta = new double[7];

        private Series(Body body) {
            double f = body.flattening();
            e2 = f * (2 - f);
            e = Math.sqrt(e2);
            double n = f / (2 - f);
            double n2 = n * n;
            double n3 = n2 * n;
            double n4 = n3 * n;
            double n5 = n4 * n;
            double n6 = n5 * n;
            bigA = body.semiMajorAxisM() / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
            alpha[1] =
                    n / 2
                            - 2 * n2 / 3
                            + 5 * n3 / 16
                            + 41 * n4 / 180
                            - 127 * n5 / 288
                            + 7891 * n6 / 37800;
            alpha[2] =
                    13 * n2 / 48
                            - 3 * n3 / 5
                            + 557 * n4 / 1440
                            + 281 * n5 / 630
                            - 1983433 * n6 / 1935360;
            alpha[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
            alpha[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
            alpha[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
            alpha[6] = 212378941 * n6 / 319334400;
            beta[1] =
                    n / 2
                            - 2 * n2 / 3
                            + 37 * n3 / 96
                            - n4 / 360
                            - 81 * n5 / 512
                            + 96199 * n6 / 604800;
            beta[2] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
            beta[3] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
            beta[4] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
            beta[5] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
            beta[6] = 20648693 * n6 / 638668800;
        }

        /** Coefficients per ellipsoid, computed once (few distinct bodies exist). */
        private static final Map<Body, Series> CACHE = new ConcurrentHashMap<>();

        static Series of(Body body) {
            return CACHE.computeIfAbsent(body, Series::new);
        }

        /** {xi, eta} (dimensionless, multiply by A) of geodetic lat and lon-lon0 in radians. */
        double[] forward(double lat, double dLon) {
            double tau = Math.tan(lat);
            double tauP = conformal(tau);
            double cosL = Math.cos(dLon);
            double xiP;
            double etaP;
            if (Math.abs(lat) >= Math.PI / 2) {
                xiP = Math.copySign(Math.PI / 2, lat);
                etaP = 0;
            } else {
                xiP = Math.atan2(tauP, cosL);
                etaP = asinh(Math.sin(dLon) / Math.hypot(tauP, cosL));
            }
            double[] d = sinSeries(alpha, 2 * xiP, 2 * etaP);
            double xi = xiP + d[0];
            double eta = etaP + d[1];
            return new double[] {xi, eta};
        }

        /** {lat, lon - lon0} in radians of dimensionless {xi, eta}. */
        double[] inverse(double xi, double eta) {
            double[] d = sinSeries(beta, 2 * xi, 2 * eta);
            double xiP = xi - d[0];
            double etaP = eta - d[1];
            double sinhEtaP = Math.sinh(etaP);
            double cosXiP = Math.cos(xiP);
            double tauP = Math.sin(xiP) / Math.hypot(sinhEtaP, cosXiP);
            double dLon = Math.atan2(sinhEtaP, cosXiP);
            double tau = tauP;
            for (int iter = 0; iter < 10; iter++) {
                double tauI = conformal(tau);
                double dTau =
                        (tauP - tauI)
                                / Math.sqrt(1 + tauI * tauI)
                                * (1 + (1 - e2) * tau * tau)
                                / ((1 - e2) * Math.sqrt(1 + tau * tau));
                tau += dTau;
                if (Math.abs(dTau) <= 1e-14 * Math.max(1, Math.abs(tau))) {
                    break;
                }
            }
            return new double[] {Math.atan(tau), dLon};
        }

        /**
         * {@code sum_{k=1..6} a[k] sin(k z)} for complex {@code z = x + i y} by Clenshaw's
         * recurrence ({@code b_k = a_k + 2 cos(z) b_(k+1) - b_(k+2)}, sum = {@code b_1 sin(z)}),
         * which needs one sin, cos, sinh and cosh instead of six of each. Returns {re, im}: {@code
         * sum a_k sin(kx) cosh(ky)} and {@code sum a_k cos(kx) sinh(ky)}.
         */
        private static double[] sinSeries(double[] a, double x, double y) {
            double sx = Math.sin(x);
            double cx = Math.cos(x);
            double shy = Math.sinh(y);
            double chy = Math.cosh(y);
            double cr = 2 * cx * chy;
            double ci = -2 * sx * shy;
            double b1r = 0;
            double b1i = 0;
            double b2r = 0;
            double b2i = 0;
            for (int k = a.length - 1; k >= 1; k--) {
                double br = a[k] + cr * b1r - ci * b1i - b2r;
                double bi = cr * b1i + ci * b1r - b2i;
                b2r = b1r;
                b2i = b1i;
                b1r = br;
                b1i = bi;
            }
            double szr = sx * chy;
            double szi = cx * shy;
            return new double[] {b1r * szr - b1i * szi, b1r * szi + b1i * szr};
        }

        private double conformal(double tau) {
            if (e == 0) {
                return tau;
            }
            double sigma = Math.sinh(e * atanh(e * tau / Math.sqrt(1 + tau * tau)));
            return tau * Math.sqrt(1 + sigma * sigma) - sigma * Math.sqrt(1 + tau * tau);
        }

        private static double asinh(double x) {
            double ax = Math.abs(x);
            return Math.copySign(Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax))), x);
        }

        private static double atanh(double x) {
            return 0.5 * Math.log1p(2 * x / (1 - x));
        }
    }
}
