package dev.surveyor.imgproc.interp;

import dev.surveyor.core.util.Checks;

/**
 * A separable 1-D interpolation kernel with an even number of taps, tabulated at {@code 1 /
 * TABLE_STEPS} of a pixel.
 *
 * <p>For a position {@code p = i0 + f} ({@code i0 = floor(p)}, {@code 0 <= f < 1}) the taps are the
 * samples {@code i0 - taps/2 + 1 .. i0 + taps/2}; {@link #weights} returns their weights. The
 * weights of every fraction are normalised to sum to 1 (a constant signal is reproduced exactly),
 * and a fraction of 0 gives the weight 1 on sample {@code i0} (no change at integer positions).
 *
 * <p>Immutable and thread-safe.
 */
public final class InterpolationKernel {
    /** Fraction steps per pixel of the weight table. */
    public static final int TABLE_STEPS = 1024;

    private final String name;
    private final int taps;
    private final float[] table; // (TABLE_STEPS + 1) x taps

    private InterpolationKernel(String name, int taps, java.util.function.DoubleUnaryOperator k) {
        this.name = name;
        this.taps = taps;
        this.table = new float[(TABLE_STEPS + 1) * taps];
        int half = taps / 2;
        for (int s = 0; s <= TABLE_STEPS; s++) {
            double f = (double) s / TABLE_STEPS;
            double sum = 0;
            double[] w = new double[taps];
            for (int k2 = 0; k2 < taps; k2++) {
                double d = (k2 - half + 1) - f;
                w[k2] = k.applyAsDouble(d);
                sum += w[k2];
            }
            for (int k2 = 0; k2 < taps; k2++) {
                table[s * taps + k2] = (float) (w[k2] / sum);
            }
        }
    }

    /**
     * A truncated sinc kernel with a Kaiser window: {@code sinc(d) * I0(beta sqrt(1 - (d/L)^2)) /
     * I0(beta)}, {@code L = taps / 2}.
     *
     * @param taps even number of taps, 4 to 64 (8 to 16 is typical for SLC resampling)
     * @param beta Kaiser shape; 0 = rectangular window, larger = smoother (typical 2.5 to 6)
     */
    public static InterpolationKernel sincKaiser(int taps, double beta) {
        Checks.inRange("taps", taps, 4, 64);
        if (taps % 2 != 0) {
            throw new IllegalArgumentException("taps must be even, got " + taps);
        }
        Checks.inRange("beta", beta, 0.0, 30.0);
        double half = taps / 2.0;
        double i0b = besselI0(beta);
        return new InterpolationKernel(
                "sinc" + taps + "-kaiser" + beta,
                taps,
                d -> {
                    double r = d / half;
                    if (Math.abs(r) >= 1) {
                        return 0;
                    }
                    return sinc(d) * besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
                });
    }

    /** Keys' cubic convolution kernel (a = -0.5), 4 taps. */
    public static InterpolationKernel cubic() {
        double a = -0.5;
        return new InterpolationKernel(
                "cubic",
                4,
                d -> {
                    double x = Math.abs(d);
                    if (x <= 1) {
                        return ((a + 2) * x - (a + 3)) * x * x + 1;
                    } else if (x < 2) {
                        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
                    }
                    return 0;
                });
    }

    /** Number of taps (even). */
    public int taps() {
        return taps;
    }

    /** A short name, e.g. {@code sinc16-kaiser4.0}. */
    public String name() {
        return name;
    }

    /** Index into the weight table for a fraction in [0, 1]; use with {@link #weight(int, int)}. */
    public int tableRow(double fraction) {
        return (int) Math.round(fraction * TABLE_STEPS) * taps;
    }

    /** Weight of tap {@code k} (0-based) in table row {@code row} (from {@link #tableRow}). */
    public float weight(int row, int k) {
        return table[row + k];
    }

    /**
     * Writes the weights of the {@code taps} samples around {@code floor(p) + fraction}.
     *
     * @param fraction in [0, 1]
     * @param out (Output) at least {@code taps} long. Modified.
     */
    public void weights(double fraction, float[] out) {
        System.arraycopy(table, tableRow(fraction), out, 0, taps);
    }

    static double sinc(double x) {
        if (Math.abs(x) < 1e-12) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return name;
    }
}
