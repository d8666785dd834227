package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;
import java.util.List;

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
 * <p>Then arcs (SARvey-like; {@link ConfigAtmosphere#arcRadiusPx}): for every pair of points closer
 * than the arc radius, both with filtered coherence ≥ {@link ConfigAtmosphere#arcPointCoherence},
 * the differences (Δv, ΔΔH) are estimated on the double difference {@code wrap(φ_p − φ_k)}, in
 * which the atmosphere of close points nearly cancels, and integrated by weighted least squares
 * over the arc network, anchored to the filtered estimates ({@link ArcNetwork}). Why: at the
 * filter's fixed point the estimates of neighbours leak into each other through the nuisance (the
 * spatially smooth part of v and ΔH is not separable from the atmosphere), which starting from v =
 * ΔH = 0 leaves a smoothed copy of the neighbours' true values in each estimate — large for ΔH,
 * whose spread is ~11 Cramér–Rao bounds in the simulations; the arcs measure neighbour
 * differences directly. The change of model is moved out of the nuisance, so residuals, coherence
 * and offsets stay those of the last filter pass.
 *
 * <p>Where the start models are good (weak atmosphere) the residuals hold only nuisance and noise
 * and the estimates stay absolute. Where they are not (strong atmosphere), the spatially smooth
 * part of the velocity and DEM error is not separable from the nuisance: the estimates are then
 * right <em>relative to their neighbours</em> (as StaMPS results are, relative to a reference
 * area), which is what pairs of nearby points measure. With K = 0 the result is the paper's plain
 * periodogram (and no arcs). Each pass runs over chunks of points on a {@link RangeRunner} (threads
 * of this JVM, or Spark executors) with bit-identical results; the estimates are those of the last
 * iteration. Memory: the point phases, plus per chunk the residuals of the points its neighbours
 * span.
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
     * Estimates every point on this JVM's threads ({@link ConfigAtmosphere#threads}).
     *
     * @param points (Input) phases. Not modified.
     * @param progress receives one step per point and pass
     */
    public PointEstimates estimate(PointSet points, ProgressListener progress) throws IOException {
        return estimate(points, progress, new LocalRangeRunner(config.threads));
    }

    /**
     * Estimates every point, each pass (the start and every filter iteration) run by {@code runner}
     * over chunks of points. Every runner gives bit-identical results.
     *
     * @param points (Input) phases. Not modified.
     * @param progress receives one step per point and pass
     * @param runner runs the passes (thread pool, Spark executors)
     */
    public PointEstimates estimate(PointSet points, ProgressListener progress, RangeRunner runner)
            throws IOException {
        int np = points.size();
        int n = points.numDates();
        if (n != model.numDates()) {
            throw new IllegalArgumentException(
                    "the points have " + n + " dates but the phase model has " + model.numDates());
        }
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        double[] v = new double[np];
        double[] h = new double[np];
        double[] coh = new double[np];
        double[] off = new double[np];
        float[] nuisance = new float[np * n];
        int iters = config.iterations;
        double sigma = iters > 0 ? filterSigma(points) : 0;
        pl.start("estimate", (long) np * (1 + iters + (config.arcRadiusPx > 0 ? 1 : 0)));
        RangeRunner.Shared<PointSet> shared = runner.share(points);
        // Start: the plain per-point periodogram (the paper). Points it explains well keep their
        // models as the starting point, so that without atmosphere the estimates stay absolute; the
        // others start from zero.
        collect(
                runner.map(
                        "periodogram", np, new EstimationPasses.StartPass(shared, model, grid), pl),
                n,
                v,
                h,
                coh,
                off,
                nuisance);
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
        if (iters > 0 && np > 0) {
            double radius = config.kernelRadiusSigmas * sigma;
            RangeRunner.Shared<NeighbourGrid> grid2 =
                    runner.share(new NeighbourGrid(points.rows(), points.cols(), radius));
            // the filter and the arcs read the same points and model with their own state/radius
            java.util.function.BiFunction<
                            RangeRunner.Shared<EstimationPasses.State>,
                            Double,
                            EstimationPasses.NeighbourInputs>
                    neighbours =
                            (state, r) ->
                                    new EstimationPasses.NeighbourInputs(
                                            shared,
                                            grid2,
                                            state,
                                            model,
                                            grid,
                                            r,
                                            config.jumpMargin);
            for (int it = 0; it < iters; it++) {
                RangeRunner.Shared<EstimationPasses.State> state =
                        runner.share(
                                new EstimationPasses.State(v.clone(), h.clone(), weight.clone()));
                EstimationPasses.FilterPass pass =
                        new EstimationPasses.FilterPass(neighbours.apply(state, radius), sigma);
                collect(
                        runner.map("filter " + (it + 1), np, pass, pl),
                        n,
                        v,
                        h,
                        coh,
                        off,
                        nuisance);
                for (int p = 0; p < np; p++) {
                    weight[p] = coh[p] * coh[p];
                }
            }
            if (config.arcRadiusPx > 0) {
                double arcRadius = Math.min(config.arcRadiusPx, radius);
                RangeRunner.Shared<EstimationPasses.State> state =
                        runner.share(new EstimationPasses.State(v.clone(), h.clone(), coh.clone()));
                List<EstimationPasses.ChunkArcs> arcs =
                        runner.map(
                                "arcs",
                                np,
                                new EstimationPasses.ArcPass(
                                        neighbours.apply(state, arcRadius),
                                        config.arcPointCoherence,
                                        config.arcGlobalSearchBelow),
                                pl);
                ArcNetwork net = ArcNetwork.of(np, arcs, config.minArcCoherence);
                double[] vi = net.integrate(v, true, config.arcAnchorWeight);
                double[] hi = net.integrate(h, false, config.arcAnchorWeight);
                // The change of model moves out of the nuisance, so that the residuals (and the
                // coherence, offsets and displacements) stay those of the filtered estimates.
                for (int p = 0; p < np; p++) {
                    double dv = vi[p] - v[p];
                    double dh = hi[p] - h[p];
                    for (int q = 0; q < n; q++) {
                        nuisance[p * n + q] =
                                (float) wrap(nuisance[p * n + q] - model.phase(q, dv, dh));
                    }
                    v[p] = vi[p];
                    h[p] = hi[p];
                }
            }
        }
        pl.finish("");
        return new PointEstimates(v, h, coh, off, nuisance, sigma);
    }

    private static void collect(
            java.util.List<EstimationPasses.ChunkEstimates> parts,
            int n,
            double[] v,
            double[] h,
            double[] coh,
            double[] off,
            float[] nuisance) {
        int k = 0;
        for (EstimationPasses.ChunkEstimates e : parts) {
            int len = e.velocityMmYr().length;
            System.arraycopy(e.velocityMmYr(), 0, v, k, len);
            System.arraycopy(e.demErrorM(), 0, h, k, len);
            System.arraycopy(e.temporalCoherence(), 0, coh, k, len);
            System.arraycopy(e.offsetRad(), 0, off, k, len);
            if (e.nuisanceRad() != null) {
                System.arraycopy(e.nuisanceRad(), 0, nuisance, k * n, len * n);
            }
            k += len;
        }
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

    static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}
