package dev.surveyor.insar.estimate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The passes of {@link AtmosphereFilteringEstimator} as serializable per-chunk functions for a
 * {@link RangeRunner}. Each point's result depends only on the shared inputs, never on the chunk it
 * falls in, so that any chunking (threads, Spark partitions) gives bit-identical numbers.
 */
final class EstimationPasses {
    private EstimationPasses() {}

    /**
     * Estimates of the points {@code [from, to)} of a pass.
     *
     * @param velocityMmYr v per point
     * @param demErrorM ΔH per point
     * @param temporalCoherence γ per point
     * @param offsetRad constant phase per point
     * @param nuisanceRad the removed nuisance {@code [(p − from) * N + q]}, or {@code null} for the
     *     start pass (no nuisance)
     */
    record ChunkEstimates(
            double[] velocityMmYr,
            double[] demErrorM,
            double[] temporalCoherence,
            double[] offsetRad,
            float[] nuisanceRad)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        static ChunkEstimates of(int count, int numDates, boolean nuisance) {
            return new ChunkEstimates(
                    new double[count],
                    new double[count],
                    new double[count],
                    new double[count],
                    nuisance ? new float[count * numDates] : null);
        }

        void set(int k, PixelEstimate e) {
            velocityMmYr[k] = e.velocityMmYr();
            demErrorM[k] = e.demErrorM();
            temporalCoherence[k] = e.temporalCoherence();
            offsetRad[k] = e.offsetRad();
        }
    }

    /**
     * The models of the previous pass: the filter's input.
     *
     * @param velocityMmYr v per point
     * @param demErrorM ΔH per point
     * @param weight filter weight per point (0 = not used as a neighbour)
     */
    record State(double[] velocityMmYr, double[] demErrorM, double[] weight)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What the passes that look at neighbours share.
     *
     * @param points the points
     * @param neighbours their neighbour grid
     * @param state the previous pass's models
     * @param model the phase model
     * @param grid the periodogram settings
     * @param radius neighbours closer than this take part, px (≤ the grid's radius)
     * @param jumpMargin coherence margin for leaving a local maximum for the global one
     */
    record NeighbourInputs(
            RangeRunner.Shared<PointSet> points,
            RangeRunner.Shared<NeighbourGrid> neighbours,
            RangeRunner.Shared<State> state,
            PhaseModel model,
            ConfigPeriodogram grid,
            double radius,
            double jumpMargin)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The plain per-point periodogram (the paper): pass 0. */
    static final class StartPass implements RangeRunner.RangeFunction<ChunkEstimates> {
        private static final long serialVersionUID = 1L;
        private final RangeRunner.Shared<PointSet> points;
        private final PhaseModel model;
        private final ConfigPeriodogram grid;

        StartPass(RangeRunner.Shared<PointSet> points, PhaseModel model, ConfigPeriodogram grid) {
            this.points = points;
            this.model = model;
            this.grid = grid.copy();
        }

        @Override
        public ChunkEstimates apply(int from, int to) {
            PointSet pts = points.get();
            int n = pts.numDates();
            PeriodogramEstimator est = new PeriodogramEstimator(model, grid);
            ChunkEstimates out = ChunkEstimates.of(to - from, n, false);
            for (int p = from; p < to; p++) {
                out.set(p - from, est.estimate(pts.phaseRad(), p * n));
            }
            return out;
        }
    }

    /**
     * One filter iteration: the nuisance of each point from its neighbours' residuals under the
     * previous models (leave-one-out local-linear Gaussian filter), then the periodogram on the
     * corrected phase, keeping the maximum nearest to the previous model unless the global one is
     * better by more than the jump margin.
     */
    static final class FilterPass implements RangeRunner.RangeFunction<ChunkEstimates> {
        private static final long serialVersionUID = 1L;
        private final NeighbourInputs in;
        private final double sigma;

        /**
         * @param in the shared inputs; {@code in.radius()} the filter kernel radius
         * @param sigma the Gaussian filter σ, px
         */
        FilterPass(NeighbourInputs in, double sigma) {
            this.in = in;
            this.sigma = sigma;
        }

        @Override
        public ChunkEstimates apply(int from, int to) {
            PointSet pts = in.points().get();
            State st = in.state().get();
            NeighbourGrid ng = in.neighbours().get();
            PhaseModel model = in.model();
            double radius = in.radius();
            int n = pts.numDates();
            float[] phase = pts.phaseRad();
            // Neighbours of the chunk, and the index range they span.
            int[][] found = new int[to - from][];
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int p = from; p < to; p++) {
                int[] f = ng.neighbours(p, radius);
                found[p - from] = f;
                for (int i : f) {
                    lo = Math.min(lo, i);
                    hi = Math.max(hi, i);
                }
            }
            // Residuals under the previous models and their unit phasors, for that range only.
            int span = Math.max(0, hi - lo + 1);
            float[] res = new float[span * n];
            float[] cr = new float[span * n];
            float[] ci = new float[span * n];
            for (int i = lo; i <= hi; i++) {
                for (int q = 0; q < n; q++) {
                    int k = (i - lo) * n + q;
                    res[k] =
                            (float)
                                    (phase[i * n + q]
                                            - model.phase(
                                                    q, st.velocityMmYr()[i], st.demErrorM()[i]));
                    cr[k] = (float) Math.cos(res[k]);
                    ci[k] = (float) Math.sin(res[k]);
                }
            }
            PeriodogramEstimator est = new PeriodogramEstimator(model, in.grid());
            ChunkEstimates out = ChunkEstimates.of(to - from, n, true);
            Scratch s = new Scratch(n);
            float[] corrected = new float[n];
            for (int p = from; p < to; p++) {
                float[] patch = out.nuisanceRad();
                int base = (p - from) * n;
                patch(pts, st.weight(), found[p - from], p, lo, res, cr, ci, s, patch, base);
                for (int q = 0; q < n; q++) {
                    corrected[q] = (float) wrap(phase[p * n + q] - patch[base + q]);
                }
                PixelEstimate e = est.estimate(corrected, 0);
                // Prefer the maximum nearest to the previous estimate unless the global one is
                // clearly better: estimates then change continuously between iterations.
                PixelEstimate local =
                        est.refineFrom(corrected, 0, st.velocityMmYr()[p], st.demErrorM()[p]);
                if (local.temporalCoherence() + in.jumpMargin() >= e.temporalCoherence()) {
                    e = local;
                }
                out.set(p - from, e);
            }
            return out;
        }

        /** Per-chunk scratch arrays. */
        private static final class Scratch {
            int[] nb = new int[64];
            double[] lam = new double[64];
            double[] gw = new double[64];
            final double[] sr;
            final double[] si;
            final double[] phi0;
            final double[] alpha;

            Scratch(int n) {
                sr = new double[n];
                si = new double[n];
                phi0 = new double[n];
                alpha = new double[n];
            }
        }

        /**
         * Leave-one-out local-linear estimate of the residual phase at point p and every date:
         * {@code φ0 = arg Σ_{i≠p} w_i g_i exp(j r_i)}, then the intercept at p of a weighted plane
         * fitted to {@code wrap(r_i − φ0)} over the neighbours (removes the first-order bias of
         * irregularly placed neighbours); a plain weighted mean where the plane is ill-conditioned.
         * Writes {@code out[base + q]}; leaves it 0 without neighbours.
         */
        private void patch(
                PointSet pts,
                double[] weight,
                int[] found,
                int p,
                int lo,
                float[] residual,
                float[] cr,
                float[] ci,
                Scratch s,
                float[] out,
                int base) {
            int n = pts.numDates();
            if (found.length > s.nb.length) {
                s.nb = new int[found.length];
                s.lam = new double[found.length];
                s.gw = new double[found.length];
            }
            int[] nb = s.nb;
            double[] lam = s.lam;
            double[] gw = s.gw;
            int cnt = 0;
            double[][] m = new double[3][3];
            for (int i : found) {
                if (i == p || weight[i] <= 0) {
                    continue;
                }
                double dx = pts.cols()[i] - pts.cols()[p];
                double dy = pts.rows()[i] - pts.rows()[p];
                double g = weight[i] * Math.exp(-0.5 * (dx * dx + dy * dy) / (sigma * sigma));
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
                return;
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
            double[] sr = s.sr;
            double[] si = s.si;
            Arrays.fill(sr, 0);
            Arrays.fill(si, 0);
            for (int k = 0; k < cnt; k++) {
                int off = (nb[k] - lo) * n;
                double g = gw[k];
                for (int q = 0; q < n; q++) {
                    sr[q] += g * cr[off + q];
                    si[q] += g * ci[off + q];
                }
            }
            double[] phi0 = s.phi0;
            for (int q = 0; q < n; q++) {
                phi0[q] = Math.atan2(si[q], sr[q]);
            }
            double[] alpha = s.alpha;
            Arrays.fill(alpha, 0);
            for (int k = 0; k < cnt; k++) {
                int off = (nb[k] - lo) * n;
                double l = lam[k];
                for (int q = 0; q < n; q++) {
                    alpha[q] += l * wrap(residual[off + q] - phi0[q]);
                }
            }
            for (int q = 0; q < n; q++) {
                out[base + q] = (float) wrap(phi0[q] + alpha[q]);
            }
        }
    }

    /**
     * Arcs of a chunk: for each point p of the chunk and each neighbour k &gt; p (index order, so
     * every arc once) within the arc radius, both with a start coherence ≥ the threshold, the
     * relative (Δv, ΔΔH) = model(p) − model(k) maximising the coherence of the double difference
     * {@code wrap(φ_p − φ_k)}: Newton iterations from the difference of the filtered estimates, or
     * the periodogram's global maximum where that is better by more than the jump margin. The
     * atmosphere of close points nearly cancels in the double difference.
     *
     * @param from first point of each arc
     * @param to second point of each arc
     * @param dv velocity difference, mm/yr
     * @param dh DEM-error difference, m
     * @param coherence temporal coherence of the arc's double difference
     */
    record ChunkArcs(int[] from, int[] to, double[] dv, double[] dh, double[] coherence)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        int size() {
            return from.length;
        }
    }

    /** Arc estimation over the chunk's points (see {@link ChunkArcs}). */
    static final class ArcPass implements RangeRunner.RangeFunction<ChunkArcs> {
        private static final long serialVersionUID = 1L;
        private final NeighbourInputs in;
        private final double minWeight;
        private final double globalBelow;

        /**
         * @param in the shared inputs; {@code in.radius()} the arc radius, {@code in.state()} the
         *     filtered models with the coherence as weight
         * @param minWeight least coherence of an arc end
         * @param globalBelow coherence below which an arc is also searched over the whole grid
         */
        ArcPass(NeighbourInputs in, double minWeight, double globalBelow) {
            this.in = in;
            this.minWeight = minWeight;
            this.globalBelow = globalBelow;
        }

        @Override
        public ChunkArcs apply(int from, int to) {
            PointSet pts = in.points().get();
            State st = in.state().get();
            NeighbourGrid ng = in.neighbours().get();
            int n = pts.numDates();
            float[] phase = pts.phaseRad();
            PeriodogramEstimator est = new PeriodogramEstimator(in.model(), in.grid());
            float[] dd = new float[n];
            int cap = 16;
            int[] a = new int[cap];
            int[] b = new int[cap];
            double[] dv = new double[cap];
            double[] dh = new double[cap];
            double[] g = new double[cap];
            int m = 0;
            for (int p = from; p < to; p++) {
                if (st.weight()[p] < minWeight) {
                    continue;
                }
                for (int k : ng.neighbours(p, in.radius())) {
                    if (k <= p || st.weight()[k] < minWeight) {
                        continue;
                    }
                    for (int q = 0; q < n; q++) {
                        dd[q] = (float) wrap(phase[p * n + q] - phase[k * n + q]);
                    }
                    PixelEstimate e =
                            est.refineFrom(
                                    dd,
                                    0,
                                    st.velocityMmYr()[p] - st.velocityMmYr()[k],
                                    st.demErrorM()[p] - st.demErrorM()[k]);
                    // The double difference is nearly free of atmosphere, so its global maximum is
                    // trusted where clearly better (a wrong start, e.g. a point's wrong ambiguity);
                    // searched only where the local maximum is poor, since it costs a periodogram.
                    if (e.temporalCoherence() < globalBelow) {
                        PixelEstimate global = est.estimate(dd, 0);
                        if (global.temporalCoherence() > e.temporalCoherence() + in.jumpMargin()) {
                            e = global;
                        }
                    }
                    if (m == cap) {
                        cap *= 2;
                        a = Arrays.copyOf(a, cap);
                        b = Arrays.copyOf(b, cap);
                        dv = Arrays.copyOf(dv, cap);
                        dh = Arrays.copyOf(dh, cap);
                        g = Arrays.copyOf(g, cap);
                    }
                    a[m] = p;
                    b[m] = k;
                    dv[m] = e.velocityMmYr();
                    dh[m] = e.demErrorM();
                    g[m] = e.temporalCoherence();
                    m++;
                }
            }
            return new ChunkArcs(
                    Arrays.copyOf(a, m),
                    Arrays.copyOf(b, m),
                    Arrays.copyOf(dv, m),
                    Arrays.copyOf(dh, m),
                    Arrays.copyOf(g, m));
        }
    }

    static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}
