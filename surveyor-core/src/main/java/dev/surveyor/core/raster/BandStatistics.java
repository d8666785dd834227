package dev.surveyor.core.raster;

/**
 * Minimum, maximum, mean and population standard deviation of a band's valid pixels, as {@code
 * gdalinfo -stats} reports them; complex bands use the magnitude. NaN and the no-data value are
 * skipped; all statistics are NaN when no pixel is valid.
 *
 * @param validCount number of pixels counted
 */
public record BandStatistics(double min, double max, double mean, double stdDev, long validCount) {

    /**
     * Computes the statistics of one band.
     *
     * @param band (Input) Not modified.
     * @param noData value to skip, or NaN for none (NaN pixels are always skipped)
     */
    public static BandStatistics of(Raster band, double noData) {
        Accumulator acc = new Accumulator(noData);
        acc.add(band);
        return acc.result();
    }

    /**
     * Accumulates statistics over several windows of one band (e.g. blocks of a large file), with
     * Welford's update so that the variance stays accurate for large values. Not thread-safe.
     */
    public static final class Accumulator {
        private final double noData;
        private final boolean hasNoData;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double mean;
        private double m2;
        private long n;

        /**
         * @param noData value to skip, or NaN for none
         */
        public Accumulator(double noData) {
            this.noData = noData;
            this.hasNoData = !Double.isNaN(noData);
        }

        /** Adds every valid pixel of {@code window}. */
        public void add(Raster window) {
            for (int y = 0; y < window.height(); y++) {
                for (int x = 0; x < window.width(); x++) {
                    add(window.unsafeGetDouble(x, y));
                }
            }
        }

        /** Adds one value (skipped when NaN or no-data). */
        public void add(double v) {
            if (Double.isNaN(v) || (hasNoData && v == noData)) {
                return;
            }
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }

        /** The statistics so far. */
        public BandStatistics result() {
            if (n == 0) {
                return new BandStatistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new BandStatistics(min, max, mean, Math.sqrt(Math.max(0, m2 / n)), n);
        }
    }
}
