package dev.surveyor.insar.ps;

/**
 * Per-pixel amplitude statistics over time for one window.
 *
 * <p>With {@code u_q = z_q / m_q} (m_q the scene-mean amplitude of image q, or 1 when not
 * normalising): {@code meanNormalized = Z̄ = mean_q u_q}, {@code dispersion = D_A = σ/μ} of u with
 * the population std (ddof = 0, as numpy's default and PSPS's {@code amp_disp}), {@code
 * minNormalized = min_q u_q}. Pixel i of the window is at index {@code (y − y0) · width + (x −
 * x0)}. A pixel with a NaN amplitude or zero mean gets NaN.
 *
 * @param meanNormalized Z̄ per pixel
 * @param dispersion D_A per pixel
 * @param minNormalized min_q u_q per pixel
 */
public record AmplitudeStatistics(
        float[] meanNormalized, float[] dispersion, float[] minNormalized) {

    /**
     * Computes the statistics of a window.
     *
     * @param amplitudes (Input) per date {@code width * height} amplitudes. Not modified.
     * @param imageMeans per date scene-mean amplitude (or null for no normalisation)
     */
    public static AmplitudeStatistics compute(float[][] amplitudes, double[] imageMeans) {
        int k = amplitudes.length;
        int px = amplitudes[0].length;
        double[] s = new double[px];
        double[] s2 = new double[px];
        float[] mn = new float[px];
        java.util.Arrays.fill(mn, Float.POSITIVE_INFINITY);
        for (int q = 0; q < k; q++) {
            float[] a = amplitudes[q];
            double inv = imageMeans == null ? 1.0 : 1.0 / imageMeans[q];
            for (int i = 0; i < px; i++) {
                double u = a[i] * inv;
                s[i] += u;
                s2[i] += u * u;
                if (u < mn[i] || Double.isNaN(u)) {
                    mn[i] = (float) u;
                }
            }
        }
        float[] mean = new float[px];
        float[] disp = new float[px];
        for (int i = 0; i < px; i++) {
            double m = s[i] / k;
            double var = Math.max(0, s2[i] / k - m * m);
            mean[i] = (float) m;
            disp[i] = m > 0 ? (float) (Math.sqrt(var) / m) : Float.NaN;
            if (Double.isNaN(m)) {
                disp[i] = Float.NaN;
                mn[i] = Float.NaN;
            }
        }
        return new AmplitudeStatistics(mean, disp, mn);
    }
}
