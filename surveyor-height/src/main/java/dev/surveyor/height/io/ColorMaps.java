package dev.surveyor.height.io;

/** Small colour maps for PNG previews (RGB bytes). */
public final class ColorMaps {
    private ColorMaps() {}

    /** Height 0..maxM to a dark-blue → green → yellow → white ramp; NaN = black. */
    public static int[] height(double v, double maxM) {
        if (Double.isNaN(v)) {
            return new int[] {0, 0, 0};
        }
        double t = Math.max(0, Math.min(1, v / maxM));
        double[][] stops = {
            {0, 20, 30, 90}, {0.33, 30, 160, 80}, {0.66, 240, 220, 40}, {1, 255, 255, 255}
        };
        for (int i = 1; i < stops.length; i++) {
            if (t <= stops[i][0]) {
                double f = (t - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0]);
                int[] c = new int[3];
                for (int k = 0; k < 3; k++) {
                    c[k] =
                            (int)
                                    Math.round(
                                            stops[i - 1][k + 1]
                                                    + f * (stops[i][k + 1] - stops[i - 1][k + 1]));
                }
                return c;
            }
        }
        return new int[] {255, 255, 255};
    }

    /** Signed error −lim..+lim to blue → white → red; NaN = black. */
    static int[] diverging(double v, double lim) {
        if (Double.isNaN(v)) {
            return new int[] {0, 0, 0};
        }
        double t = Math.max(-1, Math.min(1, v / lim));
        if (t < 0) {
            int g = (int) Math.round(255 * (1 + t));
            return new int[] {g, g, 255};
        }
        int g = (int) Math.round(255 * (1 - t));
        return new int[] {255, g, g};
    }
}
