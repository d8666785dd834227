package dev.surveyor.craters.sfd;

/**
 * The lunar production and chronology functions of Neukum (1983), with the coefficients CraterStats
 * uses ("Moon, Neukum (1983)").
 *
 * <p>Production: {@code log10 N(D) = a0 + sum_{n=1..11} a_n (log10 D)^n}, N cumulative craters per
 * km^2 with diameter >= D km, valid for 0.01 <= D <= 300 km; {@code a0 = log10 N(1)} sets the age.
 * Chronology: {@code N(1) = 5.44e-14 (exp(6.93 T) - 1) + 8.38e-4 T}, T in Ga. A shortcut for {@link
 * ChronologySystem#MOON_NEUKUM_1983}; see {@link ChronologySystem} for Mars.
 */
public final class NeukumMoon {
    /** Smallest diameter (km) of the production function's range. */
    public static final double MIN_D_KM = 0.01;

    /** Largest diameter (km) of the production function's range. */
    public static final double MAX_D_KM = 300;

    private NeukumMoon() {}

    private static final ChronologySystem MOON = ChronologySystem.MOON_NEUKUM_1983;

    /** {@code N(D) / N(1)}: the production function's shape, cumulative. */
    public static double relativeCumulative(double diameterKm) {
        return MOON.relativeCumulative(diameterKm);
    }

    /** {@code N(1)} (km^-2) accumulated in {@code ageGa}. */
    public static double n1(double ageGa) {
        return MOON.n1(ageGa);
    }

    /** The age (Ga) at which {@code N(1)} reaches {@code n1PerKm2} (inverse of {@link #n1}). */
    public static double age(double n1PerKm2) {
        return MOON.age(n1PerKm2);
    }
}
