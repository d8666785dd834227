package dev.surveyor.core.raster;

/** Rounding conversion from double to an integer range (NaN maps to 0). */
final class Clamp {
    private Clamp() {}

    static int clamp(double value, int lo, int hi) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double r = Math.rint(value);
        return r < lo ? lo : r > hi ? hi : (int) r;
    }
}
