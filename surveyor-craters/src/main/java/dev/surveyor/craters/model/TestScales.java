package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Multi-scale testing: the image scales at which every detection window is also run, whose
 * detections are fused by {@link ScaleFusion}. Scale {@code s} resamples the window to {@code s}
 * times its side ({@link WindowResampling}: cubic convolution up, area means down) before the
 * network sees it, so a crater of {@code D} px is seen as {@code s D} px; detections are mapped
 * back by {@code 1 / s} (corner-origin coordinates scale exactly). Up-scaling helps the small
 * craters a stride-4 network localises coarsely; down-scaling the large ones.
 *
 * <p>Immutable. The scales are sorted and distinct, each in [0.25, 4]. {@link #SINGLE} ({@code 1})
 * is a plain run.
 */
public final class TestScales implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Just the image as it is. */
    public static final TestScales SINGLE = new TestScales(new double[] {1.0});

    /** Smallest and largest accepted scale. */
    public static final double MIN_SCALE = 0.25, MAX_SCALE = 4.0;

    private final double[] scales;

    private TestScales(double[] sortedDistinct) {
        this.scales = sortedDistinct;
    }

    /**
     * The given scales, sorted.
     *
     * @throws IllegalArgumentException naming the value when one is outside [0.25, 4], not finite
     *     or repeated, or when there are none
     */
    public static TestScales of(double... scales) {
        if (scales == null || scales.length == 0) {
            throw new IllegalArgumentException("test scales must not be empty");
        }
        double[] s = scales.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= MIN_SCALE && s[i] <= MAX_SCALE)) {
                throw new IllegalArgumentException(
                        "test scale must be in ["
                                + MIN_SCALE
                                + ", "
                                + MAX_SCALE
                                + "], got "
                                + s[i]);
            }
            if (i > 0 && s[i] == s[i - 1]) {
                throw new IllegalArgumentException("test scale " + s[i] + " given twice");
            }
        }
        return new TestScales(s);
    }

    /**
     * Parses a comma-separated list such as {@code 0.75,1,1.5,2}.
     *
     * @throws IllegalArgumentException naming the text when it is not a list of numbers in range
     */
    public static TestScales parse(String text) {
        String[] parts = text.split(",");
        double[] s = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                s[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "test scales must be numbers separated by commas, got '" + text + "'");
            }
        }
        return of(s);
    }

    /** {@code model.json}'s {@code testScales} array; {@link #SINGLE} when absent. */
    public static TestScales fromModelJson(JsonNode json) {
        JsonNode a = json.path("testScales");
        if (!a.isArray()) {
            return SINGLE;
        }
        double[] s = new double[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).asDouble(Double.NaN);
        }
        return of(s);
    }

    /** The JSON array written to {@code model.json}. */
    public ArrayNode toJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double s : scales) {
            a.add(s);
        }
        return a;
    }

    /** The scales, ascending. */
    public double[] scales() {
        return scales.clone();
    }

    /** Number of scales. */
    public int size() {
        return scales.length;
    }

    /** True for the plain single-scale run ({@code 1} only). */
    public boolean isSingle() {
        return scales.length == 1 && scales[0] == 1.0;
    }

    /** Compute relative to a single-scale run: the sum of {@code s²} (pixels the network sees). */
    public double relativeCost() {
        double c = 0;
        for (double s : scales) {
            c += s * s;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestScales t && Arrays.equals(scales, t.scales);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scales);
    }

    /** As parsed by {@link #parse}: {@code 0.75,1,1.5,2}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (double s : scales) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(
                    s == Math.rint(s)
                            ? String.valueOf((long) s)
                            : String.format(Locale.ROOT, "%s", s));
        }
        return b.toString();
    }
}
