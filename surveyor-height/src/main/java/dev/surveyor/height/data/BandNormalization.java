package dev.surveyor.height.data;

import java.util.List;

/**
 * Per-band affine normalisation {@code (v - mean) / std}, learned on the training tiles and stored
 * with the model. No-data (NaN) input samples become 0 (the training mean) after normalisation.
 *
 * @param mean per-band mean of valid samples
 * @param std per-band standard deviation of valid samples (at least 1e-6)
 */
public record BandNormalization(double[] mean, double[] std) {
    public BandNormalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException(
                    "mean has " + mean.length + " bands but std has " + std.length);
        }
    }

    /** Number of bands. */
    public int numBands() {
        return mean.length;
    }

    /** Fits mean and standard deviation per band over every valid sample of the tiles. */
    public static BandNormalization fit(List<ImageHeightPair> tiles) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no training tiles to fit the normalisation");
        }
        int nb = tiles.get(0).numBands();
        double[] sum = new double[nb];
        double[] sq = new double[nb];
        long[] n = new long[nb];
        for (ImageHeightPair t : tiles) {
            if (t.numBands() != nb) {
                throw new IllegalArgumentException(
                        t.name() + " has " + t.numBands() + " bands, expected " + nb);
            }
            for (int b = 0; b < nb; b++) {
                for (float v : t.bands()[b]) {
                    if (!Float.isNaN(v)) {
                        sum[b] += v;
                        sq[b] += (double) v * v;
                        n[b]++;
                    }
                }
            }
        }
        double[] mean = new double[nb];
        double[] std = new double[nb];
        for (int b = 0; b < nb; b++) {
            if (n[b] == 0) {
                throw new IllegalArgumentException("band " + b + " has no valid sample");
            }
            mean[b] = sum[b] / n[b];
            std[b] = Math.max(1e-6, Math.sqrt(Math.max(0, sq[b] / n[b] - mean[b] * mean[b])));
        }
        return new BandNormalization(mean, std);
    }

    /** Normalises one sample of band b (NaN -> 0). */
    public float apply(int b, float v) {
        return Float.isNaN(v) ? 0f : (float) ((v - mean[b]) / std[b]);
    }
}
