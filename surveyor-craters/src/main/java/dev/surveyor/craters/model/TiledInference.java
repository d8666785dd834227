package dev.surveyor.craters.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.centernet.CenterNetDecoder;
import dev.surveyor.learn.ScopedInference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a CenterNet network over an image of any size in overlapped windows, in bounded memory.
 *
 * <p>Windows of {@code windowPx} (a multiple of the network's size multiple) step by {@code
 * windowPx - overlapPx}; windows at the right and bottom edges are shifted inside the image (or
 * padded with the normalisation mean, i.e. 0 after normalisation, when the image is smaller than a
 * window; NaN samples are likewise set to 0). Each window owns the core of its area (its extent
 * minus half the overlap on sides shared with a neighbour, recomputed for shifted edge windows as
 * the midpoint of the shared band), so each centre is reported by exactly one window; craters found
 * twice across a seam with slightly different centres are merged afterwards: a crater is dropped
 * when a higher-scoring crater from another window overlaps it with box IoU >= 0.5. Memory: one
 * batch of windows plus the detections.
 *
 * <p>Not thread-safe.
 */
public final class TiledInference {
    private final Block block;
    private final NDManager manager;
    private final int stride;
    private final double mean;
    private final double std;
    private final int windowPx;
    private final int overlapPx;
    private final int batchSize;
    private TestTimeAugmentation augmentation = TestTimeAugmentation.NONE;
    private TestScales scales = TestScales.SINGLE;
    private int sizeMultiple = 1;

    /**
     * @param block the initialised network (inference mode is used)
     * @param manager manager for temporary arrays (a sub-manager per batch is closed)
     * @param outputStride R of the network
     * @param mean normalisation mean (grey levels)
     * @param std normalisation std (grey levels)
     * @param windowPx window side, a multiple of the network's size multiple
     * @param overlapPx overlap between windows (px), less than half the window
     * @param batchSize windows per forward pass
     */
    public TiledInference(
            Block block,
            NDManager manager,
            int outputStride,
            double mean,
            double std,
            int windowPx,
            int overlapPx,
            int batchSize) {
        this.block = block;
        this.manager = manager;
        this.stride = Checks.positive("outputStride", outputStride);
        this.mean = mean;
        this.std = Checks.positive("std", std);
        this.windowPx = Checks.positive("windowPx", windowPx);
        this.overlapPx = Checks.inRange("overlapPx", overlapPx, 0, windowPx / 2 - 1);
        this.batchSize = Checks.positive("batchSize", batchSize);
        if (windowPx % outputStride != 0) {
            throw new IllegalArgumentException(
                    "windowPx must be a multiple of outputStride "
                            + outputStride
                            + ", got "
                            + windowPx);
        }
    }

    /**
     * Sets the test-time augmentation (see {@link TestTimeAugmentation}); {@code passes()} times
     * the compute. {@link TestTimeAugmentation#FLIP} is CenterNet's {@code --flip_test}: every
     * window also run mirrored left-right, heatmap probabilities and sizes the means of the two
     * passes (the mirrored output mirrored back; offsets from the direct pass).
     *
     * @return this
     */
    public TiledInference withAugmentation(TestTimeAugmentation tta) {
        this.augmentation = java.util.Objects.requireNonNull(tta, "tta");
        return this;
    }

    /**
     * Sets multi-scale testing (see {@link TestScales}): every window is also resampled to each
     * scale {@code s} (its side {@code ceil(windowPx s)} padded with zeros to a multiple of {@code
     * sizeMultiple}), run with the test-time augmentation, decoded with the score floor {@code
     * min(threshold, }{@link #SCALE_MEMBER_FLOOR}{@code )}, mapped back by {@code 1 / s}, and the
     * scales' craters fused per window by {@link ScaleFusion} before the threshold and the window
     * cores apply. Costs {@link TestScales#relativeCost()} times a single-scale run.
     *
     * @param sizeMultiple the network's size multiple (input sides must be multiples of it)
     * @return this
     */
    public TiledInference withScales(TestScales scales, int sizeMultiple) {
        this.scales = java.util.Objects.requireNonNull(scales, "scales");
        this.sizeMultiple = Checks.positive("sizeMultiple", sizeMultiple);
        if (sizeMultiple % stride != 0) {
            throw new IllegalArgumentException(
                    "sizeMultiple must be a multiple of the output stride "
                            + stride
                            + ", got "
                            + sizeMultiple);
        }
        return this;
    }

