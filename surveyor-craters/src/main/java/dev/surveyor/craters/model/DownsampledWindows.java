package dev.surveyor.craters.model;

import dev.surveyor.core.util.Checks;
import java.io.IOException;

/**
 * An image reduced by an integer factor {@code f} with block means, read window by window from a
 * full-resolution {@link ImageWindows} (nothing is held besides one strip of source rows of the
 * requested window, at most about 4 M samples).
 *
 * <p>Coarse pixel {@code (i, j)} is the mean of the finite source samples of {@code [i f, (i + 1)
 * f) x [j f, (j + 1) f)} clipped to the image (the last column and row of blocks may be partial);
 * NaN when none is finite. With corner-origin coordinates, a coarse position {@code p} is the full
 * resolution position {@code p * f}, and a coarse length {@code l} is {@code l * f}. Size: {@code
 * ceil(width / f) x ceil(height / f)}.
 *
 * <p>Not thread-safe (reuses a strip buffer).
 */
public final class DownsampledWindows implements ImageWindows {
    private final ImageWindows source;
    private final int factor;
    private float[] strip = new float[0];

    /**
     * @param source the full-resolution image
     * @param factor reduction factor, at least 1
     */
    public DownsampledWindows(ImageWindows source, int factor) {
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
        this.source = source;
        this.factor = Checks.positive("factor", factor);
    }

    /** The reduction factor. */
    public int factor() {
        return factor;
    }

    @Override
    public int width() {
        return (source.width() + factor - 1) / factor;
    }

    @Override
    public int height() {
        return (source.height() + factor - 1) / factor;
    }

    @Override
    public void read(int x0, int y0, int w, int h, float[] out) throws IOException {
        if (x0 < 0 || y0 < 0 || w < 0 || h < 0 || x0 + w > width() || y0 + h > height()) {
            throw new IllegalArgumentException(
                    "window ["
                            + x0
                            + ", "
                            + y0
                            + ", "
                            + w
                            + ", "
                            + h
                            + "] outside the "
                            + width()
                            + "x"
                            + height()
                            + " reduced image");
        }
        int sx0 = x0 * factor;
        int sw = Math.min(source.width(), (x0 + w) * factor) - sx0;
        double[] sum = new double[w];
        int[] count = new int[w];
        // source rows are read in strips of several block rows (at most ~4 M samples), so that
        // a tiled source decodes each of its blocks a few times rather than once per block row
        int rowsPerStrip = Math.max(1, Math.min(h, STRIP_SAMPLES / Math.max(1, sw * factor)));
        for (int j0 = 0; j0 < h; j0 += rowsPerStrip) {
            int nj = Math.min(rowsPerStrip, h - j0);
            int sy0 = (y0 + j0) * factor;
            int sh = Math.min(source.height(), sy0 + nj * factor) - sy0;
            if (strip.length < sw * sh) {
                strip = new float[sw * sh];
            }
            source.read(sx0, sy0, sw, sh, strip);
            for (int j = j0; j < j0 + nj; j++) {
                int yLo = (j - j0) * factor;
                int yHi = Math.min(sh, yLo + factor);
                java.util.Arrays.fill(sum, 0);
                java.util.Arrays.fill(count, 0);
                for (int y = yLo; y < yHi; y++) {
                    for (int x = 0; x < sw; x++) {
                        float v = strip[y * sw + x];
                        if (Float.isFinite(v)) {
                            sum[x / factor] += v;
                            count[x / factor]++;
                        }
                    }
                }
                for (int i = 0; i < w; i++) {
                    out[j * w + i] = count[i] == 0 ? Float.NaN : (float) (sum[i] / count[i]);
                }
            }
        }
    }

    private static final int STRIP_SAMPLES = 1 << 22;
}
