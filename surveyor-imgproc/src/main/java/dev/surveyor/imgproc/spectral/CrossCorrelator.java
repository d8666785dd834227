package dev.surveyor.imgproc.spectral;

import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.Checks;

/**
 * FFT cross-correlation of two equal-size real patches with a sub-pixel peak.
 *
 * <p>Steps: (1) remove each patch's mean; (2) {@code C = FFT(second) * conj(FFT(first))}, whose
 * inverse peaks at the offset of the second patch against the first; (3) integer peak; (4) the
 * correlation is evaluated around it by a matrix-multiply DFT (Guizar-Sicairos, Thurman and Fienup
 * 2008, "Efficient subpixel image registration algorithms"), first on a 1/8 px grid over {@code
 * +-1.5} px, then on a {@code 1/upsample} px grid over {@code +-1/8} px around that maximum; (5) a
 * 3-point parabola through the finest grid's maximum in each axis. The correlation is circular:
 * offsets must stay well below half the patch size.
 *
 * <p>Immutable; {@link #correlate} allocates its own buffers and is thread-safe.
 */
public final class CrossCorrelator {
    private final int upsample;

    /**
     * @param upsample sub-pixel grid factor, 1 (integer peak + parabola) to 1024; 32 to 128 typical
     */
    public CrossCorrelator(int upsample) {
        this.upsample = Checks.inRange("upsample", upsample, 1, 1024);
    }

