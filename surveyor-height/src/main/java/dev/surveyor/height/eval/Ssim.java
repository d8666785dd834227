package dev.surveyor.height.eval;

/**
 * Structural similarity of two height rasters as paper 2 states it.
 *
 * <p>Heights are first mapped linearly from {@code [minM, maxM]} to {@code [0, 255]} (clipped), so
 * that the paper's constants C1 = (0.01·255)² = 6.5025 and C2 = (0.03·255)² = 58.5225 apply. Local
 * means, variances and the covariance are Gaussian-weighted (σ = 1.5, 11x11 window: radius 5 =
 * int(3.5σ + 0.5), normalised weights), with population (not sample) covariance; the SSIM map
 * {@code (2μxμy + C1)(2σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2))} is averaged over the pixels
 * at least 5 pixels from the border, where the window lies inside the image. This equals
 * scikit-image's {@code structural_similarity(x, y, gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=255)}. NaN (no data) is replaced by {@code minM} in both
 * rasters before scaling. Thread-safe.
 */
public final class Ssim {
    /** C1 = (0.01 · 255)². */
    public static final double C1 = 6.5025;

    /** C2 = (0.03 · 255)². */
    public static final double C2 = 58.5225;

    private static final int RADIUS = 5;
    private static final double SIGMA = 1.5;

    private Ssim() {}

    /**
     * Mean SSIM of {@code a} and {@code b} ({@code w x h}, row-major, metres) after mapping {@code
     * [minM, maxM]} to 0–255.
     */
    public static double of(float[] a, float[] b, int w, int h, double minM, double maxM) {
        if (a.length != w * h || b.length != w * h) {
            throw new IllegalArgumentException(
                    "rasters have "
                            + a.length
                            + " and "
                            + b.length
                            + " samples, expected "
                            + w * h);
        }
        if (!(maxM > minM)) {
            throw new IllegalArgumentException("maxM must exceed minM, got " + minM + ".." + maxM);
        }
        if (w <= 2 * RADIUS || h <= 2 * RADIUS) {
            throw new IllegalArgumentException(
                    "rasters must be larger than 11x11, got " + w + "x" + h);
        }
        return ofScaled(scale(a, minM, maxM), scale(b, minM, maxM), w, h);
    }

    /** Mean SSIM of two images already in 0–255 units. */
    public static double ofScaled(double[] x, double[] y, int w, int h) {
        double[] k = kernel();
        double[] mx = filter(x, w, h, k);
        double[] my = filter(y, w, h, k);
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mxx = filter(xx, w, h, k);
        double[] myy = filter(yy, w, h, k);
        double[] mxy = filter(xy, w, h, k);
        double sum = 0;
        long n = 0;
        for (int r = RADIUS; r < h - RADIUS; r++) {
            for (int c = RADIUS; c < w - RADIUS; c++) {
                int i = r * w + c;
                double ux = mx[i];
                double uy = my[i];
                double vx = mxx[i] - ux * ux;
                double vy = myy[i] - uy * uy;
                double vxy = mxy[i] - ux * uy;
                sum +=
                        ((2 * ux * uy + C1) * (2 * vxy + C2))
                                / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
                n++;
            }
        }
        return sum / n;
    }

    private static double[] scale(float[] v, double minM, double maxM) {
        double[] out = new double[v.length];
        double f = 255.0 / (maxM - minM);
        for (int i = 0; i < v.length; i++) {
            double m = Float.isNaN(v[i]) ? minM : v[i];
            out[i] = Math.min(255.0, Math.max(0.0, (m - minM) * f));
        }
        return out;
    }

    private static double[] kernel() {
        double[] k = new double[2 * RADIUS + 1];
        double s = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            k[i + RADIUS] = Math.exp(-0.5 * i * i / (SIGMA * SIGMA));
            s += k[i + RADIUS];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        return k;
    }

    /** Separable filter; edges mirror (irrelevant to the kept interior). */
    private static double[] filter(double[] v, int w, int h, double[] k) {
        double[] t = new double[v.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int j = -RADIUS; j <= RADIUS; j++) {
                    s += k[j + RADIUS] * v[r * w + mirror(c + j, w)];
                }
                t[r * w + c] = s;
            }
        }
        double[] o = new double[v.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int j = -RADIUS; j <= RADIUS; j++) {
                    s += k[j + RADIUS] * t[mirror(r + j, h) * w + c];
                }
                o[r * w + c] = s;
            }
        }
        return o;
    }

    private static int mirror(int i, int n) {
        if (i < 0) {
            return -i - 1;
        }
        if (i >= n) {
            return 2 * n - i - 1;
        }
        return i;
    }
}
