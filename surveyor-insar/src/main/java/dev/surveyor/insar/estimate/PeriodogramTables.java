package dev.surveyor.insar.estimate;

import java.util.Arrays;

/**
 * Precomputed phase ramps of a (v, ΔH) search grid for {@link PrunedGridSearch}. Immutable and
 * shared by all copies of an estimator (and between estimators built for the same grid: the last
 * table built is cached).
 *
 * <p>Cells are numbered row-major, {@code c = i · nh + k} with {@code i} the velocity index and
 * {@code k} the DEM-error index. {@code P_q[c] = exp(−j (a_q v_i + b_q h_k))} is computed in double
 * and rounded once to float; it is stored per date (one re and one im array per date) so that the
 * per-point loop over cells reads every array at the same index (what the JIT needs to vectorise
 * it).
 *
 * <p>Pruning blocks: the grid is cut into blocks of at most 3 x 3 cells; block {@code j} has its
 * centre cell {@code centre[j]} (rows {@code [rowLo, rowHi)}, columns {@code [colLo, colHi)}; the
 * centre is at most one step from every cell of its block). The coarse table holds, per date and
 * block, {@code P_q[centre]}; the derivative table {@code α_q P_q[centre]} and {@code β_q
 * P_q[centre]} (α_q = a_q · velocity step, β_q = b_q · DEM-error step: rad per grid step; the grids
 * are uniform) in two consecutive runs of {@code runLength}, so that one pass gives each centre's
 * sum S, another its two derivatives along the grid axes. Cell-major copies serve the scalar paths.
 * Memory: about {@code 16 · N · cells} bytes (0.8 MB for 35 dates and 35 x 41 cells).
 */
final class PeriodogramTables {
    /** Tables larger than this many floats are not built (the caller searches separably). */
    static final long MAX_TABLE_FLOATS = 1L << 24;

    private static final Object LOCK = new Object();
    private static PeriodogramTables last;

    final int n;
    final int nv;
    final int nh;
    final int cells;

    /** Re and im of {@code P_q[c]}: [q][c]. */
    final float[][] pr;

    final float[][] pi;

    /** exp(−j a_q v_i) in double, [i · n + q], re and im. */
    final double[] evr;

    final double[] evi;

    /** exp(−j b_q h_k) in double, [k · n + q], re and im (1 without baselines). */
    final double[] ehr;

    final double[] ehi;

    /**
     * The same P, cell-major for the scalar path: {@code [c · 2n + 2q]} re, {@code [c · 2n + 2q +
     * 1]} im (one cell's values in a few cache lines).
     */
    final float[] cellMajor;

    /**
     * The derivative table block-major for the scalar path: {@code [j · 4n + 4q ..]} = re, im of
     * α_q P_q, then re, im of β_q P_q.
     */
    final float[] gradMajor;

    /** Whether the grid is large enough for blocks (at least 3 x 3 cells). */
    final boolean prunable;

    final int numBlocks;
    final int[] centre;
    final int[] rowLo;
    final int[] rowHi;
    final int[] colLo;
    final int[] colHi;

    /**
     * Length of the coarse runs: numBlocks rounded up to a multiple of 16 (zero padding; the JIT's
     * vector loop then leaves fewer scalar iterations).
     */
    final int runLength;

    /** Coarse table, [q][runLength]: P at the centres. */
    final float[][] cr;

    final float[][] ci;

    /** Derivative table, [q][2 · runLength]: α P, then (from runLength) β P at the centres. */
    final float[][] gr;

    final float[][] gi;

    /**
     * Remainder bound plus rounding margin per offset {@code d = (di + 1) · 3 + (dk + 1)}: {@code ½
     * Σ_q (α_q di + β_q dk)² + margin}.
     */
    final float[] remainder;

    /**
     * Triangle bound plus margin per offset: {@code Σ_q |1 − exp(−j(α_q di + β_q dk))| + margin}.
     */
    final float[] triangle;

    /** The largest of {@link #triangle}. */
    final float maxTriangle;

    private final double[] a;
    private final double[] b;
    private final double[] vGrid;
    private final double[] hGrid;

