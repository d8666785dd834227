package dev.surveyor.insar.estimate;

/**
 * Sine and cosine of one angle together, branch-free, to about 1 ulp of double for |x| ≤ 1e5 rad
 * (outside that range, and for NaN/infinity, it defers to {@link Math#sin}/{@link Math#cos}).
 * Quadrant reduction {@code x = k·π/2 + r}, |r| ≤ π/4, with π/2 split in two parts (Cody–Waite),
 * then the fdlibm kernels ({@code __kernel_sin}, {@code __kernel_cos}: degree 13 and 14
 * polynomials) and a quadrant rotation by table (no branch). About twice as fast as the two {@code
 * Math} calls.
 */
final class SinCos {
    private static final double TWO_OVER_PI = 0.6366197723675814;
    private static final double PIO2_HI = 1.5707963267341256; // first 33 bits of π/2
    private static final double PIO2_LO = 6.077100506506192e-11; // π/2 − PIO2_HI
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    /** Rotation by k·π/2: sin(r + kπ/2) = s·A[k] + c·B[k], cos(r + kπ/2) = c·A[k] − s·B[k]. */
    private static final double[] A = {1, 0, -1, 0};

    private static final double[] B = {0, 1, 0, -1};

    private SinCos() {}

    /**
     * Writes {@code cos x} to {@code cos[i]} and {@code sin x} to {@code sin[i]}.
     *
     * @param x angle, rad
     */
    static void of(double x, double[] cos, double[] sin, int i) {
        if (!(Math.abs(x) <= 1e5)) {
            cos[i] = Math.cos(x);
            sin[i] = Math.sin(x);
            return;
        }
        double k = Math.rint(x * TWO_OVER_PI);
        double r = (x - k * PIO2_HI) - k * PIO2_LO;
        double z = r * r;
        double s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
        double c = 1 - 0.5 * z + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        int q = ((int) k) & 3;
        sin[i] = s * A[q] + c * B[q];
        cos[i] = c * A[q] - s * B[q];
    }
}
