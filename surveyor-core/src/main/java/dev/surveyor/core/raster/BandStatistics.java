package dev.surveyor.core.raster;

/**
 * Minimum, maximum, mean and standard deviation (population) of a band's valid pixels, as {@code
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
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        boolean hasNoData = !Double.isNaN(noData);
        for (int y = 0; y < band.height(); y++) {
            for (int x = 0; x < band.width(); x++) {
                double v = band.unsafeGetDouble(x, y);
                if (Double.isNaN(v) || (hasNoData && v == noData)) {
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        if (n == 0) {
            return new BandStatistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double var = Math.max(0, sumSq / n - mean * mean);
        return new BandStatistics(min, max, mean, Math.sqrt(var), n);
    }
}
