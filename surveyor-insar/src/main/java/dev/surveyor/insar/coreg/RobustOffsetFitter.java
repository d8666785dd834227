package dev.surveyor.insar.coreg;

import dev.surveyor.core.util.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * Least-squares fit of an {@link OffsetModel} with iterative outlier rejection.
 *
 * <p>Steps: (1) fit all measurements; (2) 2-D residual {@code r_i = |d_i - model(x_i)|}; robust
 * sigma {@code s = 1.4826 median(r_i)} over the current inliers; (3) inliers are the points with
 * {@code r_i <= max(k s, minThresholdPx)}; (4) refit on the inliers; repeat until the inlier set
 * stops changing or {@code maxIterations}. The starting fit of an affine or quadratic model is the
 * median shift (robust to a majority of bad points). The model order drops (QUADRATIC to AFFINE to
 * SHIFT) while fewer than twice its coefficient count remain inliers.
 *
 * <p>Immutable and thread-safe.
 */
public final class RobustOffsetFitter {
    private final OffsetModelType type;
    private final double k;
    private final double minThreshold;
    private final int maxIterations;

    /**
     * @param type requested model form
     * @param outlierSigma threshold in robust standard deviations
     * @param minThresholdPx residuals below this are always inliers, pixels
     * @param maxIterations most refits
     */
    public RobustOffsetFitter(
            OffsetModelType type, double outlierSigma, double minThresholdPx, int maxIterations) {
        this.type = Checks.notNull("type", type);
        this.k = Checks.positive("outlierSigma", outlierSigma);
        this.minThreshold = Checks.atLeast("minThresholdPx", minThresholdPx, 0.0);
        this.maxIterations = Checks.atLeast("maxIterations", maxIterations, 1);
    }

    /**
     * Fits the model.
     *
     * @param points (Input) measurements, at least one. Not modified.
     * @throws IllegalArgumentException when {@code points} is empty
     */
    public OffsetFit fit(List<OffsetMeasurement> points) {
        int n = points.size();
        if (n == 0) {
            throw new IllegalArgumentException("no offset measurements to fit");
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (OffsetMeasurement p : points) {
            minX = Math.min(minX, p.xPx());
            maxX = Math.max(maxX, p.xPx());
            minY = Math.min(minY, p.yPx());
            maxY = Math.max(maxY, p.yPx());
        }
        double cx = 0.5 * (minX + maxX);
        double cy = 0.5 * (minY + maxY);
        double scale = Math.max(1.0, 0.5 * Math.max(maxX - minX, maxY - minY));
        boolean[] in = new boolean[n];
        Arrays.fill(in, true);
        double[] dx = points.stream().mapToDouble(OffsetMeasurement::dxPx).toArray();
        double[] dy = points.stream().mapToDouble(OffsetMeasurement::dyPx).toArray();
        OffsetModel model =
                new OffsetModel(
                        OffsetModelType.SHIFT,
                        new double[] {FeatureShiftEstimator.median(dx)},
                        new double[] {FeatureShiftEstimator.median(dy)},
                        cx,
                        cy,
                        scale);
        OffsetModelType t = type;
        for (int it = 0; it <= maxIterations; it++) {
            double[] r = residuals(points, model);
            double[] kept = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (in[i]) {
                    kept[m++] = r[i];
                }
            }
            double sigma =
                    1.4826 * FeatureShiftEstimator.median(Arrays.copyOf(kept, Math.max(1, m)));
            double threshold = Math.max(k * sigma, minThreshold);
            boolean[] next = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                next[i] = r[i] <= threshold;
                count += next[i] ? 1 : 0;
            }
            if (count == 0) {
                break;
            }
            while (t != OffsetModelType.SHIFT && count < 2 * t.numCoefficients()) {
                t = t == OffsetModelType.QUADRATIC ? OffsetModelType.AFFINE : OffsetModelType.SHIFT;
            }
            boolean same = Arrays.equals(next, in) && model.type() == t;
            in = next;
            model = leastSquares(points, in, t, cx, cy, scale);
            if (same && it > 0) {
                break;
            }
        }
        double[] r = residuals(points, model);
        double ss = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                ss += r[i] * r[i];
                count++;
            }
        }
        double rms = count > model.type().numCoefficients() ? Math.sqrt(ss / count) : Double.NaN;
        return new OffsetFit(model, in, count, rms);
    }

    private static double[] residuals(List<OffsetMeasurement> points, OffsetModel model) {
        double[] r = new double[points.size()];
        for (int i = 0; i < r.length; i++) {
            OffsetMeasurement p = points.get(i);
            r[i] =
                    Math.hypot(
                            p.dxPx() - model.dxPx(p.xPx(), p.yPx()),
                            p.dyPx() - model.dyPx(p.xPx(), p.yPx()));
        }
        return r;
    }

    static OffsetModel leastSquares(
            List<OffsetMeasurement> points,
            boolean[] in,
            OffsetModelType t,
            double cx,
            double cy,
            double scale) {
        int q = t.numCoefficients();
        double[][] ata = new double[q][q];
        double[] atx = new double[q];
        double[] aty = new double[q];
        for (int i = 0; i < points.size(); i++) {
            if (!in[i]) {
                continue;
            }
            OffsetMeasurement p = points.get(i);
            double[] b = OffsetModel.basis(t, (p.xPx() - cx) / scale, (p.yPx() - cy) / scale);
            for (int r = 0; r < q; r++) {
                for (int c = 0; c < q; c++) {
                    ata[r][c] += b[r] * b[c];
                }
                atx[r] += b[r] * p.dxPx();
                aty[r] += b[r] * p.dyPx();
            }
        }
        double[][] ata2 = new double[q][];
        for (int r = 0; r < q; r++) {
            ata2[r] = ata[r].clone();
        }
        double[] solX = solve(ata, atx);
        double[] solY = solve(ata2, aty);
        if (solX == null || solY == null) {
            // degenerate geometry (e.g. all points on a line): fall back to a lower order
            if (t == OffsetModelType.SHIFT) {
                throw new IllegalStateException("no inliers to fit");
            }
            return leastSquares(
                    points,
                    in,
                    t == OffsetModelType.QUADRATIC ? OffsetModelType.AFFINE : OffsetModelType.SHIFT,
                    cx,
                    cy,
                    scale);
        }
        return new OffsetModel(t, solX, solY, cx, cy, scale);
    }

    /** Gaussian elimination with partial pivoting; null when singular. Modifies {@code a}. */
    static double[] solve(double[][] a, double[] rhs) {
        int q = rhs.length;
        double[] b = rhs.clone();
        double norm = 0;
        for (double[] row : a) {
            for (double v : row) {
                norm = Math.max(norm, Math.abs(v));
            }
        }
        for (int c = 0; c < q; c++) {
            int p = c;
            for (int r = c + 1; r < q; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (!(Math.abs(a[p][c]) > 1e-10 * norm)) {
                return null;
            }
            double[] tr = a[c];
            a[c] = a[p];
            a[p] = tr;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int r = c + 1; r < q; r++) {
                double f = a[r][c] / a[c][c];
                for (int k2 = c; k2 < q; k2++) {
                    a[r][k2] -= f * a[c][k2];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[q];
        for (int r = q - 1; r >= 0; r--) {
            double s = b[r];
            for (int k2 = r + 1; k2 < q; k2++) {
                s -= a[r][k2] * x[k2];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
