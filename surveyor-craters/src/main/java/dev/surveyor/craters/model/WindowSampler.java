package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws augmented training windows from labelled images.
 *
 * <p>Steps per window: pick an image with probability proportional to its area; pick a scale {@code
 * s = exp(U(-ln j, ln j))} for scale jitter {@code j}; cut a {@code windowPx / s} square at a
 * random position (images smaller than that are padded with their mean) and resample it bilinearly
 * to {@code windowPx}; normalise {@code (v - mean) / std} ({@link InputNormalisation}: the training
 * statistics, or the image's own); apply contrast and brightness; apply a random flip and a random
 * multiple of 90 degrees. Craters follow every step (centre and diameter scaled by s); craters
 * whose centre leaves the window are dropped. With {@code largeCraterFraction > 0}, that fraction
 * of windows is instead placed on a large crater chosen uniformly among all large craters of all
 * images: the window contains its centre at a uniformly random position at least a quarter window
 * (or its radius, if smaller) from the window's edges, then shifted inside the image when the image
 * is larger than the window.
 *
 * <p>Not thread-safe when sharing a {@link Random}.
 */
public final class WindowSampler {
    /** One window: normalised samples {@code size*size} and its craters. */
    public record Window(float[] data, int size, List<Crater> craters) {}

    private final List<LabelledImage> images;
    private final ConfigAugmentation config;
    private final double[][] stats; // {mean, std} per image
    private final double[] cumulativeArea;
    private final int[][] large; // {image index, crater index} of the large craters

    /**
     * @param images training images
     * @param config augmentation, copied
     * @param mean normalisation mean (grey levels)
     * @param std normalisation standard deviation (grey levels)
     */
    public WindowSampler(
            List<LabelledImage> images, ConfigAugmentation config, double mean, double std) {
        this(images, config, new InputNormalisation(mean, std, false));
    }

    /**
     * @param images training images
     * @param config augmentation, copied
     * @param normalisation input normalisation (per-image statistics are computed here, once)
     */
    public WindowSampler(
            List<LabelledImage> images,
            ConfigAugmentation config,
            InputNormalisation normalisation) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no training images");
        }
        config.validate();
        this.images = List.copyOf(images);
        this.config = config.copy();
        this.stats = new double[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            stats[i] = normalisation.statsOf(images.get(i).image());
        }
        cumulativeArea = new double[images.size()];
        double s = 0;
        for (int i = 0; i < images.size(); i++) {
            s += (double) images.get(i).image().width() * images.get(i).image().height();
            cumulativeArea[i] = s;
        }
        List<int[]> big = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            List<Crater> cs = images.get(i).craters();
            for (int k = 0; k < cs.size(); k++) {
                if (cs.get(k).diameterPx() >= config.largeCraterMinDiameterPx) {
                    big.add(new int[] {i, k});
                }
            }
        }
        large = big.toArray(new int[0][]);
    }

    /** Draws one window. */
    public Window next(Random rnd) {
        // the large-crater draw comes first and only when enabled, so the random sequence of
        // the default settings is unchanged
        boolean onLarge =
                config.largeCraterFraction > 0
                        && large.length > 0
                        && rnd.nextDouble() < config.largeCraterFraction;
        int idx = 0;
        Crater target = null;
        if (onLarge) {
            int[] pick = large[rnd.nextInt(large.length)];
            idx = pick[0];
            target = images.get(idx).craters().get(pick[1]);
        } else {
            double u = rnd.nextDouble() * cumulativeArea[cumulativeArea.length - 1];
            while (cumulativeArea[idx] < u) {
                idx++;
            }
        }
        LabelledImage li = images.get(idx);
        GrayImage im = li.image();
        int n = config.windowPx;
        double lj = Math.log(config.scaleJitter);
        double s = config.scaleJitter > 1 ? Math.exp((rnd.nextDouble() * 2 - 1) * lj) : 1.0;
        double srcSize = n / s;
        double x0, y0;
        if (target != null) {
            double margin = Math.min(srcSize / 4, target.diameterPx() / 2);
            x0 = target.xPx() - (margin + rnd.nextDouble() * (srcSize - 2 * margin));
            y0 = target.yPx() - (margin + rnd.nextDouble() * (srcSize - 2 * margin));
            // stay inside the image when it is big enough (the centre stays in the window)
            if (im.width() > srcSize) {
                x0 = Math.min(Math.max(x0, 0), im.width() - srcSize);
            }
            if (im.height() > srcSize) {
                y0 = Math.min(Math.max(y0, 0), im.height() - srcSize);
            }
        } else {
            x0 =
                    im.width() > srcSize
                            ? rnd.nextDouble() * (im.width() - srcSize)
                            : (im.width() - srcSize) / 2;
            y0 =
                    im.height() > srcSize
                            ? rnd.nextDouble() * (im.height() - srcSize)
                            : (im.height() - srcSize) / 2;
        }
        if (s == 1.0) {
            x0 = Math.floor(x0);
            y0 = Math.floor(y0);
        }
        double mean = stats[idx][0];
        double std = stats[idx][1];
        float[] out = new float[n * n];
        double c = 1 + (rnd.nextDouble() * 2 - 1) * config.contrastJitter;
        double b = (rnd.nextDouble() * 2 - 1) * config.brightnessJitter;
        for (int y = 0; y < n; y++) {
            // output pixel centre y + 0.5 maps to source coordinate y0 + (y + 0.5) / s
            double sy = y0 + (y + 0.5) / s - 0.5;
            for (int x = 0; x < n; x++) {
                double sx = x0 + (x + 0.5) / s - 0.5;
                double v = bilinear(im, sx, sy, mean);
                out[y * n + x] = (float) (((v - mean) / std) * c + b);
            }
        }
        List<Crater> cr = new ArrayList<>();
        for (Crater k : li.craters()) {
            double cx = (k.xPx() - x0) * s;
            double cy = (k.yPx() - y0) * s;
            if (cx >= 0 && cy >= 0 && cx < n && cy < n) {
                cr.add(new Crater(cx, cy, k.diameterPx() * s, k.score()));
            }
        }
        if (config.flipsAndRotations) {
            boolean flip = rnd.nextBoolean();
            int rot = rnd.nextInt(4);
            if (flip) {
                out = flipX(out, n);
                cr =
                        cr.stream()
                                .map(
                                        k ->
                                                new Crater(
                                                        n - k.xPx(),
                                                        k.yPx(),
                                                        k.diameterPx(),
                                                        k.score()))
                                .toList();
            }
            for (int r = 0; r < rot; r++) {
                out = rot90(out, n);
                // (x, y) -> (y, n - x): rotation by 90 degrees counter-clockwise in image display
                cr =
                        cr.stream()
                                .map(
                                        k ->
                                                new Crater(
                                                        k.yPx(),
                                                        n - k.xPx(),
                                                        k.diameterPx(),
                                                        k.score()))
                                .toList();
            }
        }
        return new Window(out, n, cr);
    }

    /** Mirror left-right. */
    static float[] flipX(float[] a, int n) {
        float[] o = new float[a.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                o[y * n + x] = a[y * n + (n - 1 - x)];
            }
        }
        return o;
    }

    /** Output (x', y') = (y, n - 1 - x) for pixel indices, matching centres (y, n - x). */
    static float[] rot90(float[] a, int n) {
        float[] o = new float[a.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                o[(n - 1 - x) * n + y] = a[y * n + x];
            }
        }
        return o;
    }

    private static double bilinear(GrayImage im, double x, double y, double outside) {
        int w = im.width(), h = im.height();
        if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) {
            return outside;
        }
        double cx = Math.min(Math.max(x, 0), w - 1);
        double cy = Math.min(Math.max(y, 0), h - 1);
        int ix = Math.min((int) cx, w - 2 < 0 ? 0 : w - 2);
        int iy = Math.min((int) cy, h - 2 < 0 ? 0 : h - 2);
        double fx = w == 1 ? 0 : cx - ix, fy = h == 1 ? 0 : cy - iy;
        int ix1 = Math.min(ix + 1, w - 1), iy1 = Math.min(iy + 1, h - 1);
        double a = im.get(ix, iy) * (1 - fx) + im.get(ix1, iy) * fx;
        double bb = im.get(ix, iy1) * (1 - fx) + im.get(ix1, iy1) * fx;
        return a * (1 - fy) + bb * fy;
    }
}
