package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How grey levels become network input: {@code (grey - mean) / std} with either the fixed mean and
 * standard deviation of the training images ({@link #GLOBAL_FORMULA}, the default) or each image's
 * own ({@link #PER_IMAGE_FORMULA}: the statistics of the whole image being detected or the training
 * image a window comes from, so that products with another exposure or sun elevation — LRO NAC
 * crops have grey-level standard deviations from 20 to 45 — reach the network with the same
 * contrast).
 *
 * <p>Per-image statistics cover the finite samples of the full-resolution image; a coarse pass and
 * every test scale use the same values. In {@code model.json}: {@code input.mean}, {@code
 * input.std} (the training images', kept for either kind) and {@code input.normalisation}, the
 * formula as a string ({@value #GLOBAL_FORMULA} or {@value #PER_IMAGE_FORMULA}).
 *
 * @param mean training-set mean grey level (used when not {@code perImage})
 * @param std training-set standard deviation of grey levels, positive
 * @param perImage whether each image is normalised by its own statistics
 */
public record InputNormalisation(double mean, double std, boolean perImage) {
    /** {@code input.normalisation} of the fixed kind. */
    public static final String GLOBAL_FORMULA = "(grey - mean) / std";

    /** {@code input.normalisation} of the per-image kind. */
    public static final String PER_IMAGE_FORMULA = "(grey - image mean) / image std";

    /** Rows read per strip when an image's statistics are computed window by window. */
    private static final int STRIP_ROWS = 256;

    public InputNormalisation {
        Checks.positive("std", std);
    }

    /**
     * Reads {@code input} of a model.json.
     *
     * @throws IllegalArgumentException for an unknown formula or a non-positive std
     */
    public static InputNormalisation fromModelJson(ObjectNode json) {
        ObjectNode in = json.has("input") ? (ObjectNode) json.get("input") : null;
        double mean = in == null ? 0 : in.path("mean").asDouble();
        double std = in == null ? 1 : in.path("std").asDouble(1);
        String formula =
                in == null ? GLOBAL_FORMULA : in.path("normalisation").asText(GLOBAL_FORMULA);
        boolean perImage;
        if (formula.equals(GLOBAL_FORMULA)) {
            perImage = false;
        } else if (formula.equals(PER_IMAGE_FORMULA)) {
            perImage = true;
        } else {
            throw new IllegalArgumentException(
                    "input.normalisation '"
                            + formula
                            + "' is neither '"
                            + GLOBAL_FORMULA
                            + "' nor '"
                            + PER_IMAGE_FORMULA
                            + "'");
        }
        if (!(std > 0)) {
            throw new IllegalArgumentException("input.std " + std + " is not positive");
        }
        return new InputNormalisation(mean, std, perImage);
    }

    /**
     * Writes {@code channels}, {@code mean}, {@code std} and {@code normalisation} into {@code
     * input}.
     */
    public void writeTo(ObjectNode input) {
        input.put("channels", 1)
                .put("mean", mean)
                .put("std", std)
                .put("normalisation", perImage ? PER_IMAGE_FORMULA : GLOBAL_FORMULA);
    }

    /** A copy with per-image normalisation switched on or off (training statistics kept). */
    public InputNormalisation withPerImage(boolean perImage) {
        return new InputNormalisation(mean, std, perImage);
    }

    /**
     * {mean, std} for an in-memory image: its own statistics over the finite samples when
     * per-image, exactly as {@link #statsOf(ImageWindows)} computes them for the same pixels.
     */
    public double[] statsOf(GrayImage image) {
        try {
            return statsOf(ImageWindows.of(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory image reads without I/O
        }
    }

    /**
     * {mean, std} for an image read window by window (strips of rows, so mosaics need not fit in
     * memory): its own statistics over the finite samples when per-image.
     */
    public double[] statsOf(ImageWindows image) throws IOException {
        if (!perImage) {
            return new double[] {mean, std};
        }
        int w = image.width();
        double s = 0, s2 = 0;
        long n = 0;
        float[] strip = new float[w * Math.min(STRIP_ROWS, image.height())];
        for (int y0 = 0; y0 < image.height(); y0 += STRIP_ROWS) {
            int h = Math.min(STRIP_ROWS, image.height() - y0);
            image.read(0, y0, w, h, strip);
            for (int i = 0; i < w * h; i++) {
                float v = strip[i];
                if (Float.isFinite(v)) {
                    s += v;
                    s2 += (double) v * v;
                    n++;
                }
            }
        }
        if (n == 0) {
            return new double[] {mean, std};
        }
        double m = s / n;
        return positiveStd(new double[] {m, Math.sqrt(Math.max(0, s2 / n - m * m))});
    }

    /** A constant image has std 0: keep its mean, divide by 1 grey level. */
    private static double[] positiveStd(double[] ms) {
        return new double[] {ms[0], ms[1] > 0 ? ms[1] : 1.0};
    }
}
