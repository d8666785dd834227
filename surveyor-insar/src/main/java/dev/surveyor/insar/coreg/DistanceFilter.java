package dev.surveyor.insar.coreg;

import dev.surveyor.imgproc.feature.FeatureMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The distance filter of Aduenko et al. (2015): keep the matches whose descriptor distance {@code
 * rho <= max(a rho_min, rho_max / b)}, with {@code rho_min}, {@code rho_max} the smallest and
 * largest distance over all matches and {@code a, b > 1}.
 */
public final class DistanceFilter {
    private DistanceFilter() {}

    /** The threshold {@code max(a rho_min, rho_max / b)}; NaN for no distances. */
    public static double threshold(double[] distances, double a, double b) {
        if (!(a > 1) || !(b > 1)) {
            throw new IllegalArgumentException("a and b must be > 1, got a=" + a + " b=" + b);
        }
        if (distances.length == 0) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : distances) {
            if (!(d >= 0)) {
                throw new IllegalArgumentException("distances must be >= 0, got " + d);
            }
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return Math.max(a * min, max / b);
    }

    /**
     * The matches that pass.
     *
     * @param matches (Input) all matches. Not modified.
     */
    public static List<FeatureMatch> apply(List<FeatureMatch> matches, double a, double b) {
        double[] d = new double[matches.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = matches.get(i).distance();
        }
        double t = threshold(d, a, b);
        List<FeatureMatch> out = new ArrayList<>();
        for (FeatureMatch m : matches) {
            if (m.distance() <= t) {
                out.add(m);
            }
        }
        return out;
    }
}
