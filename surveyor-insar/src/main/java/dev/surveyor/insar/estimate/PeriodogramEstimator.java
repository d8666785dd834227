package dev.surveyor.insar.estimate;

/**
 * Per-point LOS velocity and DEM error by maximising the temporal coherence {@code γ(v, ΔH) = |1/N
 * Σ_q exp(j(φ_q − a_q v − b_q ΔH))|} (Aduenko et al. 2015, eq. for c; Ferretti et al. 2001).
 *
 * <p>Steps: (1) grid search over {@code v ∈ [−V, V]}, {@code ΔH ∈ [−H, H]} with steps {@code
 * λ/(d·ΔT)} and {@code λ R sinθ/(d·ΔB⊥)} (d = {@link ConfigPeriodogram#stepDivisor}); the result is
 * the exact arg max of the float power {@code |Σ_q z_q P_q[cell]|²} over every cell (ties: the
 * smaller velocity index, then the smaller DEM-error index, i.e. numpy's {@code argmax} of the
 * row-major grid), found by branch and bound ({@link PrunedGridSearch}: block centres with their
 * derivatives bound every neighbouring cell, and only cells whose bound reaches the best are
 * evaluated); the per-date phase ramps {@code P_q} are precomputed once per grid ({@link
 * PeriodogramTables}, shared by copies). Grids whose table would exceed {@link
 * PeriodogramTables#MAX_TABLE_FLOATS} floats are searched cell by cell with separable ramps
 * instead. (2) Newton iterations on {@code Σ_q cos r_q} (r the residuals, with the constant phase c
 * free) starting from the best cell, which converges to the maximum-likelihood estimate for small
 * noise; a step that lowers the coherence is halved. Without refinement ({@link
 * ConfigPeriodogram#refine} false) the coherence and offset are those of the best cell, in double.
 *
 * <p>All N dates take part, the reference included (its phase is 0). Without baselines the search
 * is over v only. Not thread-safe (scratch arrays); use {@link #copy()} per thread (cheap: the
 * tables are shared).
 */
public final class PeriodogramEstimator {
    private final PhaseModel model;
    private final double[] a;
    private final double[] b;
    private final int n;
    private final double[] vGrid;
    private final double[] hGrid;

    /** The pruned search, or {@code null} for grids too large for tables. */
    private final PrunedGridSearch search;

    /** Separable fallback: exp(−j a_q v_i): [i][2q], [i][2q+1]; {@code null} with tables. */
    private final double[][] ev;

    /** exp(−j b_q h_k), split re/im, date-major [q * nh + k]; {@code null} with tables. */
    private final float[] ehr;

    private final float[] ehi;

    private final boolean refine;
    private final double[] cellSum = new double[2];
    private final int maxIter;
    private final float[] sr;
    private final float[] si;
    private final ConfigPeriodogram config;

