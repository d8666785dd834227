package dev.surveyor.report.plot;

import dev.surveyor.core.raster.Raster;
import java.util.Arrays;

/**
 * A colour map with value limits: {@code min} maps to position 0 and {@code max} to 1, values
 * beyond are clamped, NaN has no colour.
 *
 * @param map the colour map
 * @param min value drawn with the map's first colour (in the data's unit)
 * @param max value drawn with the map's last colour; greater than {@code min}
 * @param label what the values are, with their unit, for colour bars (e.g. {@code "velocity
 *     [mm/yr]"})
 */
public record ColorScale(ColorMap map, double min, double max, String label) {
    public ColorScale {
        if (map == null) {
            throw new IllegalArgumentException("colour map must not be null");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException(
                    "colour scale needs finite min < max, got min=" + min + " max=" + max);
        }
        label = label == null ? "" : label;
    }

    /** Position of {@code v} in {@code [0, 1]} (clamped); NaN stays NaN. */
    public double position(double v) {
        return Math.max(0.0, Math.min(1.0, (v - min) / (max - min)));
    }

    /** The ARGB colour of {@code v}, or fully transparent 0 for NaN. */
    public int argb(double v) {
        return Double.isNaN(v) ? 0 : map.argb(position(v));
    }

    /**
     * Limits at the {@code loPct} and {@code hiPct} percentiles of the finite values (e.g. 2 and 98
     * for a contrast stretch). When all values are equal (or none is finite) the limits are widened
     * to {@code v ± 0.5} (or {@code [0, 1]}).
     */
    public static ColorScale percentile(
            ColorMap map, double[] values, double loPct, double hiPct, String label) {
        double[] s = sortedFinite(values);
        if (s.length == 0) {
            return new ColorScale(map, 0, 1, label);
        }
        double lo = quantile(s, loPct / 100.0);
        double hi = quantile(s, hiPct / 100.0);
        if (!(hi > lo)) {
            lo = s[0];
            hi = s[s.length - 1];
        }
        if (!(hi > lo)) {
            return new ColorScale(map, lo - 0.5, lo + 0.5, label);
        }
        return new ColorScale(map, lo, hi, label);
    }

    /**
     * Symmetric limits {@code [-L, L]} with {@code L} the {@code pct} percentile of {@code |v|}
     * (e.g. 98), for diverging maps centred on zero. {@code L} is at least {@code minHalfRange}.
     */
    public static ColorScale symmetric(
            ColorMap map, double[] values, double pct, double minHalfRange, String label) {
        double[] abs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            abs[i] = Math.abs(values[i]);
        }
        double[] s = sortedFinite(abs);
        double l = s.length == 0 ? 0 : quantile(s, pct / 100.0);
        l = Math.max(l, minHalfRange);
        if (!(l > 0)) {
            l = 1;
        }
        return new ColorScale(map, -l, l, label);
    }

    /**
     * Up to about {@code maxSamples} pixel values of band {@code r} taken on a regular grid, with
     * {@code noData} (and NaN) returned as NaN. For percentile limits of large rasters.
     */
    public static double[] sample(Raster r, double noData, int maxSamples) {
        long n = (long) r.width() * r.height();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) n / Math.max(1, maxSamples))));
        int nx = (r.width() + step - 1) / step;
        int ny = (r.height() + step - 1) / step;
        double[] out = new double[nx * ny];
        int k = 0;
        for (int y = 0; y < r.height(); y += step) {
            for (int x = 0; x < r.width(); x += step) {
                double v = r.unsafeGetDouble(x, y);
                out[k++] = v == noData ? Double.NaN : v;
            }
        }
        return out;
    }

    static double[] sortedFinite(double[] values) {
        double[] s = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(s);
        return s;
    }

    /** Linear-interpolated quantile {@code q} in [0, 1] of sorted, non-empty {@code s}. */
    static double quantile(double[] s, double q) {
        double pos = Math.max(0, Math.min(1, q)) * (s.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= s.length - 1) {
            return s[s.length - 1];
        }
        return s[i] + (pos - i) * (s[i + 1] - s[i]);
    }
}
