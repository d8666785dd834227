package dev.surveyor.craters.eval;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.List;

/**
 * Counts of crater diameters in logarithmic bins of width {@code sqrt(2)} (the crater-counting
 * convention), for comparing the size-frequency of detections with a catalogue.
 *
 * <p>Bin {@code k} covers {@code [lo * 2^(k/2), lo * 2^((k+1)/2))} px; the last edge is the first
 * one at or above the largest diameter, so every diameter {@code >= lo} is counted once.
 *
 * @param edgesPx bin edges (px), one more than the counts, increasing
 * @param counts craters per bin
 */
public record DiameterHistogram(double[] edgesPx, long[] counts) {
    /**
     * Histogram of the diameters of {@code craters} that are at least {@code loPx}.
     *
     * @param craters craters (diameters in px)
     * @param loPx lower edge of the first bin (px), positive
     * @param hiPx the bins reach at least this diameter (px), e.g. the largest of several sets
     */
    public static DiameterHistogram of(List<Crater> craters, double loPx, double hiPx) {
        Checks.positive("loPx", loPx);
        double max = Math.max(hiPx, loPx * Math.sqrt(2));
        for (Crater c : craters) {
            max = Math.max(max, c.diameterPx());
        }
        int bins = (int) Math.ceil(2 * Math.log(max / loPx) / Math.log(2) - 1e-9);
        bins = Math.max(1, bins);
        // the top edge must be strictly above the largest diameter
        while (loPx * Math.pow(2, bins / 2.0) <= max) {
            bins++;
        }
        double[] edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            edges[k] = loPx * Math.pow(2, k / 2.0);
        }
        long[] counts = new long[bins];
        for (Crater c : craters) {
            double d = c.diameterPx();
            if (d < loPx) {
                continue;
            }
            int k = (int) Math.floor(2 * Math.log(d / loPx) / Math.log(2));
            // guard rounding at the edges
            while (k > 0 && d < edges[k]) {
                k--;
            }
            while (k < bins - 1 && d >= edges[k + 1]) {
                k++;
            }
            counts[Math.min(k, bins - 1)]++;
        }
        return new DiameterHistogram(edges, counts);
    }
}
