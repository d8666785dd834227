package dev.surveyor.insar.estimate;

/**
 * Cramér–Rao bound of velocity and DEM error for one point with i.i.d. Gaussian phase noise.
 *
 * <p>Model (all N dates, the reference included): {@code φ_q = c + a_q v + b_q ΔH + n_q}, {@code
 * n_q ~ N(0, σ²)}, with an unknown constant phase {@code c} (the point's own scattering phase,
 * which the temporal coherence ignores). The Fisher information of θ = (c, v, ΔH) is {@code AᵀA /
 * σ²}, A the N x 3 design matrix with rows {@code (1, a_q, b_q)}, so {@code CRB(θ) = σ² (AᵀA)⁻¹};
 * the bounds are the square roots of its diagonal. Without baselines the column b is dropped. The
 * bound of a difference between two points with independent noise is √2 times the single-point
 * bound.
 *
 * @param sigmaVelocityMmYr bound on the standard deviation of v, mm/yr
 * @param sigmaDemErrorM bound on the standard deviation of ΔH, m ({@code NaN} without baselines)
 * @param phaseNoiseRad σ used
 */
public record CramerRaoBound(
        double sigmaVelocityMmYr, double sigmaDemErrorM, double phaseNoiseRad) {

    /** Computes the bound for a model and a phase noise σ (rad). */
    public static CramerRaoBound of(PhaseModel model, double phaseNoiseRad) {
        double[] a = model.aRef();
        double[] b = model.bRef();
        int n = a.length;
        int k = b == null ? 2 : 3;
        double[][] m = new double[k][k];
        for (int q = 0; q < n; q++) {
            double[] x = b == null ? new double[] {1, a[q]} : new double[] {1, a[q], b[q]};
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    m[i][j] += x[i] * x[j];
                }
            }
        }
        double[][] inv = Linear.invert(m);
        double s2 = phaseNoiseRad * phaseNoiseRad;
        return new CramerRaoBound(
                Math.sqrt(s2 * inv[1][1]),
                b == null ? Double.NaN : Math.sqrt(s2 * inv[2][2]),
                phaseNoiseRad);
    }
}
