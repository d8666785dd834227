package dev.surveyor.craters.centernet;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.List;

/**
 * Builds CenterNet training targets for craters on an output grid of stride {@code R}.
 *
 * <p>For each crater with centre {@code c = (x, y) / R} (input pixels, corner origin) the centre
 * cell is {@code floor(c)}; the heatmap gets a Gaussian {@code exp(-(dx^2 + dy^2) / (2 sigma^2))}
 * centred on that cell (exactly 1 there) with radius {@code r = max(0, floor(gaussianRadius(d/R,
 * d/R, 0.7)))} and {@code sigma = (2 r + 1) / 6}, cut where it falls below {@code eps * max}
 * (CenterNet {@code draw_umich_gaussian}); overlapping Gaussians combine by maximum. At the centre
 * cell the offset target is {@code c - floor(c)} (channels x, y) and the size target is the box
 * width and height divided by {@code R} (channels w, h), with the mask set to 1. Craters whose
 * centre falls outside the grid are skipped. When two craters share a centre cell the later one
 * wins (CenterNet's behaviour).
 *
 * <p>Thread-safe (no state besides the final settings).
 */
public final class CenterNetTargets {
    /** CenterNet's minimum IoU for the radius rule. */
    public static final double MIN_OVERLAP = 0.7;

    private final int stride;

    /**
     * @param outputStride R, input pixels per output cell, at least 1
     */
    public CenterNetTargets(int outputStride) {
        this.stride = Checks.positive("outputStride", outputStride);
    }

    /** The output stride R. */
    public int outputStride() {
        return stride;
    }

    /**
     * Targets of one image.
     *
     * @param outW output grid width (cells)
     * @param outH output grid height (cells)
     * @param heatmap {@code outW*outH}, the Gaussian heatmap
     * @param offset {@code 2*outW*outH}, channel-major: x offsets then y offsets
     * @param size {@code 2*outW*outH}, channel-major: widths then heights, in output cells
     * @param mask {@code outW*outH}, 1 at centre cells, else 0
     * @param numCentres number of centre cells set
     */
    public record Maps(
            int outW,
            int outH,
            float[] heatmap,
            float[] offset,
            float[] size,
            float[] mask,
            int numCentres) {}

    /**
     * CenterNet's {@code gaussian_radius} (the smallest of the three IoU cases), kept exactly as in
     * the reference code (including its {@code (b + sq) / 2} denominators).
     *
     * @param height box height (output cells)
     * @param width box width (output cells)
     * @param minOverlap minimum IoU, CenterNet uses 0.7
     */
    public static double gaussianRadius(double height, double width, double minOverlap) {
        double a1 = 1;
        double b1 = height + width;
        double c1 = width * height * (1 - minOverlap) / (1 + minOverlap);
        double r1 = (b1 + Math.sqrt(b1 * b1 - 4 * a1 * c1)) / 2;
        double a2 = 4;
        double b2 = 2 * (height + width);
        double c2 = (1 - minOverlap) * width * height;
        double r2 = (b2 + Math.sqrt(b2 * b2 - 4 * a2 * c2)) / 2;
        double a3 = 4 * minOverlap;
        double b3 = -2 * minOverlap * (height + width);
        double c3 = (minOverlap - 1) * width * height;
        double r3 = (b3 + Math.sqrt(b3 * b3 - 4 * a3 * c3)) / 2;
        return Math.min(r1, Math.min(r2, r3));
    }

    /** Integer Gaussian radius (cells) of a crater of {@code diameterPx} at this stride. */
    public int radiusCells(double diameterPx) {
        double d = diameterPx / stride;
        return Math.max(0, (int) gaussianRadius(d, d, MIN_OVERLAP));
    }

    /**
     * Encodes craters into fresh target maps.
     *
     * @param craters (Input) craters in input pixel coordinates of the window. Not modified.
     * @param outW output grid width (cells)
     * @param outH output grid height (cells)
     */
    public Maps encode(List<Crater> craters, int outW, int outH) {
        Checks.positive("outW", outW);
        Checks.positive("outH", outH);
        int n = outW * outH;
        float[] hm = new float[n];
        float[] off = new float[2 * n];
        float[] sz = new float[2 * n];
        float[] mask = new float[n];
        int count = 0;
        for (Crater c : craters) {
            double cx = c.xPx() / stride;
            double cy = c.yPx() / stride;
            int ix = (int) Math.floor(cx);
            int iy = (int) Math.floor(cy);
            if (ix < 0 || iy < 0 || ix >= outW || iy >= outH) {
                continue;
            }
            drawGaussian(hm, outW, outH, ix, iy, radiusCells(c.diameterPx()));
            int k = iy * outW + ix;
            if (mask[k] == 0) {
                count++;
            }
            mask[k] = 1;
            off[k] = (float) (cx - ix);
            off[n + k] = (float) (cy - iy);
            float d = (float) (c.diameterPx() / stride);
            sz[k] = d;
            sz[n + k] = d;
        }
        return new Maps(outW, outH, hm, off, sz, mask, count);
    }

    /** CenterNet's {@code draw_umich_gaussian}: element-wise max of a Gaussian into the heatmap. */
    static void drawGaussian(float[] hm, int w, int h, int cx, int cy, int radius) {
        double sigma = (2 * radius + 1) / 6.0;
        double eps = Math.ulp(1.0) * 1.0; // numpy float64 eps times the maximum (1)
        for (int dy = -radius; dy <= radius; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= h) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int x = cx + dx;
                if (x < 0 || x >= w) {
                    continue;
                }
                double g = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                if (g < eps) {
                    g = 0;
                }
                int k = y * w + x;
                if (g > hm[k]) {
                    hm[k] = (float) g;
                }
            }
        }
    }
}
