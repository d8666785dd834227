package dev.surveyor.craters.model;

/**
 * Resamples a grid of samples by a scale factor {@code s}, separably, for {@link TestScales}.
 *
 * <p>Conventions: corner-origin pixel coordinates; output sample {@code i} is centred at {@code (i
 * + 0.5) / s} in input pixels, so a position {@code p} in the output is {@code p / s} in the input.
 * Output size {@code ceil(n s)} per axis. Up-sampling ({@code s > 1}) uses Keys' cubic convolution
 * ({@code a = -0.5}: exact for constants, ramps and quadratics away from the edges), with edge
 * samples repeated outside; down-sampling ({@code s < 1}) uses area means (each output sample is
 * the overlap-weighted mean of the input samples its {@code 1 / s} wide cell covers, the part of a
 * cell past the last input sample taking the edge sample), so {@code s = 1/2} is the 2x2 block
 * mean; {@code s = 1} copies. Inputs must be finite.
 *
 * <p>Stateless.
 */
public final class WindowResampling {
    private WindowResampling() {}

    /** Output samples along an axis of {@code n} input samples: {@code ceil(n s)}. */
    public static int outputSize(int n, double scale) {
        return (int) Math.ceil(n * scale - 1e-9);
    }

    /**
     * Resamples {@code in} ({@code w x h}, row-major) by {@code scale}.
     *
     * @return {@code outputSize(w) x outputSize(h)} samples, row-major
     */
    public static float[] resample(float[] in, int w, int h, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        if (scale == 1.0) {
            return java.util.Arrays.copyOf(in, w * h);
        }
        Axis ax = new Axis(w, scale);
        Axis ay = new Axis(h, scale);
        int ow = ax.size(), oh = ay.size();
        // rows first: h x ow
        float[] tmp = new float[h * ow];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int i = 0; i < ow; i++) {
                double v = 0;
                for (int t = 0; t < ax.taps; t++) {
                    v += ax.weight[i * ax.taps + t] * in[row + ax.index[i * ax.taps + t]];
                }
                tmp[y * ow + i] = (float) v;
            }
        }
        float[] out = new float[oh * ow];
        for (int j = 0; j < oh; j++) {
            for (int i = 0; i < ow; i++) {
                double v = 0;
                for (int t = 0; t < ay.taps; t++) {
                    v += ay.weight[j * ay.taps + t] * tmp[ay.index[j * ay.taps + t] * ow + i];
                }
                out[j * ow + i] = (float) v;
            }
        }
        return out;
    }

    /** Keys' cubic convolution kernel, {@code a = -0.5}. */
    static double cubic(double x) {
        double t = Math.abs(x);
        if (t < 1) {
            return (1.5 * t - 2.5) * t * t + 1;
        }
        if (t < 2) {
            return ((-0.5 * t + 2.5) * t - 4) * t + 2;
        }
        return 0;
    }

    /** Input indices (edge-clamped) and weights of every output sample along one axis. */
    private static final class Axis {
        final int taps;
        final int[] index;
        final double[] weight;
        private final int size;

        Axis(int n, double s) {
            size = outputSize(n, s);
            if (s > 1) {
                taps = 4;
                index = new int[size * taps];
                weight = new double[size * taps];
                for (int i = 0; i < size; i++) {
                    double c = (i + 0.5) / s - 0.5; // input sample coordinate (centres at k)
                    int k0 = (int) Math.floor(c);
                    for (int t = 0; t < 4; t++) {
                        int k = k0 - 1 + t;
                        index[i * 4 + t] = Math.max(0, Math.min(n - 1, k));
                        weight[i * 4 + t] = cubic(c - k);
                    }
                }
            } else {
                double cellPx = 1 / s;
                taps = (int) Math.ceil(cellPx) + 1;
                index = new int[size * taps];
                weight = new double[size * taps];
                for (int i = 0; i < size; i++) {
                    double lo = i * cellPx, hi = lo + cellPx;
                    int k0 = (int) Math.floor(lo);
                    for (int t = 0; t < taps; t++) {
                        int k = k0 + t;
                        double overlap = Math.max(0, Math.min(hi, k + 1) - Math.max(lo, k));
                        index[i * taps + t] = Math.max(0, Math.min(n - 1, k));
                        weight[i * taps + t] = overlap / cellPx;
                    }
                }
            }
        }

        int size() {
            return size;
        }
    }
}
