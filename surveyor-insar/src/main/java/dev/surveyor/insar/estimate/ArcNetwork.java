package dev.surveyor.insar.estimate;

import java.util.List;

/**
 * A weighted network of arcs between points and the least-squares integration of arc differences:
 * {@code x = argmin Σ_arcs w_pk (x_p − x_k − Δ_pk)² + μ Σ_p (x_p − x̂_p)²}, with the inverse phase
 * variance of the arc as its weight, {@code w = 1 / σ²} and {@code σ² = −2 ln γ} (γ the arc's
 * coherence; arcs below the coherence threshold left out), and μ the anchor weight, solved by
 * conjugate gradients (sequential, deterministic). Points without arcs keep their start value.
 */
final class ArcNetwork {
    private final int np;
    private final int[] a;
    private final int[] b;
    private final double[] w;
    private final double[] dv;
    private final double[] dh;

    private ArcNetwork(int np, int[] a, int[] b, double[] w, double[] dv, double[] dh) {
        this.np = np;
        this.a = a;
        this.b = b;
        this.w = w;
        this.dv = dv;
        this.dh = dh;
    }

    static ArcNetwork of(int np, List<EstimationPasses.ChunkArcs> parts, double minCoherence) {
        int m = 0;
        for (EstimationPasses.ChunkArcs c : parts) {
            for (int i = 0; i < c.size(); i++) {
                m += c.coherence()[i] >= minCoherence ? 1 : 0;
            }
        }
        int[] a = new int[m];
        int[] b = new int[m];
        double[] w = new double[m];
        double[] dv = new double[m];
        double[] dh = new double[m];
        int k = 0;
        for (EstimationPasses.ChunkArcs c : parts) {
            for (int i = 0; i < c.size(); i++) {
                double g = c.coherence()[i];
                if (g < minCoherence) {
                    continue;
                }
                a[k] = c.from()[i];
                b[k] = c.to()[i];
                w[k] = 1 / Math.max(1e-3, -2 * Math.log(g));
                dv[k] = c.dv()[i];
                dh[k] = c.dh()[i];
                k++;
            }
        }
        return new ArcNetwork(np, a, b, w, dv, dh);
    }

    int numArcs() {
        return a.length;
    }

    /**
     * The integrated velocities (mm/yr) or DEM errors (m).
     *
     * @param start (Input) the filtered estimates, the anchors and the start of the iterations
     * @param velocity integrate the velocity differences (else the DEM-error differences)
     * @param anchor μ
     */
    double[] integrate(double[] start, boolean velocity, double anchor) {
        return solve(start, velocity ? dv : dh, anchor);
    }

    private double[] solve(double[] start, double[] d, double mu) {
        double[] rhs = new double[np];
        for (int p = 0; p < np; p++) {
            rhs[p] = mu * start[p];
        }
        for (int k = 0; k < a.length; k++) {
            rhs[a[k]] += w[k] * d[k];
            rhs[b[k]] -= w[k] * d[k];
        }
        double[] x = start.clone();
        double[] r = new double[np];
        double[] ax = apply(x, mu);
        double rr = 0;
        double bb = 0;
        for (int p = 0; p < np; p++) {
            r[p] = rhs[p] - ax[p];
            rr += r[p] * r[p];
            bb += rhs[p] * rhs[p];
        }
        double[] dir = r.clone();
        for (int it = 0; it < 10 * np + 100 && rr > 1e-24 * Math.max(bb, 1e-300); it++) {
            double[] ad = apply(dir, mu);
            double dad = 0;
            for (int p = 0; p < np; p++) {
                dad += dir[p] * ad[p];
            }
            double alpha = rr / dad;
            double rr2 = 0;
            for (int p = 0; p < np; p++) {
                x[p] += alpha * dir[p];
                r[p] -= alpha * ad[p];
                rr2 += r[p] * r[p];
            }
            double beta = rr2 / rr;
            rr = rr2;
            for (int p = 0; p < np; p++) {
                dir[p] = r[p] + beta * dir[p];
            }
        }
        return x;
    }

    private double[] apply(double[] x, double mu) {
        double[] y = new double[np];
        for (int p = 0; p < np; p++) {
            y[p] = mu * x[p];
        }
        for (int k = 0; k < a.length; k++) {
            double t = w[k] * (x[a[k]] - x[b[k]]);
            y[a[k]] += t;
            y[b[k]] -= t;
        }
        return y;
    }
}
