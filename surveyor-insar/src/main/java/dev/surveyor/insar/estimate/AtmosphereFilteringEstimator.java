package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;

/**
 * Velocity and DEM error of many points with the spatially correlated nuisance phase (atmosphere,
 * orbit ramps) removed by iterated spatial filtering (StaMPS-like; Hooper et al. 2007).
 *
 * <p>Steps (iteration k = 0 .. K−1, starting with zero models and unit weights):
 *
 * <ol>
 *   <li>residual {@code r_q(i) = φ_q(i) − a_q v_i − b_q ΔH_i} of every point i (the phase itself at
 *       k = 0);
 *   <li>patch phase {@code P_q(p) = arg Σ_{i≠p} w_i g(|x_i − x_p|) exp(j r_q(i))}: a Gaussian-weighted
 *       complex average of the neighbours, the point itself left out, weights {@code w_i = γ_i²} (the
 *       previous coherence), computed as a separable convolution on the pixel grid;
 *   <li>the nuisance is the part of the patch phase that is not linear in (T, B): fit {@code (c, v,
 *       ΔH)} to {@code P(p)} with the periodogram and keep {@code N_q(p) = wrap(P_q − c − a_q v − b_q
 *       ΔH)} — atmosphere is spatially smooth and temporally random, deformation is not removed;
 *   <li>re-estimate every point on {@code φ − N} with the periodogram.
 * </ol>
 *
 * <p>With K = 0 this is the paper's plain per-point periodogram. Points are estimated in parallel;
 * the estimates are those of the last iteration. Memory: the point phases plus two float images of
 * the points' bounding box per thread.
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
    public AtmosphereFilteringEstimator(PhaseModel model, ConfigPeriodogram grid, ConfigAtmosphere config) {
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
        pl.start("estimate", (long) np * (1 + 2L * iters));
        if (iters == 0) {
            estimateAll(corrected, n, np, v, h, coh, off, threads, pl, 0);
        }
        double[] weight = new double[np];
        java.util.Arrays.fill(weight, 1.0);
        for (int it = 0; it < iters; it++) {
            float[] residual = new float[np * n];
            for (int p = 0; p < np; p++) {
                for (int q = 0; q < n; q++) {
                    residual[p * n + q] = (float) (points.phaseRad()[p * n + q] - model.phase(q, v[p], h[p]));
                }
            }
            float[] patch = patchPhases(points, residual, weight, sigma, threads);
            // Keep only the part of the patch phase that is not linear in (T, B).
            double[] pv = new double[np];
            double[] ph = new double[np];
            double[] pc = new double[np];
            double[] pcoh = new double[np];
            estimateAll(patch, n, np, pv, ph, pcoh, pc, threads, pl, config.reliablePatchCoherence);
            for (int p = 0; p < np; p++) {
                for (int q = 0; q < n; q++) {
                    int i = p * n + q;
                    double nu = wrap(patch[i] - pc[p] - model.phase(q, pv[p], ph[p]));
                    if (patch[i] == 0f && pcoh[p] == 0) {
                        nu = 0;
                    }
                    nuisance[i] = (float) nu;
                    corrected[i] = (float) wrap(points.phaseRad()[i] - nu);
                }
            }
            estimateAll(corrected, n, np, v, h, coh, off, threads, pl, 0);
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
            float[] phases, int n, int np, double[] v, double[] h, double[] coh, double[] off, int threads,
            ProgressListener pl, double reliable) throws IOException {
        PeriodogramEstimator proto = new PeriodogramEstimator(model, grid);
        int chunk = Math.max(16, np / (threads * 8) + 1);
        Parallel.forRanges(np, chunk, threads, (from, to) -> {
            PeriodogramEstimator est = proto.copy();
            for (int p = from; p < to; p++) {
                PixelEstimate e = est.estimate(phases, p * n);
                if (e.temporalCoherence() < reliable) {
                    e = est.refineFrom(phases, p * n, 0, 0);
                }
                v[p] = e.velocityMmYr();
                h[p] = e.demErrorM();
                coh[p] = e.temporalCoherence();
                off[p] = e.offsetRad();
            }
            pl.advance(to - from);
        });
    }

    /** Leave-one-out Gaussian-weighted complex average of the residuals, per point and date. */
    private float[] patchPhases(PointSet pts, float[] residual, double[] weight, double sigma, int threads)
            throws IOException {
        int np = pts.size();
        int n = pts.numDates();
        int r0 = Integer.MAX_VALUE;
        int c0 = Integer.MAX_VALUE;
        int r1 = Integer.MIN_VALUE;
        int c1 = Integer.MIN_VALUE;
        for (int p = 0; p < np; p++) {
            r0 = Math.min(r0, pts.rows()[p]);
            r1 = Math.max(r1, pts.rows()[p]);
            c0 = Math.min(c0, pts.cols()[p]);
            c1 = Math.max(c1, pts.cols()[p]);
        }
        int gw = c1 - c0 + 1;
        int gh = r1 - r0 + 1;
        int rad = (int) Math.ceil(config.kernelRadiusSigmas * sigma);
        float[] k = new float[2 * rad + 1];
        for (int i = -rad; i <= rad; i++) {
            k[i + rad] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        float g00 = k[rad] * k[rad];
        int[] idx = new int[np];
        for (int p = 0; p < np; p++) {
            idx[p] = (pts.rows()[p] - r0) * gw + (pts.cols()[p] - c0);
        }
        float[] out = new float[np * n];
        Parallel.forRanges(n, 1, threads, (qa, qb) -> {
            float[] re = new float[gw * gh];
            float[] im = new float[gw * gh];
            float[] tr = new float[gw * gh];
            float[] ti = new float[gw * gh];
            for (int q = qa; q < qb; q++) {
                java.util.Arrays.fill(re, 0f);
                java.util.Arrays.fill(im, 0f);
                for (int p = 0; p < np; p++) {
                    double r = residual[p * n + q];
                    re[idx[p]] += (float) (weight[p] * Math.cos(r));
                    im[idx[p]] += (float) (weight[p] * Math.sin(r));
                }
                convolveRows(re, tr, gw, gh, k, rad);
                convolveRows(im, ti, gw, gh, k, rad);
                // Column pass straight into re/im (they are no longer needed as inputs).
                convolveCols(tr, re, gw, gh, k, rad);
                convolveCols(ti, im, gw, gh, k, rad);
                for (int p = 0; p < np; p++) {
                    double r = residual[p * n + q];
                    double sr = re[idx[p]] - g00 * weight[p] * Math.cos(r);
                    double si = im[idx[p]] - g00 * weight[p] * Math.sin(r);
                    out[p * n + q] = (sr == 0 && si == 0) ? 0f : (float) Math.atan2(si, sr);
                }
            }
        });
        return out;
    }

    private static void convolveRows(float[] in, float[] out, int w, int h, float[] k, int rad) {
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float s = 0;
                int lo = Math.max(-rad, -x);
                int hi = Math.min(rad, w - 1 - x);
                for (int i = lo; i <= hi; i++) {
                    s += k[i + rad] * in[base + x + i];
                }
                out[base + x] = s;
            }
        }
    }

    private static void convolveCols(float[] in, float[] out, int w, int h, float[] k, int rad) {
        java.util.Arrays.fill(out, 0f);
        for (int y = 0; y < h; y++) {
            int lo = Math.max(-rad, -y);
            int hi = Math.min(rad, h - 1 - y);
            int ob = y * w;
            for (int i = lo; i <= hi; i++) {
                float kk = k[i + rad];
                int ib = (y + i) * w;
                for (int x = 0; x < w; x++) {
                    out[ob + x] += kk * in[ib + x];
                }
            }
        }
    }

    static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}
