package dev.surveyor.insar.estimate;

import java.util.Arrays;

/**
 * Exact arg max of the periodogram power {@code |S(c)|²}, {@code S(c) = Σ_q z_q P_q[c]} (z_q the
 * unit phasor of date q, {@link PeriodogramTables} for P), over every cell of a grid, by branch and
 * bound.
 *
 * <p><b>Arithmetic</b> (the same for every cell, whichever path evaluates it, so all paths give
 * bit-identical powers): float, dates in ascending order, {@code re = fma(−zi_q, Pi, fma(zr_q, Pr,
 * re))}, {@code im = fma(zi_q, Pr, fma(zr_q, Pi, im))} from 0, then {@code power = re·re + im·im}.
 * <b>Tie rule</b>: the largest power, and among equal powers the smallest cell index {@code i · nh
 * + k} (numpy's {@code argmax}). If every power is NaN (a NaN phase) the answer is cell 0.
 *
 * <p><b>Pruning</b>: one vectorised pass gives S at the centre of every block of 3 x 3 cells (a
 * ninth of the grid). A cell at offset (di, dk) ∈ {−1, 0, 1}² from its centre then has {@code |S| ≤
 * |S_centre| + Σ_q |1 − e^{−jθ_q}|} (θ_q = α_q di + β_q dk, the phase change of date q over the
 * offset) and, with the centre's derivatives {@code G_α = Σ α_q z_q P_q}, {@code G_β = Σ β_q z_q
 * P_q} (computed only for blocks that the first bound does not exclude), {@code |S| ≤ |S_centre −
 * j(di G_α + dk G_β)| + ½ Σ_q θ_q²} (since {@code |e^{−jθ} − 1 + jθ| ≤ θ²/2}); both bounds carry a
 * margin far above float rounding. The best centre's block is evaluated whole; then a cell is
 * evaluated only if both bounds reach the best power found so far, so the result is the arg max of
 * the full grid. Points for which the triangle bound leaves more than a quarter of the blocks open
 * (incoherent points) are searched brute force (vectorised), which is then cheaper; between an
 * eighth and a quarter, the derivatives of all centres come from one vectorised pass.
 *
 * <p>CPU time per point (35 dates, 35 x 41 grid, one core of the 2-core development machine, under
 * load): brute force ≈ 8 µs; coherent points (0.3 rad noise) ≈ 3.4 µs (4.3 µs with {@link SinCos}
 * per date instead of the vectorised phasor loop), about 12 % of the cells evaluated; 1 rad noise ≈
 * 8.5 µs; random phases ≈ 10 µs (centres, then brute force). The previous separable search took ≈
 * 53 µs.
 *
 * <p>Not thread-safe (scratch arrays); one per thread.
 */
final class PrunedGridSearch {
    /**
     * Brute force when more than 1/this of the blocks pass the triangle bound (an incoherent point:
     * bounding and evaluating them cell by cell, scalar, would cost more than the vectorised pass
     * over the whole grid).
     */
    private static final int BRUTE_FORCE_OPEN_SHARE = 4;

    /**
     * Derivatives of all centres in one vectorised pass when more than 1/this of the blocks pass
     * the triangle bound; fewer: per open block (scalar).
     */
    private static final int ALL_GRADIENTS_OPEN_SHARE = 8;

    /** Phases up to this magnitude (rad) take the polynomial phasor path; others {@link SinCos}. */
    private static final float FAST_PHASE_LIMIT_RAD = 1000f;

    private static final double ROUND = 6755399441055744.0; // 1.5 · 2⁵²: rounds to integer
    private static final double INV_TWO_PI = 0.5 / Math.PI;
    private static final double TWO_PI_HI = 6.28318530693650245668; // 4 · fdlibm's 33-bit π/2
    private static final double TWO_PI_LO = 2.43084020260247689973e-10; // 2π − TWO_PI_HI

    /** (sin h − h) / h³ as a polynomial in z = h² (Taylor, to h²¹). */
    private static double sinSeries(double z) {
        double p = 1.0 / 51090942171709440000.0;
        p = Math.fma(p, z, -1.0 / 121645100408832000.0);
        p = Math.fma(p, z, 1.0 / 355687428096000.0);
        p = Math.fma(p, z, -1.0 / 1307674368000.0);
        p = Math.fma(p, z, 1.0 / 6227020800.0);
        p = Math.fma(p, z, -1.0 / 39916800.0);
        p = Math.fma(p, z, 1.0 / 362880.0);
        p = Math.fma(p, z, -1.0 / 5040.0);
        p = Math.fma(p, z, 1.0 / 120.0);
        p = Math.fma(p, z, -1.0 / 6.0);
        return p;
    }

