package dev.surveyor.height.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors of the pixels whose true height falls in {@code (lowM, highM]} (the first bin is exactly
 * {@code [0, 0]}: ground).
 *
 * @param lowM lower bound (exclusive, except the ground bin)
 * @param highM upper bound (inclusive; +∞ for the last bin)
 * @param pixels valid pixels in the bin
 * @param maeM mean absolute error
 * @param rmseM root-mean-square error
 * @param biasM mean of prediction − truth
 */
public record HeightBinError(
        double lowM, double highM, long pixels, double maeM, double rmseM, double biasM) {

    /** The default bin edges in metres: ground, (0,10], (10,20], (20,40], (40,∞). */
    public static final double[] DEFAULT_EDGES_M = {0, 10, 20, 40};

    /**
     * Errors by bin; bins are {@code [edges[0]]}, {@code (edges[i], edges[i+1]]}, {@code (last,
     * ∞)}.
     */
    public static List<HeightBinError> compute(float[] truthM, float[] predM, double[] edgesM) {
        int nb = edgesM.length + 1;
        long[] n = new long[nb];
        double[] abs = new double[nb];
        double[] sq = new double[nb];
        double[] diff = new double[nb];
        for (int i = 0; i < truthM.length; i++) {
            double t = truthM[i];
            double p = predM[i];
            if (!Double.isFinite(t) || !Double.isFinite(p)) {
                continue;
            }
            int bin;
            if (t <= edgesM[0]) {
                bin = 0;
            } else {
                bin = edgesM.length;
                for (int e = 1; e < edgesM.length; e++) {
                    if (t <= edgesM[e]) {
                        bin = e;
                        break;
                    }
                }
            }
            double d = p - t;
            n[bin]++;
            abs[bin] += Math.abs(d);
            sq[bin] += d * d;
            diff[bin] += d;
        }
        List<HeightBinError> out = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : edgesM[b - 1];
            double hi = b < edgesM.length ? edgesM[b] : Double.POSITIVE_INFINITY;
            if (b == 0) {
                lo = edgesM[0];
            }
            out.add(
                    new HeightBinError(
                            lo,
                            hi,
                            n[b],
                            n[b] == 0 ? Double.NaN : abs[b] / n[b],
                            n[b] == 0 ? Double.NaN : Math.sqrt(sq[b] / n[b]),
                            n[b] == 0 ? Double.NaN : diff[b] / n[b]));
        }
        return out;
    }
}
