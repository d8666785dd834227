package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;

/**
 * Velocity and DEM error of many points with the spatially correlated nuisance phase (atmosphere,
 * orbit ramps) removed by iterated spatial filtering (StaMPS-like; Hooper et al. 2007).
 *
 * <p>Steps: (0) the plain per-point periodogram (the paper); points with coherence ≥ {@link
 * ConfigAtmosphere#reliableCoherence} keep that model as the start, the others start from v = ΔH =
 * 0 with weight 1. Then, iteration k = 1 .. K:
 *
 * <ol>
 *   <li>residual {@code r_q(i) = φ_q(i) − a_q v_i − b_q ΔH_i} of every point i;
 *   <li>nuisance {@code N_q(p)}: leave-one-out local-linear estimate of the residual phase at p
 *       from the neighbours within {@code kernelRadiusSigmas · σ}, Gaussian weights {@code w_i
 *       g(d)} with {@code w_i = γ_i²} (see {@code patchPhases});
 *   <li>re-estimate every point on {@code φ − N} with the periodogram.
 * </ol>
 *
 * <p>Where the start models are good (weak atmosphere) the residuals hold only nuisance and noise
 * and the estimates stay absolute. Where they are not (strong atmosphere), the spatially smooth
 * part of the velocity and DEM error is not separable from the nuisance: the estimates are then
 * right <em>relative to their neighbours</em> (as StaMPS results are, relative to a reference
 * area), which is what pairs of nearby points measure. With K = 0 the result is the paper's plain
 * periodogram. Points are estimated in parallel; the estimates are those of the last iteration.
 * Memory: the point phases plus two float images of the points' bounding box per thread.
 */
public final class AtmosphereFilteringEstimator {
    private final PhaseModel model;
    private final ConfigPeriodogram grid;
    private final ConfigAtmosphere config;

    /**
     * @param model phase model of the stack
     * @param grid periodogram settings (null = defaults)
     * @param config filtering settings (null = defaults)
     */
    public AtmosphereFilteringEstimator(
            PhaseModel model, ConfigPeriodogram grid, ConfigAtmosphere config) {
        this.model = model;
        this.grid = grid == null ? new ConfigPeriodogram() : grid.copy();
        this.grid.validate();
        this.config = config == null ? new ConfigAtmosphere() : config.copy();
        this.config.validate();
    }

    /**
     * Estimates every point.
     *
     * @param points (Input) phases. Not modified.
     * @param progress receives one step per point and pass
     */
    public PointEstimates estimate(PointSet points, ProgressListener progress) throws IOException {
        int np = points.size();
        int n = points.numDates();
        if (n != model.numDates()) {
            throw new IllegalArgumentException(
                    "the points have " + n + " dates but the phase model has " + model.numDates());
        }
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        int threads = Parallel.threads(config.threads);
        double[] v = new double[np];
        double[] h = new double[np];
        double[] coh = new double[np];
        double[] off = new double[np];
        float[] nuisance = new float[np * n];
        float[] corrected = points.phaseRad().clone();
        int iters = config.iterations;
        double sigma = iters > 0 ? filterSigma(points) : 0;
        pl.start("estimate", (long) np * (1 + iters));
        // Start: the plain per-point periodogram (the paper). Points it explains well keep their
        // models as the starting point, so that without atmosphere the estimates stay absolute; the
        // others start from zero.
        estimateAll(corrected, n, np, v, h, coh, off, threads, pl, false);
        double[] weight = new double[np];
        for (int p = 0; p < np; p++) {
            if (iters > 0 && coh[p] < config.reliableCoherence) {
                v[p] = 0;
                h[p] = 0;
                weight[p] = 1;
            } else {
                weight[p] = coh[p] * coh[p];
            }
        }
        for (int it = 0; it < iters; it++) {
            float[] residual = new float[np * n];
            for (int p = 0; p < np; p++) {
                for (int q = 0; q < n; q++) {
                    residual[p * n + q] =
                            (float) (points.phaseRad()[p * n + q] - model.phase(q, v[p], h[p]));
                }
            }
            float[] patch = patchPhases(points, residual, weight, sigma, threads);
            for (int i = 0; i < np * n; i++) {
                nuisance[i] = patch[i];
                corrected[i] = (float) wrap(points.phaseRad()[i] - patch[i]);
            }
            estimateAll(corrected, n, np, v, h, coh, off, threads, pl, true);
            for (int p = 0; p < np; p++) {
                weight[p] = coh[p] * coh[p];
            }
        }
        pl.finish("");
        return new PointEstimates(v, h, coh, off, nuisance, sigma);
    }

    /** The filter σ in px for these points (fixed, or adaptive to their density). */
    double filterSigma(PointSet points) {
        if (config.filterSigmaPx > 0) {
            return config.filterSigmaPx;
        }
        int np = points.size();
        if (np == 0) {
            return 2;
        }
        int r0 = Integer.MAX_VALUE;
        int r1 = Integer.MIN_VALUE;
        int c0 = Integer.MAX_VALUE;
        int c1 = Integer.MIN_VALUE;
        for (int p = 0; p < np; p++) {
            r0 = Math.min(r0, points.rows()[p]);
            r1 = Math.max(r1, points.rows()[p]);
            c0 = Math.min(c0, points.cols()[p]);
            c1 = Math.max(c1, points.cols()[p]);
        }
        double area = (double) (r1 - r0 + 1) * (c1 - c0 + 1);
        double density = np / area;
        double s = Math.sqrt(config.targetNeighbours / (4 * Math.PI * density));
        return Math.max(2, Math.min(50, s));
    }