    /** (cos h − 1) / h² as a polynomial in z = h² (Taylor, to h²²). */
    private static double cosSeries(double z) {
        double p = -1.0 / 1124000727777607680000.0;
        p = Math.fma(p, z, 1.0 / 2432902008176640000.0);
        p = Math.fma(p, z, -1.0 / 6402373705728000.0);
        p = Math.fma(p, z, 1.0 / 20922789888000.0);
        p = Math.fma(p, z, -1.0 / 87178291200.0);
        p = Math.fma(p, z, 1.0 / 479001600.0);
        p = Math.fma(p, z, -1.0 / 3628800.0);
        p = Math.fma(p, z, 1.0 / 40320.0);
        p = Math.fma(p, z, -1.0 / 720.0);
        p = Math.fma(p, z, 1.0 / 24.0);
        p = Math.fma(p, z, -1.0 / 2.0);
        return p;
    }

    private final PeriodogramTables t;
    private final double[] zdr;
    private final double[] zdi;
    private final float[] zr;
    private final float[] zi;
    private final float[] nzi;
    private final float[] accR;
    private final float[] accI;
    private final float[] sr;
    private final float[] si;
    private final float[] mag;
    private final int[] openList;
    private final float[] gar;
    private final float[] gai;
    private final float[] gbr;
    private final float[] gbi;
    private final int[] cand;
    private long evaluated;
    private float best;
    private int bestCell;

    PrunedGridSearch(PeriodogramTables tables) {
        this.t = tables;
        int n = t.n;
        int nb = t.numBlocks;
        zdr = new double[n];
        zdi = new double[n];
        zr = new float[n];
        zi = new float[n];
        nzi = new float[n];
        accR = new float[Math.max(t.cells, 2 * t.runLength)];
        accI = new float[Math.max(t.cells, 2 * t.runLength)];
        sr = new float[t.runLength];
        si = new float[t.runLength];
        mag = new float[nb];
        openList = new int[nb];
        gar = new float[nb];
        gai = new float[nb];
        gbr = new float[nb];
        gbi = new float[nb];
        cand = new int[t.cells + 3];
    }

    /** A search over the same tables with its own scratch (for another thread). */
    PrunedGridSearch copy() {
        return new PrunedGridSearch(t);
    }

    /**
     * Cell powers computed since construction (a centre's pair of derivatives counts as 2 cells).
     */
    long cellsEvaluated() {
        return evaluated;
    }

    /**
     * The best cell for the phases {@code phaseRad[offset .. offset + n)}.
     *
     * @return cell index {@code i · nh + k}
     */
    int argmax(float[] phaseRad, int offset) {
        phasors(phaseRad, offset);
        return t.prunable ? pruned() : bruteForce();
    }

    /** The same answer by evaluating every cell (for checks). */
    int argmaxBruteForce(float[] phaseRad, int offset) {
        phasors(phaseRad, offset);
        return bruteForce();
    }

    /** The power of one cell (the arithmetic of the class comment). */
    float power(float[] phaseRad, int offset, int cell) {
        phasors(phaseRad, offset);
        return cellPower(cell);
    }

    /**
     * {@code Σ_q exp(j(φ_q − a_q v_i − b_q h_k))} of a cell in double, for the phases of the last
     * search: {@code out[0]} re, {@code out[1]} im.
     */
    void cellSum(int cell, double[] out) {
        int n = t.n;
        int vo = cell / t.nh * n;
        int ho = cell % t.nh * n;
        double re = 0;
        double im = 0;
        for (int q = 0; q < n; q++) {
            double pr = t.evr[vo + q] * t.ehr[ho + q] - t.evi[vo + q] * t.ehi[ho + q];
            double pi = t.evr[vo + q] * t.ehi[ho + q] + t.evi[vo + q] * t.ehr[ho + q];
            re += zdr[q] * pr - zdi[q] * pi;
            im += zdr[q] * pi + zdi[q] * pr;
        }
        out[0] = re;
        out[1] = im;
    }

