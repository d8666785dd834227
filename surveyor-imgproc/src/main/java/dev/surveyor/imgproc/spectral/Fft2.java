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
}
