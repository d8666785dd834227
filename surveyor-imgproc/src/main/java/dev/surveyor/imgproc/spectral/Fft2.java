package dev.surveyor.imgproc.spectral;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import org.jtransforms.fft.FloatFFT_2D;

/** Package-private helpers around JTransforms' 2-D complex FFT on interleaved arrays. */
final class Fft2 {
    private Fft2() {}

    /** Interleaved copy of a complex raster (rows x 2*cols). */
    static float[] interleaved(RasterC64 r) {
        int w = r.width();
        float[] a = new float[2 * w * r.height()];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(r.data(), 2 * r.index(0, y), a, 2 * w * y, 2 * w);
        }
        return a;
    }

    /** Interleaved complex copy of a real raster minus {@code subtract} (NaN becomes 0). */
    static float[] interleaved(RasterF32 r, double subtract) {
        int w = r.width();
        float[] a = new float[2 * w * r.height()];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < w; x++) {
                float v = r.unsafeGet(x, y);
                a[2 * (w * y + x)] = Float.isNaN(v) ? 0f : (float) (v - subtract);
            }
        }
        return a;
    }

    static void forward(float[] a, int rows, int cols) {
        new FloatFFT_2D(rows, cols).complexForward(a);
    }

    static void inverse(float[] a, int rows, int cols) {
        new FloatFFT_2D(rows, cols).complexInverse(a, true);
    }

    /** Signed frequency index of bin {@code k} of {@code n}: 0..ceil(n/2)-1, then negative. */
    static int signedIndex(int k, int n) {
        return k < (n + 1) / 2 ? k : k - n;
    }

    /**
     * The bin index at which to open the spectrum: bins {@code [0, gap)} keep their (non-negative)
     * frequencies and bins {@code [gap, n)} become negative. Chosen as the start of the weakest
     * window of n/8 bins of the axis' power profile, so the cut falls outside the signal band.
     */
    static int weakestBin(float[] a, int w, int h, boolean alongX) {
        int n = alongX ? w : h;
        double[] p = new double[n];
        for (int ky = 0; ky < h; ky++) {
            for (int kx = 0; kx < w; kx++) {
                int i = 2 * (ky * w + kx);
                double pw = (double) a[i] * a[i] + (double) a[i + 1] * a[i + 1];
                p[alongX ? kx : ky] += pw;
            }
        }
        int win = Math.max(1, n / 8);
        double[] s = new double[n];
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            total += p[k];
            for (int j = -win / 2; j < win - win / 2; j++) {
                s[k] += p[Math.floorMod(k + j, n)];
            }
            min = Math.min(min, s[k]);
        }
        // windows within round-off of the minimum are ties: take the centre of the longest run of
        // them, so that an empty stretch of the spectrum is cut in its middle
        double tie = min + 1e-6 * total * win;
        int bestK = (n + 1) / 2;
        int bestLen = 0;
        for (int k = 0; k < n; k++) {
            if (s[k] > tie || s[Math.floorMod(k - 1, n)] <= tie && k > 0) {
                continue;
            }
            int len = 0;
            while (len < n && s[Math.floorMod(k + len, n)] <= tie) {
                len++;
            }
            if (len > bestLen) {
                bestLen = len;
                bestK = Math.floorMod(k + len / 2, n);
            }
        }
        return bestK == 0 ? n : bestK;
    }

    /** Signed frequency index of bin {@code k} when the spectrum is opened at {@code gap}. */
    static int signedIndex(int k, int n, int gap) {
        return k < gap ? k : k - n;
    }
}