    private void phasors(float[] phaseRad, int offset) {
        int n = t.n;
        boolean small = true;
        for (int q = 0; q < n; q++) {
            small &= Math.abs(phaseRad[offset + q]) <= FAST_PHASE_LIMIT_RAD;
        }
        if (small) {
            // Double polynomials, no table and no branch: half angle h = r/2 (|h| ≤ π/2 after
            // one Cody–Waite reduction by 2π), Taylor series to degree 21/22 (error < 1e-17), then
            // cos r = 1 − 2 sin²h, sin r = 2 sin h cos h: a few ulps of double.
            double[] xs = zdi; // scratch for the phases, overwritten index by index below
            for (int q = 0; q < n; q++) {
                xs[q] = phaseRad[offset + q];
            }
            // Same index for every array, double only, no call: lets the JIT vectorise the loop.
            for (int q = 0; q < n; q++) {
                double x = xs[q];
                double k = (x * INV_TWO_PI + ROUND) - ROUND;
                double h = 0.5 * ((x - k * TWO_PI_HI) - k * TWO_PI_LO);
                double z = h * h;
                double sh = h + h * z * sinSeries(z);
                double ch = 1 + z * cosSeries(z);
                zdr[q] = 1 - 2 * sh * sh;
                zdi[q] = 2 * sh * ch;
            }
        } else {
            for (int q = 0; q < n; q++) {
                SinCos.of(phaseRad[offset + q], zdr, zdi, q);
            }
        }
        for (int q = 0; q < n; q++) {
            zr[q] = (float) zdr[q];
            zi[q] = (float) zdi[q];
            nzi[q] = -zi[q];
        }
    }

    private int bruteForce() {
        int cells = t.cells;
        accumulate(t.pr, t.pi, accR, accI, cells);
        evaluated += cells;
        float top = -1;
        int topCell = 0;
        float[] re = accR;
        float[] im = accI;
        for (int c = 0; c < cells; c++) {
            float m2 = re[c] * re[c] + im[c] * im[c];
            if (m2 > top) {
                top = m2;
                topCell = c;
            }
        }
        return topCell;
    }

    /**
     * {@code (re + j im)[c] = Σ_q z_q · table_q[c]} for {@code c < len}, in the class's arithmetic.
     */
    private void accumulate(float[][] tr, float[][] ti, float[] re, float[] im, int len) {
        int n = t.n;
        int q;
        // The first pass starts from 0 (no separate zeroing pass): one date when N is odd, so
        // that the rest go in pairs.
        if (n == 0) {
            Arrays.fill(re, 0, len, 0f);
            Arrays.fill(im, 0, len, 0f);
            return;
        } else if ((n & 1) == 1) {
            float a = zr[0];
            float b = zi[0];
            float nb = nzi[0];
            float[] hr = tr[0];
            float[] hi = ti[0];
            for (int c = 0; c < len; c++) {
                re[c] = Math.fma(nb, hi[c], Math.fma(a, hr[c], 0f));
                im[c] = Math.fma(b, hr[c], Math.fma(a, hi[c], 0f));
            }
            q = 1;
        } else {
            float a0 = zr[0];
            float b0 = zi[0];
            float nb0 = nzi[0];
            float a1 = zr[1];
            float b1 = zi[1];
            float nb1 = nzi[1];
            float[] hr0 = tr[0];
            float[] hi0 = ti[0];
            float[] hr1 = tr[1];
            float[] hi1 = ti[1];
            for (int c = 0; c < len; c++) {
                float r0 = hr0[c];
                float i0 = hi0[c];
                float r1 = hr1[c];
                float i1 = hi1[c];
                re[c] =
                        Math.fma(
                                nb1, i1, Math.fma(a1, r1, Math.fma(nb0, i0, Math.fma(a0, r0, 0f))));
                im[c] = Math.fma(b1, r1, Math.fma(a1, i1, Math.fma(b0, r0, Math.fma(a0, i0, 0f))));
            }
            q = 2;
        }
        // Two dates per pass (half the accumulator traffic; with a larger body C2 no longer
        // unrolls and vectorises the loop) and the same index for every array (else C2 does not
        // vectorise it either). Per cell the operations are those of one date per pass, in order.
        for (; q + 2 <= n; q += 2) {
            float a0 = zr[q];
            float b0 = zi[q];
            float nb0 = nzi[q];
            float a1 = zr[q + 1];
            float b1 = zi[q + 1];
            float nb1 = nzi[q + 1];
            float[] hr0 = tr[q];
            float[] hi0 = ti[q];
            float[] hr1 = tr[q + 1];
            float[] hi1 = ti[q + 1];
            for (int c = 0; c < len; c++) {
                float x = re[c];
                float y = im[c];
                float r0 = hr0[c];
                float i0 = hi0[c];
                float r1 = hr1[c];
                float i1 = hi1[c];
                re[c] = Math.fma(nb1, i1, Math.fma(a1, r1, Math.fma(nb0, i0, Math.fma(a0, r0, x))));
                im[c] = Math.fma(b1, r1, Math.fma(a1, i1, Math.fma(b0, r0, Math.fma(a0, i0, y))));
            }
        }
    }

