package dev.surveyor.report.plot;

/**
 * A colour map from {@code t} in {@code [0, 1]} to an opaque sRGB colour, linearly interpolated
 * between evenly spaced anchor colours.
 *
 * <p>Anchors: {@link #VIRIDIS} samples matplotlib's viridis at 0, 0.1, ..., 1; {@link #RDBU} is
 * ColorBrewer's 11-class RdBu (red at 0, white at 0.5, blue at 1, as matplotlib's {@code RdBu});
 * {@link #GRAY} runs black to white.
 */
public enum ColorMap {
    /** Perceptually uniform sequential map (matplotlib viridis). */
    VIRIDIS(
            0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70,
            0x7ad151, 0xbddf26, 0xfde725),
    /** Diverging red-white-blue map (ColorBrewer RdBu); low values red, high values blue. */
    RDBU(
            0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de,
            0x4393c3, 0x2166ac, 0x053061),
    /** Linear gray ramp, black to white. */
    GRAY(0x000000, 0xffffff);

    private final int[] anchors;

    ColorMap(int... anchors) {
        this.anchors = anchors;
    }

    /**
     * The colour at {@code t}; values outside {@code [0, 1]} are clamped.
     *
     * @return {@code 0xRRGGBB} with an opaque alpha byte ({@code 0xFF000000} set)
     * @throws IllegalArgumentException when {@code t} is NaN
     */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("colour map position must not be NaN");
        }
        double c = Math.max(0.0, Math.min(1.0, t)) * (anchors.length - 1);
        int i = (int) Math.floor(c);
        if (i >= anchors.length - 1) {
            return 0xff000000 | anchors[anchors.length - 1];
        }
        double f = c - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, f);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }

    /** The colour at {@code t} as a CSS hex string {@code #rrggbb}. */
    public String css(double t) {
        return String.format("#%06x", argb(t) & 0xffffff);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