    private void estimateAll(
            float[] phases,
            int n,
            int np,
            double[] v,
            double[] h,
            double[] coh,
            double[] off,
            int threads,
            ProgressListener pl,
            boolean keepLocal)
            throws IOException {
        double margin = config.jumpMargin;
        PeriodogramEstimator proto = new PeriodogramEstimator(model, grid);
        int chunk = Math.max(16, np / (threads * 8) + 1);
        Parallel.forRanges(
                np,
                chunk,
                threads,
                (from, to) -> {
                    PeriodogramEstimator est = proto.copy();
                    for (int p = from; p < to; p++) {
                        PixelEstimate e = est.estimate(phases, p * n);
                        if (keepLocal) {
                            // Prefer the maximum nearest to the previous estimate unless the global
                            // one is
                            // clearly better: estimates then change continuously between
                            // iterations.
                            PixelEstimate local = est.refineFrom(phases, p * n, v[p], h[p]);
                            if (local.temporalCoherence() + margin >= e.temporalCoherence()) {
                                e = local;
                            }
                        }
                        v[p] = e.velocityMmYr();
                        h[p] = e.demErrorM();
                        coh[p] = e.temporalCoherence();
                        off[p] = e.offsetRad();
                    }
                    pl.advance(to - from);
                });
    }

    /**
     * Leave-one-out local-linear estimate of the residual phase at each point and date: {@code φ0 =
     * arg Σ_{i≠p} w_i g_i exp(j r_i)}, then the intercept at p of a weighted plane fitted to {@code
     * wrap(r_i − φ0)} over the neighbours (removes the first-order bias of irregularly placed
     * neighbours); a plain weighted mean where the plane is ill-conditioned.
     */
    private float[] patchPhases(
            PointSet pts, float[] residual, double[] weight, double sigma, int threads)
            throws IOException {
        int np = pts.size();
        int n = pts.numDates();
        double radius = config.kernelRadiusSigmas * sigma;
        NeighbourGrid grid = new NeighbourGrid(pts.rows(), pts.cols(), radius);
        float[] out = new float[np * n];
        // Unit phasors of the residuals, computed once (the neighbour loops then need no trig).
        float[] cr = new float[np * n];
        float[] ci = new float[np * n];
        for (int i = 0; i < np * n; i++) {
            cr[i] = (float) Math.cos(residual[i]);
            ci[i] = (float) Math.sin(residual[i]);
        }
        int chunk = Math.max(16, np / (threads * 8) + 1);
        Parallel.forRanges(
                np,
                chunk,
                threads,
                (from, to) -> {
                    int[] nb = new int[64];
                    double[] lam = new double[64];
                    double[] gw = new double[64];
                    double[] sr = new double[n];
                    double[] si = new double[n];
                    double[] phi0 = new double[n];
                    double[] alpha = new double[n];
                    for (int p = from; p < to; p++) {
                        int cnt = 0;
                        int[] found = grid.neighbours(p, radius);
                        if (found.length > nb.length) {
                            nb = new int[found.length];
                            lam = new double[found.length];
                            gw = new double[found.length];
                        }
                        double[][] m = new double[3][3];
                        for (int i : found) {
                            if (i == p || weight[i] <= 0) {
                                continue;
                            }
                            double dx = pts.cols()[i] - pts.cols()[p];
                            double dy = pts.rows()[i] - pts.rows()[p];
                            double g =
                                    weight[i]
                                            * Math.exp(
                                                    -0.5 * (dx * dx + dy * dy) / (sigma * sigma));
                            nb[cnt] = i;
                            gw[cnt] = g;
                            double[] x = {1, dx, dy};
                            for (int a = 0; a < 3; a++) {
                                for (int b = 0; b < 3; b++) {
                                    m[a][b] += g * x[a] * x[b];
                                }
                            }
                            cnt++;
                        }
                        if (cnt == 0) {
                            continue;
                        }
                        // Equivalent kernel of the local-linear intercept: λ_i = g_i · e1ᵀ M⁻¹ x_i.
                        double[] row = null;
                        if (cnt >= 6) {
                            try {
                                double[][] inv = Linear.invert(m);
                                double cond = Math.abs(inv[0][0] * m[0][0]);
                                if (cond < 10) {
                                    row = inv[0];
                                }
                            } catch (IllegalArgumentException e) {
                                row = null;
                            }
                        }
                        double sum = 0;
                        for (int k = 0; k < cnt; k++) {
                            int i = nb[k];
                            if (row != null) {
                                double dx = pts.cols()[i] - pts.cols()[p];
                                double dy = pts.rows()[i] - pts.rows()[p];
                                lam[k] = gw[k] * (row[0] + row[1] * dx + row[2] * dy);
                            } else {
                                lam[k] = gw[k];
                            }
                            sum += lam[k];
                        }
                        for (int k = 0; k < cnt; k++) {
                            lam[k] /= sum;
                        }
                        java.util.Arrays.fill(sr, 0);
                        java.util.Arrays.fill(si, 0);
                        for (int k = 0; k < cnt; k++) {
                            int base = nb[k] * n;
                            double g = gw[k];
                            for (int q = 0; q < n; q++) {
                                sr[q] += g * cr[base + q];
                                si[q] += g * ci[base + q];
                            }
                        }
                        for (int q = 0; q < n; q++) {
                            phi0[q] = Math.atan2(si[q], sr[q]);
                        }
                        java.util.Arrays.fill(alpha, 0);
                        for (int k = 0; k < cnt; k++) {
                            int base = nb[k] * n;
                            double l = lam[k];
                            for (int q = 0; q < n; q++) {
                                alpha[q] += l * wrap(residual[base + q] - phi0[q]);
                            }
                        }
                        for (int q = 0; q < n; q++) {
                            out[p * n + q] = (float) wrap(phi0[q] + alpha[q]);
                        }
                    }
                });
        return out;
    }

    static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}