    /**
     * Locates the offset of {@code second} against {@code first}.
     *
     * @param first (Input) reference patch, NaN treated as the mean. Not modified.
     * @param second (Input) patch of the same size. Not modified.
     */
    public CorrelationPeak correlate(RasterF32 first, RasterF32 second) {
        Checks.sameSize("first width", first.width(), "second width", second.width());
        Checks.sameSize("first height", first.height(), "second height", second.height());
        int w = first.width();
        int h = first.height();
        if (w < 4 || h < 4) {
            throw new IllegalArgumentException("patches must be at least 4x4, got " + w + "x" + h);
        }
        float[] a = Fft2.interleaved(first, mean(first));
        float[] b = Fft2.interleaved(second, mean(second));
        double ea = energy(a);
        double eb = energy(b);
        Fft2.forward(a, h, w);
        Fft2.forward(b, h, w);
        // cross-power spectrum C = B * conj(A), kept in double for the DFT refinement
        double[] cRe = new double[w * h];
        double[] cIm = new double[w * h];
        float[] c = new float[2 * w * h];
        for (int i = 0; i < w * h; i++) {
            double ar = a[2 * i];
            double ai = a[2 * i + 1];
            double br = b[2 * i];
            double bi = b[2 * i + 1];
            cRe[i] = br * ar + bi * ai;
            cIm[i] = bi * ar - br * ai;
            c[2 * i] = (float) cRe[i];
            c[2 * i + 1] = (float) cIm[i];
        }
        Fft2.inverse(c, h, w);
        int px = 0;
        int py = 0;
        double best = Double.NEGATIVE_INFINITY;
        double sumAbs = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = c[2 * (y * w + x)];
                sumAbs += Math.abs(v);
                if (v > best) {
                    best = v;
                    px = x;
                    py = y;
                }
            }
        }
        double ix = Fft2.signedIndex(px, w);
        double iy = Fft2.signedIndex(py, h);
        double norm = Math.sqrt(ea * eb);
        double coefficient = norm > 0 ? best / norm : 0;
        double peakToMean = sumAbs > 0 ? best / (sumAbs / (w * h)) : 0;
        if (upsample == 1) {
            double sx = parabola(c[idx(px - 1, py, w, h)], best, c[idx(px + 1, py, w, h)]);
            double sy = parabola(c[idx(px, py - 1, w, h)], best, c[idx(px, py + 1, w, h)]);
            return new CorrelationPeak(ix + sx, iy + sy, coefficient, peakToMean);
        }
        // upsampled DFT around the integer peak in two stages (Guizar-Sicairos et al.): first 1/8
        // px
        // steps over +-1.5 px, then 1/upsample px steps over +-1/8 px around the best of those
        int coarseUp = Math.min(8, upsample);
        int n1 = 3 * coarseUp + 1;
        double[] best1 = argmaxDft(cRe, cIm, w, h, ix - 1.5, iy - 1.5, 1.0 / coarseUp, n1);
        int half = Math.max(1, upsample / coarseUp);
        int n = 2 * half + 1;
        double x0 = best1[0] - half / (double) upsample;
        double y0 = best1[1] - half / (double) upsample;
        double[] up = upsampledDft(cRe, cIm, w, h, x0, y0, 1.0 / upsample, n);
        int bx = 0;
        int by = 0;
        double bv = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                if (up[j * n + k] > bv) {
                    bv = up[j * n + k];
                    bx = k;
                    by = j;
                }
            }
        }
        double sx = 0;
        double sy = 0;
        if (bx > 0 && bx < n - 1) {
            sx = parabola(up[by * n + bx - 1], bv, up[by * n + bx + 1]);
        }
        if (by > 0 && by < n - 1) {
            sy = parabola(up[(by - 1) * n + bx], bv, up[(by + 1) * n + bx]);
        }
        double dx = x0 + (bx + sx) / upsample;
        double dy = y0 + (by + sy) / upsample;
        double peak = bv / (w * (double) h);
        return new CorrelationPeak(dx, dy, norm > 0 ? peak / norm : 0, peakToMean);
    }

    /** Position {x, y} of the largest DFT value on an {@code n x n} grid. */
    private static double[] argmaxDft(
            double[] cRe, double[] cIm, int w, int h, double x0, double y0, double step, int n) {
        double[] v = upsampledDft(cRe, cIm, w, h, x0, y0, step, n);
        int bi = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[bi]) {
                bi = i;
            }
        }
        return new double[] {x0 + (bi % n) * step, y0 + (bi / n) * step};
    }

    /**
     * Real part of the inverse DFT of {@code C} at positions {@code (x0 + k*step, y0 + j*step)},
     * {@code j, k < n}: {@code sum C(u,v) exp(2 pi i (u x / w + v y / h))}, separably.
     */
    private static double[] upsampledDft(
            double[] cRe, double[] cIm, int w, int h, double x0, double y0, double step, int n) {
        // first along x: T(v, k) = sum_u C(v, u) e^{2 pi i u xk / w}
        double[] ekRe = new double[n * w];
        double[] ekIm = new double[n * w];
        for (int k = 0; k < n; k++) {
            double x = x0 + k * step;
            for (int u = 0; u < w; u++) {
                double ph = 2 * Math.PI * Fft2.signedIndex(u, w) * x / w;
                ekRe[k * w + u] = Math.cos(ph);
                ekIm[k * w + u] = Math.sin(ph);
            }
        }
        double[] tRe = new double[h * n];
        double[] tIm = new double[h * n];
        for (int v = 0; v < h; v++) {
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int u = 0; u < w; u++) {
                    double cr = cRe[v * w + u];
                    double ci = cIm[v * w + u];
                    double er = ekRe[k * w + u];
                    double ei = ekIm[k * w + u];
                    sr += cr * er - ci * ei;
                    si += cr * ei + ci * er;
                }
                tRe[v * n + k] = sr;
                tIm[v * n + k] = si;
            }
        }
        double[] out = new double[n * n];
        for (int j = 0; j < n; j++) {
            double y = y0 + j * step;
            double[] er = new double[h];
            double[] ei = new double[h];
            for (int v = 0; v < h; v++) {
                double ph = 2 * Math.PI * Fft2.signedIndex(v, h) * y / h;
                er[v] = Math.cos(ph);
                ei[v] = Math.sin(ph);
            }
            for (int k = 0; k < n; k++) {
                double sr = 0;
                for (int v = 0; v < h; v++) {
                    sr += tRe[v * n + k] * er[v] - tIm[v * n + k] * ei[v];
                }
                out[j * n + k] = sr;
            }
        }
        return out;
    }

    private static int idx(int x, int y, int w, int h) {
        return 2 * (Math.floorMod(y, h) * w + Math.floorMod(x, w));
    }

    /** Vertex of the parabola through (-1, a), (0, b), (1, c), clamped to [-0.5, 0.5]. */
    private static double parabola(double a, double b, double c) {
        double den = a - 2 * b + c;
        if (den >= 0) {
            return 0;
        }
        double s = 0.5 * (a - c) / den;
        return Math.max(-0.5, Math.min(0.5, s));
    }

    private static double mean(RasterF32 r) {
        double s = 0;
        long n = 0;
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                float v = r.unsafeGet(x, y);
                if (!Float.isNaN(v)) {
                    s += v;
                    n++;
                }
            }
        }
        return n > 0 ? s / n : 0;
    }

    private static double energy(float[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i += 2) {
            s += (double) a[i] * a[i];
        }
        return s;
    }
}