    /** Builds the grids for a model. */
    public PeriodogramEstimator(PhaseModel model, ConfigPeriodogram config) {
        ConfigPeriodogram c = config == null ? new ConfigPeriodogram() : config.copy();
        c.validate();
        this.config = c;
        this.model = model;
        this.a = model.aRef();
        this.b = model.bRef();
        this.n = a.length;
        double lambda = model.sensor().wavelengthM();
        double spanT = Math.max(model.timeSpanYr(), 1e-6);
        double vStep = lambda / (c.stepDivisor * spanT) * 1e3;
        this.vGrid = grid(c.velocityRangeMmYr, vStep);
        if (b != null && c.demErrorRangeM > 0 && model.baselineSpanM() > 0) {
            var s = model.sensor();
            double lrs =
                    s.wavelengthM() * s.slantRangeM() * Math.sin(Math.toRadians(s.incidenceDeg()));
            double hStep = lrs / (c.stepDivisor * model.baselineSpanM());
            this.hGrid = grid(c.demErrorRangeM, hStep);
        } else {
            this.hGrid = new double[] {0};
        }
        int nh = hGrid.length;
        if (PeriodogramTables.fits(n, vGrid.length, nh)) {
            this.search = new PrunedGridSearch(PeriodogramTables.of(a, b, vGrid, hGrid));
            this.ev = null;
            this.ehr = null;
            this.ehi = null;
        } else {
            this.search = null;
            this.ev = new double[vGrid.length][2 * n];
            for (int i = 0; i < vGrid.length; i++) {
                for (int q = 0; q < n; q++) {
                    double p = -a[q] * vGrid[i];
                    ev[i][2 * q] = Math.cos(p);
                    ev[i][2 * q + 1] = Math.sin(p);
                }
            }
            this.ehr = new float[n * nh];
            this.ehi = new float[n * nh];
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < nh; k++) {
                    double p = b == null ? 0 : -b[q] * hGrid[k];
                    ehr[q * nh + k] = (float) Math.cos(p);
                    ehi[q * nh + k] = (float) Math.sin(p);
                }
            }
        }
        this.sr = new float[nh];
        this.si = new float[nh];
        this.refine = c.refine;
        this.maxIter = c.maxRefineIterations;
    }

    private static double[] grid(double range, double step) {
        int half = (int) Math.ceil(range / step);
        double[] g = new double[2 * half + 1];
        for (int i = 0; i < g.length; i++) {
            g[i] = (i - half) * step;
        }
        return g;
    }

    /** An independent estimator with the same grids (for another thread); shares the tables. */
    public PeriodogramEstimator copy() {
        return new PeriodogramEstimator(this);
    }

    private PeriodogramEstimator(PeriodogramEstimator o) {
        this.config = o.config;
        this.model = o.model;
        this.a = o.a;
        this.b = o.b;
        this.n = o.n;
        this.vGrid = o.vGrid;
        this.hGrid = o.hGrid;
        this.search = o.search == null ? null : o.search.copy();
        this.ev = o.ev;
        this.ehr = o.ehr;
        this.ehi = o.ehi;
        this.sr = new float[o.sr.length];
        this.si = new float[o.si.length];
        this.refine = o.refine;
        this.maxIter = o.maxIter;
    }

    public PhaseModel model() {
        return model;
    }

    /** The velocity grid, mm/yr (copy). */
    public double[] velocityGrid() {
        return vGrid.clone();
    }

    /** The DEM-error grid, m (copy); {0} without baselines. */
    public double[] demErrorGrid() {
        return hGrid.clone();
    }

    /** Number of grid cells searched per point. */
    public long cellsPerPoint() {
        return (long) vGrid.length * hGrid.length;
    }

    /**
     * Estimates one point.
     *
     * @param phaseRad (Input) phase of each date, rad, length N. Not modified.
     */
    public PixelEstimate estimate(float[] phaseRad, int offset) {
        if (search != null) {
            int cell = search.argmax(phaseRad, offset);
            int nh = hGrid.length;
            double v = vGrid[cell / nh];
            double h = hGrid[cell % nh];
            if (refine) {
                return refine(phaseRad, offset, v, h);
            }
            // evaluate(v, h) from the search's phasors (no sin/cos per date).
            double[] s = cellSum;
            search.cellSum(cell, s);
            return new PixelEstimate(
                    v, b == null ? 0 : h, Math.hypot(s[0], s[1]) / n, Math.atan2(s[1], s[0]));
        }
        double[] zr = new double[n];
        double[] zi = new double[n];
        for (int q = 0; q < n; q++) {
            double p = phaseRad[offset + q];
            zr[q] = Math.cos(p);
            zi[q] = Math.sin(p);
        }
        return estimate(zr, zi, phaseRad, offset);
    }

    private PixelEstimate estimate(double[] zr, double[] zi, float[] phase, int off) {
        double best = -1;
        int bi = 0;
        int bk = 0;
        int nh = hGrid.length;
        float[] sr = this.sr;
        float[] si = this.si;
        for (int i = 0; i < vGrid.length; i++) {
            double[] e = ev[i];
            java.util.Arrays.fill(sr, 0f);
            java.util.Arrays.fill(si, 0f);
            // Separable fallback for grids too large for tables: S_k = Σ_q w_q · exp(−j b_q h_k),
            // w_q = z_q · exp(−j a_q v_i), every cell evaluated.
            for (int q = 0; q < n; q++) {
                double er = e[2 * q];
                double ei = e[2 * q + 1];
                float wrq = (float) (zr[q] * er - zi[q] * ei);
                float wiq = (float) (zr[q] * ei + zi[q] * er);
                int base = q * nh;
                for (int k = 0; k < nh; k++) {
                    float hr = ehr[base + k];
                    float hi = ehi[base + k];
                    sr[k] += wrq * hr - wiq * hi;
                    si[k] += wrq * hi + wiq * hr;
                }
            }
            for (int k = 0; k < nh; k++) {
                double m2 = (double) sr[k] * sr[k] + (double) si[k] * si[k];
                if (m2 > best) {
                    best = m2;
                    bi = i;
                    bk = k;
                }
            }
        }
        return finish(phase, off, vGrid[bi], hGrid[bk]);
    }

    /**
     * The best grid cell (index {@code i · nh + k}) by the pruned search; {@code -1} when the grid
     * is searched separably.
     */
    int bestCell(float[] phaseRad, int offset) {
        return search == null ? -1 : search.argmax(phaseRad, offset);
    }

    /** The best grid cell by evaluating every cell (the reference for the pruned search). */
    int bestCellBruteForce(float[] phaseRad, int offset) {
        return search == null ? -1 : search.argmaxBruteForce(phaseRad, offset);
    }

    /** Cells evaluated so far by this instance's search (0 for the separable path). */
    long cellsEvaluated() {
        return search == null ? 0 : search.cellsEvaluated();
    }

    private PixelEstimate finish(float[] phase, int off, double v, double h) {
        if (refine) {
            return refine(phase, off, v, h);
        }
        return evaluate(phase, off, v, h);
    }

    /**
     * Maximises the coherence locally from a start point (Newton iterations only, no grid): the
     * local maximum nearest to the start, which varies smoothly with the data where the global grid
     * maximum may jump.
     *
     * @param phaseRad (Input) phase of each date, rad. Not modified.
     */
    public PixelEstimate refineFrom(
            float[] phaseRad, int offset, double velocityMmYr, double demErrorM) {
        return refine(phaseRad, offset, velocityMmYr, demErrorM);
    }

    /** Coherence and offset at (v, h). */
    PixelEstimate evaluate(float[] phase, int off, double v, double h) {
        double sr = 0;
        double si = 0;
        for (int q = 0; q < n; q++) {
            double r = phase[off + q] - model(q, v, h);
            sr += Math.cos(r);
            si += Math.sin(r);
        }
        return new PixelEstimate(v, b == null ? 0 : h, Math.hypot(sr, si) / n, Math.atan2(si, sr));
    }

    private double model(int q, double v, double h) {
        return a[q] * v + (b == null ? 0 : b[q] * h);
    }

    private PixelEstimate refine(float[] phase, int off, double v, double h) {
        PixelEstimate cur = evaluate(phase, off, v, h);
        int k = b == null ? 2 : 3;
        double c = cur.offsetRad();
        for (int it = 0; it < maxIter; it++) {
            double[][] m = new double[k][k];
            double[] g = new double[k];
            for (int q = 0; q < n; q++) {
                double r = phase[off + q] - c - model(q, v, h);
                double s = Math.sin(r);
                double co = Math.cos(r);
                double[] x = k == 2 ? new double[] {1, a[q]} : new double[] {1, a[q], b[q]};
                for (int i = 0; i < k; i++) {
                    g[i] += s * x[i];
                    for (int j = 0; j < k; j++) {
                        m[i][j] += co * x[i] * x[j];
                    }
                }
            }
            double[] d = Linear.solve(m, g);
            if (d == null) {
                break;
            }
            double scale = 1;
            PixelEstimate next = null;
            for (int half = 0; half < 6; half++) {
                double nv = v + scale * d[1];
                double nh = k == 3 ? h + scale * d[2] : h;
                PixelEstimate e = evaluate(phase, off, nv, nh);
                if (e.temporalCoherence() >= cur.temporalCoherence() - 1e-12) {
                    next = e;
                    break;
                }
                scale *= 0.5;
            }
            if (next == null) {
                break;
            }
            double dv = Math.abs(next.velocityMmYr() - v);
            double dh = Math.abs(next.demErrorM() - (b == null ? 0 : h));
            double gain = next.temporalCoherence() - cur.temporalCoherence();
            v = next.velocityMmYr();
            h = b == null ? h : next.demErrorM();
            c = next.offsetRad();
            cur = next;
            if ((dv < 1e-6 && dh < 1e-6) || gain < 1e-12) {
                break;
            }
        }
        return cur;
    }
}
