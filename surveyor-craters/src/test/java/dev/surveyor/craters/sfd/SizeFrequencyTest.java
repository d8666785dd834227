package dev.surveyor.craters.sfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizeFrequencyTest {
    @Test
    void chronologyMatchesCraterStatsA0At1Ga() {
        // CraterStats: "a0 for 1 Ga should be -3.0768"
        assertEquals(-3.0768, Math.log10(NeukumMoon.n1(1.0)), 1e-4);
        assertEquals(1.0, NeukumMoon.relativeCumulative(1.0), 1e-12);
        assertEquals(3.5, NeukumMoon.age(NeukumMoon.n1(3.5)), 1e-9);
        assertTrue(NeukumMoon.relativeCumulative(0.1) > NeukumMoon.relativeCumulative(1.0));
    }

    @Test
    void binsAndCumulativeHandComputed() {
        SizeFrequency s = new SizeFrequency(new double[] {1.0, 1.2, 1.5, 2.5}, 10);
        List<SizeFrequency.Bin> b = s.bins();
        // bins [1, 1.414), [1.414, 2), [2, 2.83)
        assertEquals(3, b.size());
        assertEquals(2, b.get(0).count());
        assertEquals(1, b.get(1).count());
        assertEquals(1, b.get(2).count());
        double w = Math.sqrt(2) - 1;
        assertEquals(2 / (10 * w), b.get(0).differentialPerKm3(), 1e-12);
        assertEquals(Math.pow(2, 0.75) * 2 / (10 * w), b.get(0).r(), 1e-12); // Dmean^3 = 2^(3/4)
        assertEquals(4 / 10.0, s.cumulative().get(3).perKm2(), 1e-12);
        assertEquals(2.5, s.cumulative().get(0).diameterKm());
    }

    @Test
    void recoversTheAgeOfASyntheticPopulation() {
        // draw craters >= 0.5 km on 50,000 km^2 of a 3.4 Ga surface from the production function
        double age = 3.4, area = 50_000, dMin = 0.5;
        double nMin = NeukumMoon.n1(age) * NeukumMoon.relativeCumulative(dMin) * area;
        Random r = new Random(11);
        int n = (int) Math.round(nMin);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            // inverse CDF by bisection on the cumulative shape
            double u = r.nextDouble() * NeukumMoon.relativeCumulative(dMin);
            double lo = dMin, hi = 300;
            for (int k = 0; k < 80; k++) {
                double mid = Math.sqrt(lo * hi);
                if (NeukumMoon.relativeCumulative(mid) > u) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            d[i] = lo;
        }
        SizeFrequency.Age a = new SizeFrequency(d, area).age(dMin, 300);
        assertTrue(a.ageLowGa() < age && age < a.ageHighGa() + 0.02, a.toString());
        assertEquals(age, a.ageGa(), 0.05);
    }
}