    private float cellPower(int c) {
        float re = 0;
        float im = 0;
        float[] p = t.cellMajor;
        int o = c * 2 * t.n;
        for (int q = 0; q < t.n; q++, o += 2) {
            re = Math.fma(nzi[q], p[o + 1], Math.fma(zr[q], p[o], re));
            im = Math.fma(zi[q], p[o], Math.fma(zr[q], p[o + 1], im));
        }
        evaluated++;
        return re * re + im * im;
    }

    private int pruned() {
        int nb = t.numBlocks;
        // S at the block centres: the first run of the coarse table.
        accumulate(t.cr, t.ci, sr, si, t.runLength);
        evaluated += nb;
        // The best centre (centres increase with j: the first maximum has the smallest index).
        float top = -1;
        int bestBlock = 0;
        for (int j = 0; j < nb; j++) {
            float m2 = sr[j] * sr[j] + si[j] * si[j];
            if (m2 > top) {
                top = m2;
                bestBlock = j;
            }
        }
        if (!(top >= 0)) {
            return bruteForce(); // NaN phases
        }
        best = top;
        bestCell = t.centre[bestBlock];
        // Blocks that the triangle bound cannot exclude ("open").
        float reach = t.maxTriangle;
        int open = 0;
        for (int j = 0; j < nb; j++) {
            float m = (float) Math.sqrt(sr[j] * sr[j] + si[j] * si[j]);
            mag[j] = m;
            float ub = m + reach;
            if (ub * ub >= best) {
                openList[open++] = j;
            }
        }
        if (open * BRUTE_FORCE_OPEN_SHARE > nb) {
            return bruteForce();
        }
        boolean all = open * ALL_GRADIENTS_OPEN_SHARE > nb;
        if (all) {
            int run = t.runLength;
            accumulate(t.gr, t.gi, accR, accI, 2 * run);
            evaluated += 2L * nb;
            System.arraycopy(accR, 0, gar, 0, nb);
            System.arraycopy(accI, 0, gai, 0, nb);
            System.arraycopy(accR, run, gbr, 0, nb);
            System.arraycopy(accI, run, gbi, 0, nb);
        }
        // The best centre's block first (for a coherent point the maximum is usually there),
        // then the cells of every open block whose bounds still reach the best.
        evaluate(wholeBlock(bestBlock));
        int count = 0;
        for (int o = 0; o < open; o++) {
            int j = openList[o];
            if (j != bestBlock) {
                count = candidates(j, count, all);
            }
        }
        evaluate(count);
        return bestCell;
    }

    /**
     * Appends to {@link #cand} the cells of block {@code j} (centre excluded) whose bounds reach
     * the best power so far.
     *
     * @param haveGradient whether the block's derivatives are already computed
     * @return the new count
     */
    private int candidates(int j, int count, boolean haveGradient) {
        int nh = t.nh;
        int ic = t.centre[j] / nh;
        int kc = t.centre[j] % nh;
        float m = mag[j];
        float s0 = sr[j];
        float s1 = si[j];
        boolean have = haveGradient;
        for (int i = t.rowLo[j]; i < t.rowHi[j]; i++) {
            float di = i - ic;
            for (int k = t.colLo[j]; k < t.colHi[j]; k++) {
                int d = (i - ic + 1) * 3 + (k - kc + 1);
                float tri = m + t.triangle[d];
                if (d == 4 || tri * tri < best) {
                    continue;
                }
                if (!have) {
                    gradient(j);
                    have = true;
                }
                float dk = k - kc;
                float re = s0 + di * gai[j] + dk * gbi[j];
                float im = s1 - di * gar[j] - dk * gbr[j];
                float taylor = (float) Math.sqrt(re * re + im * im) + t.remainder[d];
                if (taylor * taylor >= best) {
                    cand[count++] = i * nh + k;
                }
            }
        }
        return count;
    }

    /** Lists every cell of block {@code j} but its centre; returns their count. */
    private int wholeBlock(int j) {
        int count = 0;
        int nh = t.nh;
        for (int i = t.rowLo[j]; i < t.rowHi[j]; i++) {
            for (int k = t.colLo[j]; k < t.colHi[j]; k++) {
                int c = i * nh + k;
                if (c != t.centre[j]) {
                    cand[count++] = c;
                }
            }
        }
        return count;
    }

