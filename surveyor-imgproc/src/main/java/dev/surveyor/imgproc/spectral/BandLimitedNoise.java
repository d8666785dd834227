package dev.surveyor.imgproc.spectral;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.util.Checks;
import java.util.Random;

/**
 * Band-limited random complex fields: circular complex Gaussian white noise whose spectrum is cut
 * to a centred rectangle of the given fractions of the sampling frequency. A fraction below 1 is
 * what an oversampled SLC looks like (fully developed speckle with unit mean intensity).
 */
public final class BandLimitedNoise {
    private BandLimitedNoise() {}

    /**
     * A {@code w x h} speckle field with mean intensity 1.
     *
     * @param bandFractionX kept fraction of the column frequencies, in (0, 1]
     * @param bandFractionY kept fraction of the row frequencies, in (0, 1]
     * @param seed random seed
     */
    public static RasterC64 speckle(
            int w, int h, double bandFractionX, double bandFractionY, long seed) {
        Checks.inRange("bandFractionX", bandFractionX, 1e-3, 1.0);
        Checks.inRange("bandFractionY", bandFractionY, 1e-3, 1.0);
        Random rnd = new Random(seed);
        float[] a = new float[2 * w * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        Fft2.forward(a, h, w);
        double kept = 0;
        for (int ky = 0; ky < h; ky++) {
            boolean inY =
                    Math.abs((double) Fft2.signedIndex(ky, h) / h) < bandFractionY / 2 + 1e-12;
            for (int kx = 0; kx < w; kx++) {
                boolean inX =
                        Math.abs((double) Fft2.signedIndex(kx, w) / w) < bandFractionX / 2 + 1e-12;
                if (!(inX && inY)) {
                    a[2 * (ky * w + kx)] = 0;
                    a[2 * (ky * w + kx) + 1] = 0;
                } else {
                    kept++;
                }
            }
        }
        Fft2.inverse(a, h, w);
        // white noise of variance 2 per sample; keep unit mean intensity after the cut
        float scale = (float) Math.sqrt(w * (double) h / (2 * kept));
        for (int i = 0; i < a.length; i++) {
            a[i] *= scale;
        }
        return new RasterC64(a, w, h, 0, w);
    }
}
