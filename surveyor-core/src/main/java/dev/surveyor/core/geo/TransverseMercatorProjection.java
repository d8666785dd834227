package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * Transverse Mercator on an ellipsoid, with Krüger's series to sixth order in the third flattening
 * n (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85; the
 * algorithm PROJ uses for {@code +proj=tmerc} and {@code +proj=utm}). Within a UTM zone (and up to
 * a few thousand km from the central meridian) the error is below a micrometre, far under the
 * millimetre this project needs; {@link #utm(int, boolean)} builds EPSG 326xx/327xx.
 *
 * <p>Formulas: conformal latitude via {@code tau' = tau sqrt(1 + sigma^2) - sigma sqrt(1 + tau^2)},
 * Gauss-Schreiber coordinates {@code (xi', eta')}, then the alpha series forward and beta series
 * inverse; the inverse solves for {@code tau} by Newton's method (Karney eqs. 19-21). {@code x =
 * FE + k0 A eta}, {@code y = FN + k0 (A xi - M0)}, where {@code M0} is the meridian distance of the
 * latitude of origin.
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
     * UTM on WGS 84: zone 1..60 (central meridian {@code 6 * zone - 183} degrees), k0 = 0.9996, FE =
     * 500 km, FN = 0 (north, EPSG 326zz) or 10000 km (south, EPSG 327zz).
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
        double[] xe = s.forward(Math.toRadians(latDeg), Math.toRadians(lonDeg - centralMeridianDeg));
        double m0 = s.forward(Math.toRadians(latitudeOfOriginDeg), 0)[0];
        return new double[] {
            falseEastingM + scaleFactor * s.bigA * xe[1],
            falseNorthingM + scaleFactor * s.bigA * (xe[0] - m0)
        };
    }

    @Override
    public double[] toLonLat(double x, double y) {
        Series s = Series.of(body);
        double m0 = s.forward(Math.toRadians(latitudeOfOriginDeg), 0)[0];
        double xi = (y - falseNorthingM) / (scaleFactor * s.bigA) + m0;
        double eta = (x - falseEastingM) / (scaleFactor * s.bigA);
        double[] latLon = s.inverse(xi, eta);
        return new double[] {centralMeridianDeg + Math.toDegrees(latLon[1]), Math.toDegrees(latLon[0])};
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
                    n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288
                            + 7891 * n6 / 37800;
            alpha[2] =
                    13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630
                            - 1983433 * n6 / 1935360;
            alpha[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
            alpha[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
            alpha[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
            alpha[6] = 212378941 * n6 / 319334400;
            beta[1] =
                    n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512
                            + 96199 * n6 / 604800;
            beta[2] =
                    n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
            beta[3] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
            beta[4] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
            beta[5] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
            beta[6] = 20648693 * n6 / 638668800;
        }

        static Series of(Body body) {
            return new Series(body);
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
            double xi = xiP;
            double eta = etaP;
            for (int j = 1; j <= 6; j++) {
                xi += alpha[j] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
                eta += alpha[j] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
            }
            return new double[] {xi, eta};
        }

        /** {lat, lon - lon0} in radians of dimensionless {xi, eta}. */
        double[] inverse(double xi, double eta) {
            double xiP = xi;
            double etaP = eta;
            for (int j = 1; j <= 6; j++) {
                xiP -= beta[j] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
                etaP -= beta[j] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
            }
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