    /** The derivatives at centre {@code j} (its rounding is covered by the margin of the bound). */
    private void gradient(int j) {
        // Even and odd dates in separate sums (twice the independent chains).
        float ar0 = 0;
        float ai0 = 0;
        float br0 = 0;
        float bi0 = 0;
        float ar1 = 0;
        float ai1 = 0;
        float br1 = 0;
        float bi1 = 0;
        float[] g = t.gradMajor;
        int n = t.n;
        int o = j * 4 * n;
        int q = 0;
        for (; q + 2 <= n; q += 2, o += 8) {
            float a = zr[q];
            float b = zi[q];
            float nb = nzi[q];
            ar0 = Math.fma(nb, g[o + 1], Math.fma(a, g[o], ar0));
            ai0 = Math.fma(b, g[o], Math.fma(a, g[o + 1], ai0));
            br0 = Math.fma(nb, g[o + 3], Math.fma(a, g[o + 2], br0));
            bi0 = Math.fma(b, g[o + 2], Math.fma(a, g[o + 3], bi0));
            a = zr[q + 1];
            b = zi[q + 1];
            nb = nzi[q + 1];
            ar1 = Math.fma(nb, g[o + 5], Math.fma(a, g[o + 4], ar1));
            ai1 = Math.fma(b, g[o + 4], Math.fma(a, g[o + 5], ai1));
            br1 = Math.fma(nb, g[o + 7], Math.fma(a, g[o + 6], br1));
            bi1 = Math.fma(b, g[o + 6], Math.fma(a, g[o + 7], bi1));
        }
        if (q < n) {
            float a = zr[q];
            float b = zi[q];
            float nb = nzi[q];
            ar0 = Math.fma(nb, g[o + 1], Math.fma(a, g[o], ar0));
            ai0 = Math.fma(b, g[o], Math.fma(a, g[o + 1], ai0));
            br0 = Math.fma(nb, g[o + 3], Math.fma(a, g[o + 2], br0));
            bi0 = Math.fma(b, g[o + 2], Math.fma(a, g[o + 3], bi0));
        }
        gar[j] = ar0 + ar1;
        gai[j] = ai0 + ai1;
        gbr[j] = br0 + br1;
        gbi[j] = bi0 + bi1;
        evaluated += 2;
    }

    /**
     * Evaluates {@code cand[0 .. count)}, four cells at a time (independent chains; the list is
     * padded with its last cell, evaluated again to no effect).
     */
    private void evaluate(int count) {
        float[] p = t.cellMajor;
        int n = t.n;
        int n2 = 2 * n;
        evaluated += count;
        while ((count & 3) != 0) {
            cand[count] = cand[count - 1];
            count++;
        }
        for (int j = 0; j < count; j += 4) {
            int c0 = cand[j];
            int c1 = cand[j + 1];
            int c2 = cand[j + 2];
            int c3 = cand[j + 3];
            int o0 = c0 * n2;
            int o1 = c1 * n2;
            int o2 = c2 * n2;
            int o3 = c3 * n2;
            float r0 = 0;
            float i0 = 0;
            float r1 = 0;
            float i1 = 0;
            float r2 = 0;
            float i2 = 0;
            float r3 = 0;
            float i3 = 0;
            for (int q = 0; q < n; q++) {
                float a = zr[q];
                float b = zi[q];
                float nb = nzi[q];
                int x = 2 * q;
                r0 = Math.fma(nb, p[o0 + x + 1], Math.fma(a, p[o0 + x], r0));
                i0 = Math.fma(b, p[o0 + x], Math.fma(a, p[o0 + x + 1], i0));
                r1 = Math.fma(nb, p[o1 + x + 1], Math.fma(a, p[o1 + x], r1));
                i1 = Math.fma(b, p[o1 + x], Math.fma(a, p[o1 + x + 1], i1));
                r2 = Math.fma(nb, p[o2 + x + 1], Math.fma(a, p[o2 + x], r2));
                i2 = Math.fma(b, p[o2 + x], Math.fma(a, p[o2 + x + 1], i2));
                r3 = Math.fma(nb, p[o3 + x + 1], Math.fma(a, p[o3 + x], r3));
                i3 = Math.fma(b, p[o3 + x], Math.fma(a, p[o3 + x + 1], i3));
            }
            offer(r0 * r0 + i0 * i0, c0);
            offer(r1 * r1 + i1 * i1, c1);
            offer(r2 * r2 + i2 * i2, c2);
            offer(r3 * r3 + i3 * i3, c3);
        }
    }

    /** Takes a cell's power if it beats the best (tie: the smaller cell index). */
    private boolean offer(float m2, int c) {
        if (m2 > best || (m2 == best && c < bestCell)) {
            best = m2;
            bestCell = c;
            return true;
        }
        return false;
    }
}
