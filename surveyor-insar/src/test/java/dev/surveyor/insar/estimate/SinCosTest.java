package dev.surveyor.insar.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SinCosTest {
    @Test
    void agreesWithMathToAFewUlps() {
        SplittableRandom r = new SplittableRandom(2);
        int m = 20000;
        float[] x = new float[m];
        for (int i = 0; i < m; i++) {
            double range = i % 4 == 0 ? 1e5 : i % 4 == 1 ? 100 : Math.PI;
            x[i] = (float) r.nextDouble(-range, range);
        }
        x[0] = 0;
        x[1] = (float) Math.PI;
        x[2] = (float) (-Math.PI / 2);
        x[3] = (float) (Math.PI / 4);
        double[] c = new double[m];
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            SinCos.of(x[i], c, s, i);
            assertEquals(Math.cos(x[i]), c[i], 4e-16, "cos " + x[i]);
            assertEquals(Math.sin(x[i]), s[i], 4e-16, "sin " + x[i]);
        }
    }

    @Test
    void outOfRangeAndNanDeferToMath() {
        float[] x = {1e6f, -3e7f, Float.NaN, 0.5f};
        double[] c = new double[4];
        double[] s = new double[4];
        for (int i = 0; i < 4; i++) {
            SinCos.of(x[i], c, s, i);
            assertEquals(Math.cos(x[i]), c[i], 0.0);
            assertEquals(Math.sin(x[i]), s[i], 0.0);
        }
    }
}
