package dev.surveyor.craters.sfd;

import dev.surveyor.core.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Size-frequency distribution of a crater population on a counting area, and its model age in a
 * {@link ChronologySystem} (lunar Neukum 1983 or Mars Neukum-Ivanov 2001).
 *
 * <p>Bins: sqrt(2) bins with edges {@code 2^(k/2)} km. Differential density = count / (area *
 * width); R = {@code Dmean^3 * count / (area * width)} with {@code Dmean = sqrt(lo * hi)}; errors
 * are Poisson {@code sqrt(count)} scaled likewise. Cumulative density at each crater diameter =
 * (number >= D) / area.
 *
 * <p>Age (a cumulative Poisson fit, like CraterStats' "cumulative fit"): with {@code n} craters in
 * {@code [dMin, dMax]} the maximum-likelihood {@code N(1) = n / (area * (F(dMin) - F(dMax)))}, F
 * the production shape; its 1-sigma range is {@code N(1) (1 +- 1/sqrt(n))}; the ages follow from
 * the chronology.
 */
public final class SizeFrequency {
    /** One sqrt(2) bin. */
    public record Bin(
            double loKm,
            double hiKm,
            int count,
            double differentialPerKm3,
            double r,
            double rError) {}

    /** One point of the cumulative curve. */
    public record CumulativePoint(double diameterKm, double perKm2, double errorPerKm2) {}

    /** A model age. */
    public record Age(
            double ageGa,
            double ageLowGa,
            double ageHighGa,
            double n1PerKm2,
            int count,
            double dMinKm,
            double dMaxKm) {}

    private final double[] diameters;
    private final double areaKm2;

    /**
     * @param diametersKm crater diameters (km), positive
     * @param areaKm2 counting area (km^2)
     */
    public SizeFrequency(double[] diametersKm, double areaKm2) {
        Checks.positive("areaKm2", areaKm2);
        for (double d : diametersKm) {
            Checks.positive("diameterKm", d);
        }
        this.diameters = diametersKm.clone();
        Arrays.sort(this.diameters);
        this.areaKm2 = areaKm2;
    }

    /** The sqrt(2) bins from the smallest to the largest crater (empty bins included). */
    public List<Bin> bins() {
        List<Bin> out = new ArrayList<>();
        if (diameters.length == 0) {
            return out;
        }
        int k0 = (int) Math.floor(2 * Math.log(diameters[0]) / Math.log(2) + 1e-12);
        int k1 =
                (int)
                        Math.floor(
                                2 * Math.log(diameters[diameters.length - 1]) / Math.log(2)
                                        + 1e-12);
        for (int k = k0; k <= k1; k++) {
            double lo = Math.pow(2, k / 2.0), hi = Math.pow(2, (k + 1) / 2.0);
            int c = 0;
            for (double d : diameters) {
                if (d >= lo && d < hi) {
                    c++;
                }
            }
            double w = hi - lo;
            double dm = Math.sqrt(lo * hi);
            double diff = c / (areaKm2 * w);
            out.add(
                    new Bin(
                            lo,
                            hi,
                            c,
                            diff,
                            dm * dm * dm * diff,
                            dm * dm * dm * Math.sqrt(c) / (areaKm2 * w)));
        }
        return out;
    }

    /** The cumulative curve at every crater diameter (largest first). */
    public List<CumulativePoint> cumulative() {
        List<CumulativePoint> out = new ArrayList<>();
        int n = diameters.length;
        for (int i = n - 1; i >= 0; i--) {
            int count = n - i;
            out.add(new CumulativePoint(diameters[i], count / areaKm2, Math.sqrt(count) / areaKm2));
        }
        return out;
    }

    /**
     * The lunar Neukum (1983) model age from the craters in {@code [dMinKm, dMaxKm]} (same as
     * {@code age(ChronologySystem.MOON_NEUKUM_1983, dMinKm, dMaxKm)}).
     */
    public Age age(double dMinKm, double dMaxKm) {
        return age(ChronologySystem.MOON_NEUKUM_1983, dMinKm, dMaxKm);
    }

    /**
     * The model age in a chronology system from the craters in {@code [dMinKm, dMaxKm]}.
     *
     * @throws IllegalArgumentException when the range is outside the production function's or no
     *     crater lies in it
     */
    public Age age(ChronologySystem system, double dMinKm, double dMaxKm) {
        Checks.inRange("dMinKm", dMinKm, system.minDiameterKm(), system.maxDiameterKm());
        Checks.inRange("dMaxKm", dMaxKm, dMinKm, system.maxDiameterKm());
        int n = 0;
        for (double d : diameters) {
            if (d >= dMinKm && d <= dMaxKm) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(
                    "no crater with a diameter in ["
                            + dMinKm
                            + ", "
                            + dMaxKm
                            + "] km to fit an age");
        }
        double shape = system.relativeCumulative(dMinKm) - system.relativeCumulative(dMaxKm);
        double n1 = n / (areaKm2 * shape);
        double rel = 1 / Math.sqrt(n);
        return new Age(
                system.age(n1),
                system.age(n1 * (1 - rel)),
                system.age(n1 * (1 + rel)),
                n1,
                n,
                dMinKm,
                dMaxKm);
    }

    /**
     * The isochron of an age: the cumulative density (km^-2) of the production function scaled to
     * {@code n1PerKm2}, at {@code points} log-spaced diameters over {@code [dMinKm, dMaxKm]}.
     *
     * @return {@code {diameters_km, cumulative_per_km2}}
     */
    public static double[][] isochron(
            ChronologySystem system, double n1PerKm2, double dMinKm, double dMaxKm, int points) {
        Checks.inRange("dMinKm", dMinKm, system.minDiameterKm(), system.maxDiameterKm());
        Checks.inRange("dMaxKm", dMaxKm, dMinKm, system.maxDiameterKm());
        Checks.atLeast("points", points, 2);
        double[] d = new double[points];
        double[] n = new double[points];
        double l0 = Math.log(dMinKm);
        double l1 = Math.log(dMaxKm);
        for (int i = 0; i < points; i++) {
            d[i] = Math.min(dMaxKm, Math.exp(l0 + (l1 - l0) * i / (points - 1)));
            n[i] = n1PerKm2 * system.relativeCumulative(d[i]);
        }
        return new double[][] {d, n};
    }
}
