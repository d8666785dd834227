package dev.surveyor.craters.sfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.Body;
import dev.surveyor.testkit.ExternalTools;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChronologySystemTest {
    static final ChronologySystem MARS = ChronologySystem.MARS_NEUKUM_IVANOV_2001;

    /**
     * An independent evaluation in numpy/scipy of the CraterStats "Mars, Ivanov (2001)" production
     * polynomial and "Mars, Hartmann &amp; Neukum (2001)" chronology (coefficients typed from
     * craterstats' functions.txt): numpy's polynomial evaluation and scipy's brentq inverse.
     */
    private static final String PY =
            """
            import numpy as np
            from scipy.optimize import brentq
            a = [-3.383677, -3.197453, 1.256814, 7.915374e-01, -4.860814e-01, -3.630098e-01,
                 1.015683e-01, 6.755923e-02, -1.180639e-02, -4.753462e-03, 6.232845e-04, 5.805492e-05]
            def rel(d):
                x = np.log10(d)
                return 10 ** (np.polynomial.polynomial.polyval(x, a) - a[0])
            def n1(t):
                return 3.22e-14 * (np.exp(6.93 * t) - 1) + 4.875e-4 * t
            for d in [0.015, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 362.0]:
                print('D', d, repr(float(rel(d))))
            for t in [0.1, 1.0, 3.0, 3.5, 3.9]:
                print('T', t, repr(float(n1(t))))
            for n in [1e-4, 1e-3, 1e-2, 0.05]:
                print('A', n, repr(brentq(lambda t: n1(t) - n, 0, 5, xtol=1e-14)))
            """;

    @Test
    void marsFunctionsAgreeWithAnIndependentNumpyEvaluation() {
        ExternalTools.requirePython("numpy", "scipy");
        String out = ExternalTools.check(ExternalTools.PYTHON, "-c", PY);
        int checked = 0;
        for (String line : out.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            double x = Double.parseDouble(f[1]);
            double ref = Double.parseDouble(f[2]);
            double ours =
                    switch (f[0]) {
                        case "D" -> MARS.relativeCumulative(x);
                        case "T" -> MARS.n1(x);
                        default -> MARS.age(x);
                    };
            assertEquals(ref, ours, 1e-9 * Math.abs(ref), line);
            checked++;
        }
        assertEquals(17, checked, out);
    }

    @Test
    void marsKnownValues() {
        // shape is 1 at D = 1 km; N(1) at 1 Ga is dominated by the linear term 4.875e-4
        assertEquals(1.0, MARS.relativeCumulative(1.0), 1e-12);
        assertEquals(4.875e-4 + 3.22e-14 * Math.expm1(6.93), MARS.n1(1.0), 1e-18);
        assertEquals(3.5, MARS.age(MARS.n1(3.5)), 1e-9);
        // Mars accumulates fewer D >= 1 km craters than the Moon in the same (linear-era) time
        double ratio = MARS.n1(1.0) / ChronologySystem.MOON_NEUKUM_1983.n1(1.0);
        assertEquals(4.875 / 8.38, ratio, 1e-3);
        assertThrows(IllegalArgumentException.class, () -> MARS.relativeCumulative(0.01));
        assertThrows(IllegalArgumentException.class, () -> MARS.relativeCumulative(400));
    }

    @Test
    void moonSystemIsTheNeukumShortcut() {
        ChronologySystem moon = ChronologySystem.MOON_NEUKUM_1983;
        for (double d : new double[] {0.01, 0.3, 1, 7, 300}) {
            assertEquals(NeukumMoon.relativeCumulative(d), moon.relativeCumulative(d), 0);
        }
        assertEquals(-3.0768, Math.log10(moon.n1(1.0)), 1e-4);
    }

    @Test
    void bodiesMapToSystems() {
        assertEquals(MARS, ChronologySystem.forBodyName("Mars"));
        assertEquals(ChronologySystem.MOON_NEUKUM_1983, ChronologySystem.forBodyName(" moon "));
        assertThrows(IllegalArgumentException.class, () -> ChronologySystem.forBodyName("venus"));
        assertEquals(Optional.of(MARS), ChronologySystem.forBody(Body.MARS));
        assertEquals(
                Optional.of(MARS),
                ChronologySystem.forBody(Body.sphere("D_Mars_2000_Sphere", 3396190)));
        assertEquals(Optional.of(MARS), ChronologySystem.forBody(Body.sphere("unnamed", 3389500)));
        assertEquals(
                Optional.of(ChronologySystem.MOON_NEUKUM_1983),
                ChronologySystem.forBody(Body.MOON));
        assertEquals(Optional.empty(), ChronologySystem.forBody(Body.EARTH));
    }

    @Test
    void recoversTheMarsAgeOfASyntheticPopulation() {
        // craters >= 1 km on 20,000 km^2 of a 3.0 Ga Martian surface drawn from the production
        double age = 3.0;
        double area = 20_000;
        double dMin = 1.0;
        double nMin = MARS.cumulative(dMin, age) * area;
        Random r = new Random(5);
        double[] d = new double[(int) Math.round(nMin)];
        for (int i = 0; i < d.length; i++) {
            double u = r.nextDouble() * MARS.relativeCumulative(dMin);
            double lo = dMin;
            double hi = MARS.maxDiameterKm();
            for (int k = 0; k < 80; k++) {
                double mid = Math.sqrt(lo * hi);
                if (MARS.relativeCumulative(mid) > u) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            d[i] = lo;
        }
        SizeFrequency.Age a = new SizeFrequency(d, area).age(MARS, dMin, MARS.maxDiameterKm());
        assertTrue(a.ageLowGa() < age && age < a.ageHighGa(), a.toString());
        assertEquals(age, a.ageGa(), 0.1);
        // the lunar system gives another (older-looking for the same density) age
        SizeFrequency.Age moon = new SizeFrequency(d, area).age(dMin, 300);
        assertTrue(moon.ageGa() < a.ageGa(), moon + " vs " + a);
    }

    @Test
    void isochronFollowsTheProductionFunction() {
        double[][] iso = SizeFrequency.isochron(MARS, 2e-3, 0.5, 20, 30);
        assertEquals(30, iso[0].length);
        assertEquals(0.5, iso[0][0], 1e-12);
        assertEquals(20, iso[0][29], 1e-9);
        for (int i = 0; i < 30; i++) {
            assertEquals(2e-3 * MARS.relativeCumulative(iso[0][i]), iso[1][i], 1e-15);
            if (i > 0) {
                assertTrue(iso[1][i] < iso[1][i - 1]);
            }
        }
    }
}