    private PeriodogramTables(double[] a, double[] b, double[] vGrid, double[] hGrid) {
        this.a = a.clone();
        this.b = b == null ? null : b.clone();
        this.vGrid = vGrid.clone();
        this.hGrid = hGrid.clone();
        n = a.length;
        nv = vGrid.length;
        nh = hGrid.length;
        cells = nv * nh;
        pr = new float[n][cells];
        pi = new float[n][cells];
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < nv; i++) {
                for (int k = 0; k < nh; k++) {
                    double p = a[q] * vGrid[i] + (b == null ? 0 : b[q] * hGrid[k]);
                    pr[q][i * nh + k] = (float) Math.cos(p);
                    pi[q][i * nh + k] = (float) -Math.sin(p);
                }
            }
        }
        cellMajor = new float[cells * 2 * n];
        for (int c = 0; c < cells; c++) {
            for (int q = 0; q < n; q++) {
                cellMajor[c * 2 * n + 2 * q] = pr[q][c];
                cellMajor[c * 2 * n + 2 * q + 1] = pi[q][c];
            }
        }
        evr = new double[nv * n];
        evi = new double[nv * n];
        for (int i = 0; i < nv; i++) {
            for (int q = 0; q < n; q++) {
                double p = a[q] * vGrid[i];
                evr[i * n + q] = Math.cos(p);
                evi[i * n + q] = -Math.sin(p);
            }
        }
        ehr = new double[nh * n];
        ehi = new double[nh * n];
        for (int k = 0; k < nh; k++) {
            for (int q = 0; q < n; q++) {
                double p = b == null ? 0 : b[q] * hGrid[k];
                ehr[k * n + q] = Math.cos(p);
                ehi[k * n + q] = -Math.sin(p);
            }
        }
        prunable = nv >= 3 && nh >= 3;
        int bv = prunable ? (nv + 2) / 3 : 0;
        int bh = prunable ? (nh + 2) / 3 : 0;
        numBlocks = bv * bh;
        centre = new int[numBlocks];
        rowLo = new int[numBlocks];
        rowHi = new int[numBlocks];
        colLo = new int[numBlocks];
        colHi = new int[numBlocks];
        for (int t = 0; t < bv; t++) {
            for (int u = 0; u < bh; u++) {
                int j = t * bh + u;
                rowLo[j] = 3 * t;
                rowHi[j] = Math.min(3 * t + 3, nv);
                colLo[j] = 3 * u;
                colHi[j] = Math.min(3 * u + 3, nh);
                int ic = Math.min(3 * t + 1, rowHi[j] - 1);
                int kc = Math.min(3 * u + 1, colHi[j] - 1);
                centre[j] = ic * nh + kc;
            }
        }
        double dv = nv > 1 ? vGrid[1] - vGrid[0] : 0;
        double dh = nh > 1 ? hGrid[1] - hGrid[0] : 0;
        double[] alpha = new double[n];
        double[] beta = new double[n];
        double maxAlpha = 0;
        double maxBeta = 0;
        for (int q = 0; q < n; q++) {
            alpha[q] = a[q] * dv;
            beta[q] = b == null ? 0 : b[q] * dh;
            maxAlpha = Math.max(maxAlpha, Math.abs(alpha[q]));
            maxBeta = Math.max(maxBeta, Math.abs(beta[q]));
        }
        runLength = (numBlocks + 15) / 16 * 16;
        cr = new float[n][runLength];
        ci = new float[n][runLength];
        gr = new float[n][2 * runLength];
        gi = new float[n][2 * runLength];
        for (int q = 0; q < n; q++) {
            for (int j = 0; j < numBlocks; j++) {
                float r = pr[q][centre[j]];
                float m = pi[q][centre[j]];
                cr[q][j] = r;
                ci[q][j] = m;
                gr[q][j] = (float) (alpha[q] * r);
                gi[q][j] = (float) (alpha[q] * m);
                gr[q][runLength + j] = (float) (beta[q] * r);
                gi[q][runLength + j] = (float) (beta[q] * m);
            }
        }
        gradMajor = new float[numBlocks * 4 * n];
        for (int j = 0; j < numBlocks; j++) {
            for (int q = 0; q < n; q++) {
                int o = j * 4 * n + 4 * q;
                gradMajor[o] = gr[q][j];
                gradMajor[o + 1] = gi[q][j];
                gradMajor[o + 2] = gr[q][runLength + j];
                gradMajor[o + 3] = gi[q][runLength + j];
            }
        }
        // Float rounding of the tables, the phasors and the sums is ≈ n² · 2⁻²⁴ per sum (for
        // n = 35 about 1e-4); the margin is orders of magnitude above it for any realistic n.
        double margin = 1e-3 * n * (1 + maxAlpha + maxBeta);
        remainder = new float[9];
        triangle = new float[9];
        float mt = 0;
        for (int d = 0; d < 9; d++) {
            int di = d / 3 - 1;
            int dk = d % 3 - 1;
            double s2 = 0;
            double s1 = 0;
            for (int q = 0; q < n; q++) {
                double t = alpha[q] * di + beta[q] * dk;
                s2 += t * t;
                s1 += 2 * Math.abs(Math.sin(t / 2));
            }
            remainder[d] = (float) (0.5 * s2 + margin);
            triangle[d] = (float) (s1 + margin);
            mt = Math.max(mt, triangle[d]);
        }
        maxTriangle = mt;
    }

    /** Whether a table for this grid stays under {@link #MAX_TABLE_FLOATS}. */
    static boolean fits(int numDates, int nv, int nh) {
        return 4L * numDates * nv * nh <= MAX_TABLE_FLOATS;
    }

    /** The tables for a grid (the last one built is reused when the grid is the same). */
    static PeriodogramTables of(double[] a, double[] b, double[] vGrid, double[] hGrid) {
        synchronized (LOCK) {
            PeriodogramTables t = last;
            if (t != null
                    && Arrays.equals(t.a, a)
                    && Arrays.equals(t.b, b)
                    && Arrays.equals(t.vGrid, vGrid)
                    && Arrays.equals(t.hGrid, hGrid)) {
                return t;
            }
        }
        PeriodogramTables t = new PeriodogramTables(a, b, vGrid, hGrid);
        synchronized (LOCK) {
            last = t;
        }
        return t;
    }
}
