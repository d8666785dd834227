package dev.surveyor.craters.sfd;

import dev.surveyor.core.util.Checks;

/**
 * The lunar production and chronology functions of Neukum (1983), with the coefficients CraterStats
 * uses ("Moon, Neukum (1983)").
 *
 * <p>Production: {@code log10 N(D) = a0 + sum_{n=1..11} a_n (log10 D)^n}, N cumulative craters per
 * km^2 with diameter >= D km, valid for 0.01 <= D <= 300 km; {@code a0 = log10 N(1)} sets the age.
 * Chronology: {@code N(1) = 5.44e-14 (exp(6.93 T) - 1) + 8.38e-4 T}, T in Ga.
 */
public final class NeukumMoon {
    /** a1..a11 of the production function. */
    static final double[] A = {
        -3.6269,
        0.43662,
        0.79347,
        0.086468,
        -0.26485,
        -0.066382,
        0.037923,
        0.010596,
        -0.0022496,
        -0.00051797,
        0.0000397
    };

    /** Smallest diameter (km) of the production function's range. */
    public static final double MIN_D_KM = 0.01;

    /** Largest diameter (km) of the production function's range. */
    public static final double MAX_D_KM = 300;

    private NeukumMoon() {}

    /** {@code N(D) / N(1)}: the production function's shape, cumulative. */
    public static double relativeCumulative(double diameterKm) {
        Checks.inRange("diameterKm", diameterKm, MIN_D_KM, MAX_D_KM);
        double l = Math.log10(diameterKm);
        double s = 0;
        double p = 1;
        for (double a : A) {
            p *= l;
            s += a * p;
        }
        return Math.pow(10, s);
    }

    /** {@code N(1)} (km^-2) accumulated in {@code ageGa}. */
    public static double n1(double ageGa) {
        return 5.44e-14 * (Math.exp(6.93 * ageGa) - 1) + 8.38e-4 * ageGa;
    }

    /** The age (Ga) at which {@code N(1)} reaches {@code n1PerKm2} (inverse of {@link #n1}). */
    public static double age(double n1PerKm2) {
        Checks.atLeast("n1PerKm2", n1PerKm2, 0.0);
        double lo = 0, hi = 4.6;
        while (n1(hi) < n1PerKm2 && hi < 100) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (n1(mid) < n1PerKm2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
