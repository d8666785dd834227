package dev.surveyor.craters.sfd;

import dev.surveyor.core.geo.Body;
import dev.surveyor.core.util.Checks;
import java.util.Locale;
import java.util.Optional;

/**
 * A crater chronology system: a production function (the shape of the cumulative size-frequency
 * distribution) and a chronology function (the crater density {@code N(1)} reached in a given
 * time), with the coefficients CraterStats uses (G. Michael, {@code ggmichael/craterstats}, file
 * {@code src/craterstats/config/functions.txt}).
 *
 * <p>Production: {@code log10 N(D) = a0 + sum_{n=1..11} a_n (log10 D)^n}, N cumulative craters per
 * km^2 with diameter >= D km, valid for {@link #minDiameterKm()} <= D <= {@link #maxDiameterKm()};
 * {@code a0 = log10 N(1)} carries the age, so only a1..a11 define the shape. Chronology: {@code
 * N(1) = c1 (exp(c2 T) - 1) + c3 T^2 + c4 T} per km^2, T in Ga before present.
 *
 * <ul>
 *   <li>{@link #MOON_NEUKUM_1983}: Neukum, G. (1983), Meteoritenbombardement und Datierung
 *       planetarer Oberflächen, Habilitation, LMU Munich — production and chronology.
 *   <li>{@link #MARS_NEUKUM_IVANOV_2001} (CraterStats' "Mars, Neukum-Ivanov (2001)"): production
 *       function of Ivanov, B. A. (2001), Mars/Moon cratering rate ratio estimates, Space Sci. Rev.
 *       96, 87–104 (valid 0.015–362 km); chronology of Hartmann, W. K. and Neukum, G. (2001),
 *       Cratering chronology and the evolution of Mars, Space Sci. Rev. 96, 165–194, in the
 *       equation form of Neukum, Ivanov and Hartmann (2001), Space Sci. Rev. 96, 55–86: {@code N(1)
 *       = 3.22e-14 (exp(6.93 T) - 1) + 4.875e-4 T}.
 * </ul>
 */
public enum ChronologySystem {
    /** The Moon: Neukum (1983) production and chronology. */
    MOON_NEUKUM_1983(
            "Moon",
            "Moon, Neukum (1983)",
            "Moon, Neukum (1983)",
            "Moon, Neukum (1983)",
            new double[] {
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
            },
            0.01,
            300,
            new double[] {5.44e-14, 6.93, 0, 8.38e-4}),
    /** Mars: Ivanov (2001) production with the Hartmann and Neukum (2001) chronology. */
    MARS_NEUKUM_IVANOV_2001(
            "Mars",
            "Mars, Neukum-Ivanov (2001)",
            "Mars, Ivanov (2001)",
            "Mars, Hartmann & Neukum (2001)",
            new double[] {
                -3.197453,
                1.256814,
                7.915374e-01,
                -4.860814e-01,
                -3.630098e-01,
                1.015683e-01,
                6.755923e-02,
                -1.180639e-02,
                -4.753462e-03,
                6.232845e-04,
                5.805492e-05
            },
            0.015,
            362,
            new double[] {3.22e-14, 6.93, 0, 4.875e-4});

    private final String body;
    private final String systemName;
    private final String productionName;
    private final String chronologyName;
    private final double[] a;
    private final double minD;
    private final double maxD;
    private final double[] c;

    ChronologySystem(
            String body,
            String systemName,
            String productionName,
            String chronologyName,
            double[] a,
            double minD,
            double maxD,
            double[] c) {
        this.body = body;
        this.systemName = systemName;
        this.productionName = productionName;
        this.chronologyName = chronologyName;
        this.a = a;
        this.minD = minD;
        this.maxD = maxD;
        this.c = c;
    }

    /** The body ("Moon" or "Mars"). */
    public String body() {
        return body;
    }

    /** CraterStats' name of the system, e.g. "Mars, Neukum-Ivanov (2001)". */
    public String systemName() {
        return systemName;
    }

    /** The production function's name, e.g. "Mars, Ivanov (2001)". */
    public String productionName() {
        return productionName;
    }

    /** The chronology function's name, e.g. "Mars, Hartmann &amp; Neukum (2001)". */
    public String chronologyName() {
        return chronologyName;
    }

    /** Smallest diameter (km) of the production function's range. */
    public double minDiameterKm() {
        return minD;
    }

    /** Largest diameter (km) of the production function's range. */
    public double maxDiameterKm() {
        return maxD;
    }

    /** Production coefficients a1..a11 (a copy). */
    public double[] productionCoefficients() {
        return a.clone();
    }

    /** Chronology coefficients c1..c4 of {@code c1 (exp(c2 T) - 1) + c3 T^2 + c4 T} (a copy). */
    public double[] chronologyCoefficients() {
        return c.clone();
    }

    /**
     * {@code N(D) / N(1)}: the production function's shape, cumulative.
     *
     * @throws IllegalArgumentException when D is outside the function's range
     */
    public double relativeCumulative(double diameterKm) {
        Checks.inRange("diameterKm", diameterKm, minD, maxD);
        double l = Math.log10(diameterKm);
        double s = 0;
        double p = 1;
        for (double ai : a) {
            p *= l;
            s += ai * p;
        }
        return Math.pow(10, s);
    }

    /** {@code N(1)} (km^-2) accumulated in {@code ageGa}. */
    public double n1(double ageGa) {
        return c[0] * (Math.exp(c[1] * ageGa) - 1) + c[2] * ageGa * ageGa + c[3] * ageGa;
    }

    /**
     * Cumulative density (km^-2) of craters >= {@code diameterKm} on a surface {@code ageGa} old.
     */
    public double cumulative(double diameterKm, double ageGa) {
        return n1(ageGa) * relativeCumulative(diameterKm);
    }

    /** The age (Ga) at which {@code N(1)} reaches {@code n1PerKm2} (inverse of {@link #n1}). */
    public double age(double n1PerKm2) {
        Checks.atLeast("n1PerKm2", n1PerKm2, 0.0);
        double lo = 0;
        double hi = 4.6;
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

    /**
     * Parses a body name: {@code moon} or {@code mars} (any case).
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static ChronologySystem forBodyName(String name) {
        String s = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "moon" -> MOON_NEUKUM_1983;
            case "mars" -> MARS_NEUKUM_IVANOV_2001;
            default ->
                    throw new IllegalArgumentException(
                            "body must be moon or mars, got '" + name + "'");
        };
    }

    /**
     * The system of a georeferencing body: Moon or Mars recognised by name or by a spherical radius
     * within 5 km of theirs (1737.4 km, 3396.19 km; Mars's mean radius 3389.5 km also matches);
     * empty for any other body (e.g. the Earth).
     */
    public static Optional<ChronologySystem> forBody(Body b) {
        String n = b.name() == null ? "" : b.name().toLowerCase(Locale.ROOT);
        double r = b.semiMajorAxisM() / 1000;
        if (n.contains("mars") || (b.isSphere() && Math.abs(r - 3393) < 8.5)) {
            return Optional.of(MARS_NEUKUM_IVANOV_2001);
        }
        if (n.contains("moon") || n.contains("lunar") || Math.abs(r - 1737.4) < 5) {
            return Optional.of(MOON_NEUKUM_1983);
        }
        return Optional.empty();
    }
}
