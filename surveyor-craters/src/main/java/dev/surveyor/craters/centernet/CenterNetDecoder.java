package dev.surveyor.craters.centernet;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns CenterNet outputs into craters without NMS: a cell is a peak when its heatmap value equals
 * the maximum of its 3x3 neighbourhood (CenterNet's 3x3 max-pool) and is at least the threshold.
 * There is deliberately no top-K cap: a dense tile has thousands of craters.
 *
 * <p>A peak at cell {@code (i, j)} gives the centre {@code ((i + offX) R, (j + offY) R)} in input
 * pixels (corner origin) and the diameter {@code (w + h) / 2 * R}. Sizes below 1e-3 cells are
 * raised to that to keep a valid crater. Scores are clamped into [0, 1].
 *
 * <p>Thread-safe.
 */
public final class CenterNetDecoder {
    private final int stride;

    /**
     * @param outputStride R, input pixels per output cell
     */
    public CenterNetDecoder(int outputStride) {
        this.stride = Checks.positive("outputStride", outputStride);
    }

    /**
     * Decodes one output grid.
     *
     * @param heatmap (Input) probabilities, {@code outW*outH}, row-major. Not modified.
     * @param offset (Input) {@code 2*outW*outH}: x offsets then y offsets (cells). Not modified.
     * @param size (Input) {@code 2*outW*outH}: widths then heights (cells). Not modified.
     * @param threshold minimum score kept
     * @return craters in input pixel coordinates, in raster order
     */
    public List<Crater> decode(
            float[] heatmap, float[] offset, float[] size, int outW, int outH, double threshold) {
        int n = outW * outH;
        Checks.sameSize("heatmap", heatmap.length, "outW*outH", n);
        Checks.sameSize("offset", offset.length, "2*outW*outH", 2 * n);
        Checks.sameSize("size", size.length, "2*outW*outH", 2 * n);
        List<Crater> out = new ArrayList<>();
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int k = y * outW + x;
                float v = heatmap[k];
                if (!(v >= threshold) || !isPeak(heatmap, outW, outH, x, y, v)) {
                    continue;
                }
                double cx = (x + offset[k]) * stride;
                double cy = (y + offset[n + k]) * stride;
                double d = Math.max(1e-3, (size[k] + size[n + k]) / 2.0) * stride;
                out.add(new Crater(cx, cy, d, Math.min(1.0, Math.max(0.0, v))));
            }
        }
        return out;
    }

    private static boolean isPeak(float[] hm, int w, int h, int x, int y, float v) {
        for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                if (hm[yy * w + xx] > v) {
                    return false;
                }
            }
        }
        return true;
    }
}
