package dev.surveyor.insar.coreg;

import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.imgproc.feature.ApproximateNearestNeighbourMatcher;
import dev.surveyor.imgproc.feature.ConfigHarris;
import dev.surveyor.imgproc.feature.ConfigMatcher;
import dev.surveyor.imgproc.feature.ConfigSift;
import dev.surveyor.imgproc.feature.Descriptors;
import dev.surveyor.imgproc.feature.FeatureMatch;
import dev.surveyor.imgproc.feature.HarrisCornerDetector;
import dev.surveyor.imgproc.feature.Keypoint;
import dev.surveyor.imgproc.feature.SiftDescriber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paper's shift estimate (Aduenko et al. 2015, section "co-registration").
 *
 * <p>Steps, per sub-image pair (the same window in both images): Harris corners in each; SIFT
 * descriptors at them; approximate nearest-neighbour matching (reference to secondary, Euclidean);
 * the {@link DistanceFilter}; the sub-image shift is the median of the x and of the y displacements
 * of the kept pairs. The image shift is the median of the sub-image shifts (sub-images with fewer
 * than {@code minMatches} kept pairs are ignored). Displacements are integers here (corners sit on
 * pixel centres); sub-pixel precision comes from the patch stage.
 *
 * <p>Images are the features' input as given (callers pass log-amplitude). Immutable; {@link
 * #estimate} builds its own BoofCV objects, so it is thread-safe.
 */
public final class FeatureShiftEstimator {
    private final ConfigHarris harris;
    private final ConfigSift sift;
    private final ConfigMatcher matcher;
    private final double a;
    private final double b;
    private final int rows;
    private final int cols;
    private final int maxSubImage;
    private final int minMatches;

    FeatureShiftEstimator(ConfigCoregistration c) {
        this.harris = c.harris.copy();
        this.sift = c.sift.copy();
        this.matcher = c.matcher.copy();
        this.a = c.distanceFilterA;
        this.b = c.distanceFilterB;
        this.rows = c.subImageRows;
        this.cols = c.subImageColumns;
        this.maxSubImage = c.maxSubImagePx;
        this.minMatches = c.minMatches;
    }

    /** An estimator with the given settings ({@code null} = defaults). */
    public static FeatureShiftEstimator create(ConfigCoregistration config) {
        ConfigCoregistration c = config != null ? config.copy() : new ConfigCoregistration();
        c.validate();
        return new FeatureShiftEstimator(c);
    }

    /** Sub-image grid {rows m, columns n} used for an image of this size. */
    int[] grid(int width, int height) {
        int m = rows > 0 ? rows : Math.max(1, (int) Math.ceil(height / (double) maxSubImage));
        int n = cols > 0 ? cols : Math.max(1, (int) Math.ceil(width / (double) maxSubImage));
        return new int[] {m, n};
    }

    /**
     * Estimates the shift of {@code secondary} against {@code reference}.
     *
     * @param reference (Input) feature image of the reference. Not modified.
     * @param secondary (Input) same-size feature image of the secondary. Not modified.
     */
    public CoarseShift estimate(RasterF32 reference, RasterF32 secondary) {
        if (reference.width() != secondary.width() || reference.height() != secondary.height()) {
            throw new IllegalArgumentException(
                    "reference is "
                            + reference.width()
                            + "x"
                            + reference.height()
                            + " but secondary is "
                            + secondary.width()
                            + "x"
                            + secondary.height());
        }
        int[] g = grid(reference.width(), reference.height());
        List<double[]> shifts = new ArrayList<>();
        List<MatchedPoint> all = new ArrayList<>();
        for (int i = 0; i < g[0]; i++) {
            int y0 = (int) ((long) reference.height() * i / g[0]);
            int y1 = (int) ((long) reference.height() * (i + 1) / g[0]);
            for (int j = 0; j < g[1]; j++) {
                int x0 = (int) ((long) reference.width() * j / g[1]);
                int x1 = (int) ((long) reference.width() * (j + 1) / g[1]);
                List<MatchedPoint> kept =
                        matchWindow(
                                reference.subView(x0, y0, x1 - x0, y1 - y0),
                                secondary.subView(x0, y0, x1 - x0, y1 - y0),
                                x0,
                                y0);
                if (kept.size() >= minMatches) {
                    shifts.add(medianShift(kept));
                    all.addAll(kept);
                }
            }
        }
        if (shifts.isEmpty()) {
            return new CoarseShift(0, 0, all.size(), 0, all);
        }
        double[] sx = shifts.stream().mapToDouble(s -> s[0]).toArray();
        double[] sy = shifts.stream().mapToDouble(s -> s[1]).toArray();
        return new CoarseShift(median(sx), median(sy), all.size(), shifts.size(), all);
    }

    /** Matches of one sub-image pair that pass the distance filter, in full-image coordinates. */
    List<MatchedPoint> matchWindow(RasterF32 ref, RasterF32 sec, int x0, int y0) {
        HarrisCornerDetector detector = HarrisCornerDetector.create(harris);
        SiftDescriber describer = SiftDescriber.create(sift);
        Descriptors dr = describer.describe(ref, detector.detect(ref));
        Descriptors ds = describer.describe(sec, detector.detect(sec));
        if (dr.size() == 0 || ds.size() == 0) {
            return List.of();
        }
        List<FeatureMatch> matches =
                ApproximateNearestNeighbourMatcher.create(matcher, dr.vectors()[0].length)
                        .match(dr.vectors(), ds.vectors());
        List<MatchedPoint> out = new ArrayList<>();
        for (FeatureMatch m : DistanceFilter.apply(matches, a, b)) {
            Keypoint p = dr.points().get(m.sourceIndex());
            Keypoint q = ds.points().get(m.destinationIndex());
            out.add(
                    new MatchedPoint(
                            p.xPx() + x0, p.yPx() + y0, q.xPx() + x0, q.yPx() + y0, m.distance()));
        }
        return out;
    }

    static double[] medianShift(List<MatchedPoint> kept) {
        double[] dx = kept.stream().mapToDouble(MatchedPoint::dxPx).toArray();
        double[] dy = kept.stream().mapToDouble(MatchedPoint::dyPx).toArray();
        return new double[] {median(dx), median(dy)};
    }

    /** Median (mean of the two middle values for an even count). */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