    /**
     * Lowest score of a single scale's crater that takes part in the fusion of several scales: a
     * crater seen at one of {@code k} scales with score {@code p} fuses to {@code p / k}.
     */
    public static final double SCALE_MEMBER_FLOOR = 0.05;

    /**
     * One window: its top-left corner {@code (x0, y0)} and the core it owns, {@code [cx0, cx1) x
     * [cy0, cy1)}, in image pixels (corner origin).
     */
    public record Window(int x0, int y0, int cx0, int cy0, int cx1, int cy1) {}

    /** A crater found in window {@code window} (index into {@link #windows}), image pixels. */
    public record WindowCrater(Crater crater, int window) {}

    /** Start positions along one axis and the core boundaries between consecutive windows. */
    public static int[][] axis(int size, int win, int overlap) {
        List<Integer> starts = new ArrayList<>();
        if (size <= win) {
            starts.add(0);
        } else {
            int step = win - overlap;
            for (int s = 0; ; s += step) {
                if (s + win >= size) {
                    starts.add(size - win);
                    break;
                }
                starts.add(s);
            }
        }
        int n = starts.size();
        int[] st = new int[n];
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int i = 0; i < n; i++) {
            st[i] = starts.get(i);
        }
        for (int i = 0; i < n; i++) {
            lo[i] = i == 0 ? 0 : hi[i - 1];
            hi[i] = i == n - 1 ? size : (st[i + 1] + Math.min(size, st[i] + win)) / 2;
        }
        return new int[][] {st, lo, hi};
    }

    /** The windows covering a {@code width x height} image, row-major: the order of indices. */
    public List<Window> windows(int width, int height) {
        int[][] ax = axis(width, windowPx, overlapPx);
        int[][] ay = axis(height, windowPx, overlapPx);
        List<Window> tiles = new ArrayList<>();
        for (int j = 0; j < ay[0].length; j++) {
            for (int i = 0; i < ax[0].length; i++) {
                tiles.add(new Window(ax[0][i], ay[0][j], ax[1][i], ay[1][j], ax[2][i], ay[2][j]));
            }
        }
        return tiles;
    }

    /** Windows per forward pass. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Detects craters.
     *
     * @param image the image, read window by window
     * @param threshold minimum score
     * @param progress one step per window
     * @return craters in image pixel coordinates (corner origin), descending score
     */
    public List<Crater> detect(ImageWindows image, double threshold, ProgressListener progress)
            throws IOException {
        List<Window> tiles = windows(image.width(), image.height());
        progress.start("detect", tiles.size());
        List<WindowCrater> all = new ArrayList<>();
        for (int b0 = 0; b0 < tiles.size(); b0 += batchSize) {
            int nb = Math.min(batchSize, tiles.size() - b0);
            all.addAll(detectBatch(image, tiles, b0, nb, threshold));
            progress.advance(nb);
        }
        List<Crater> merged = merge(all, tiles.size());
        progress.finish(merged.size() + " craters");
        return merged;
    }

    /**
     * One batch of windows {@code [first, first + count)} of {@code tiles} (a forward pass per
     * augmentation pass and test scale): the craters whose centres lie in each window's core, in
     * image pixels. {@link #detect} is this over all batches followed by {@link #merge}; a
     * distributed run may call it per batch.
     */
    public List<WindowCrater> detectBatch(
            ImageWindows image, List<Window> tiles, int first, int count, double threshold)
            throws IOException {
        int n = windowPx;
        int out = n / stride;
        float[] buf = new float[n * n];
        float[] batch = new float[count * n * n];
        for (int k = 0; k < count; k++) {
            Window t = tiles.get(first + k);
            int w = Math.min(n, image.width() - t.x0());
            int h = Math.min(n, image.height() - t.y0());
            image.read(t.x0(), t.y0(), w, h, buf);
            int base = k * n * n;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = buf[y * w + x];
                    batch[base + y * n + x] = Float.isNaN(v) ? 0f : (float) ((v - mean) / std);
                }
            }
        }
        if (!scales.isSingle()) {
            return detectScales(batch, tiles, first, count, threshold);
        }
        float[] res = forward(batch, count, n);
        List<WindowCrater> found = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Window t = tiles.get(first + k);
            for (Crater c : decodeWindow(res, k, out, threshold)) {
                addIfInCore(found, c, t, first + k);
            }
        }
        return found;
    }

    /** {@link #detectBatch} with several scales: per scale forward passes, fused per window. */
    private List<WindowCrater> detectScales(
            float[] batch, List<Window> tiles, int first, int count, double threshold) {
        int n = windowPx;
        double floor = Math.min(threshold, SCALE_MEMBER_FLOOR);
        List<List<List<Crater>>> perWindow = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            perWindow.add(new ArrayList<>());
        }
        for (double s : scales.scales()) {
            int os = WindowResampling.outputSize(n, s);
            int ns = (os + sizeMultiple - 1) / sizeMultiple * sizeMultiple;
            float[] scaled = batch;
            if (s != 1.0 || ns != n) {
                scaled = new float[count * ns * ns];
                for (int k = 0; k < count; k++) {
                    float[] one =
                            WindowResampling.resample(
                                    java.util.Arrays.copyOfRange(batch, k * n * n, (k + 1) * n * n),
                                    n,
                                    n,
                                    s);
                    for (int y = 0; y < os; y++) {
                        System.arraycopy(one, y * os, scaled, k * ns * ns + y * ns, os);
                    }
                }
            }
            float[] res = forward(scaled, count, ns);
            for (int k = 0; k < count; k++) {
                List<Crater> back = new ArrayList<>();
                for (Crater c : decodeWindow(res, k, ns / stride, floor)) {
                    back.add(new Crater(c.xPx() / s, c.yPx() / s, c.diameterPx() / s, c.score()));
                }
                perWindow.get(k).add(back);
            }
        }
        List<WindowCrater> found = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            for (Crater c : ScaleFusion.fuse(perWindow.get(k))) {
                if (c.score() >= threshold) {
                    addIfInCore(found, c, tiles.get(first + k), first + k);
                }
            }
        }
        return found;
    }

    /** Craters of window {@code k} of a forward result, window pixels. */
    private List<Crater> decodeWindow(float[] res, int k, int out, double threshold) {
        int plane = out * out;
        int base = k * 5 * plane;
        float[] hm = java.util.Arrays.copyOfRange(res, base, base + plane);
        float[] off = java.util.Arrays.copyOfRange(res, base + plane, base + 3 * plane);
        float[] sz = java.util.Arrays.copyOfRange(res, base + 3 * plane, base + 5 * plane);
        return new CenterNetDecoder(stride).decode(hm, off, sz, out, out, threshold);
    }

    /** Adds {@code c} (window pixels) in image pixels when its centre lies in the window's core. */
    private static void addIfInCore(List<WindowCrater> found, Crater c, Window t, int index) {
        double gx = c.xPx() + t.x0(), gy = c.yPx() + t.y0();
        if (gx >= t.cx0() && gx < t.cx1() && gy >= t.cy0() && gy < t.cy1()) {
            found.add(new WindowCrater(c.shifted(t.x0(), t.y0()), index));
        }
    }

    /**
     * Heatmap probabilities, offsets and sizes of a normalised batch of {@code n x n} windows:
     * [count][5][n / stride][n / stride].
     */
    private float[] forward(float[] batch, int count, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(batch, new Shape(count, 1, n, n));
            // autograd off, intermediates freed as they die (see ScopedInference)
            NDList pred = ScopedInference.predict(block, x);
            NDArray o = pred.get(0);
            NDArray hm =
                    o.get(new ai.djl.ndarray.index.NDIndex(":, 0:1"))
                            .getNDArrayInternal()
                            .sigmoid();
            NDArray rest = o.get(new ai.djl.ndarray.index.NDIndex(":, 1:5"));
            int[] transforms = augmentation.transforms();
            if (transforms.length > 1) {
                NDArray size = rest.get(new ai.djl.ndarray.index.NDIndex(":, 2:4"));
                for (int k = 1; k < transforms.length; k++) {
                    int g = transforms[k];
                    NDArray ot =
                            untransform(ScopedInference.predict(block, transform(x, g)).get(0), g);
                    hm =
                            hm.add(
                                    ot.get(new ai.djl.ndarray.index.NDIndex(":, 0:1"))
                                            .getNDArrayInternal()
                                            .sigmoid());
                    // sizes are (width, height): a transposed pass measured them swapped
                    NDArray st =
                            (g & TestTimeAugmentation.TRANSPOSE) != 0
                                    ? ai.djl.ndarray.NDArrays.concat(
                                            new NDList(
                                                    ot.get(
                                                            new ai.djl.ndarray.index.NDIndex(
                                                                    ":, 4:5")),
                                                    ot.get(
                                                            new ai.djl.ndarray.index.NDIndex(
                                                                    ":, 3:4"))),
                                            1)
                                    : ot.get(new ai.djl.ndarray.index.NDIndex(":, 3:5"));
                    size = size.add(st);
                }
                float inv = 1f / transforms.length;
                hm = hm.mul(inv);
                size = size.mul(inv);
                rest =
                        ai.djl.ndarray.NDArrays.concat(
                                new NDList(
                                        rest.get(new ai.djl.ndarray.index.NDIndex(":, 0:2")), size),
                                1);
            }
            return ai.djl.ndarray.NDArrays.concat(new NDList(hm, rest), 1).toFloatArray();
        }
    }

    /** Applies transform code {@code g} to {@code [batch, channel, row, column]} maps. */
    private static NDArray transform(NDArray x, int g) {
        NDArray y = (g & TestTimeAugmentation.TRANSPOSE) != 0 ? x.transpose(0, 1, 3, 2) : x;
        if ((g & TestTimeAugmentation.FLIP_UP_DOWN) != 0) {
            y = y.flip(2);
        }
        if ((g & TestTimeAugmentation.FLIP_LEFT_RIGHT) != 0) {
            y = y.flip(3);
        }
        return y;
    }

    /** The inverse of {@link #transform}: maps an output of a transformed input back. */
    private static NDArray untransform(NDArray y, int g) {
        NDArray x = y;
        if ((g & TestTimeAugmentation.FLIP_LEFT_RIGHT) != 0) {
            x = x.flip(3);
        }
        if ((g & TestTimeAugmentation.FLIP_UP_DOWN) != 0) {
            x = x.flip(2);
        }
        return (g & TestTimeAugmentation.TRANSPOSE) != 0 ? x.transpose(0, 1, 3, 2) : x;
    }

    /**
     * Merges the craters of all windows (in window order): seam duplicates dropped as in {@link
     * #mergeAcrossTiles}, then sorted by descending score.
     */
    public static List<Crater> merge(List<WindowCrater> all, int numWindows) {
        List<Crater> craters = new ArrayList<>(all.size());
        List<Integer> tileOf = new ArrayList<>(all.size());
        for (WindowCrater w : all) {
            craters.add(w.crater());
            tileOf.add(w.window());
        }
        List<Crater> merged =
                numWindows > 1 ? mergeAcrossTiles(craters, tileOf) : new ArrayList<>(craters);
        merged.sort(Comparator.comparingDouble(Crater::score).reversed());
        return merged;
    }

    /** Drops craters overlapped (box IoU >= 0.5) by a higher-scoring crater from another window. */
    public static List<Crater> mergeAcrossTiles(List<Crater> all, List<Integer> tileOf) {
        CraterGrid grid = new CraterGrid(64);
        List<Crater> kept = new ArrayList<>();
        for (int idx : CraterGrid.byDescendingScore(all)) {
            Crater c = all.get(idx);
            boolean dup = false;
            for (int o : grid.near(c)) {
                if (!tileOf.get(o).equals(tileOf.get(idx)) && all.get(o).boxIou(c) >= 0.5) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(c);
                grid.add(idx, c);
            }
        }
        return kept;
    }
}
