package dev.surveyor.report.run;

import dev.surveyor.core.raster.Raster;

/**
 * Height errors (prediction minus truth) in metres over the pixels where both are finite, on all
 * pixels and on "building" pixels (truth height above {@code buildingMinM}).
 *
 * @param count pixels compared
 * @param maeM mean absolute error
 * @param rmseM root mean square error
 * @param biasM mean signed error (positive: predicted too high)
 * @param buildingCount building pixels compared
 * @param buildingMaeM mean absolute error on building pixels (NaN when there are none)
 * @param buildingRmseM RMSE on building pixels (NaN when there are none)
 * @param zeroRmseM RMSE of predicting 0 everywhere, for scale
 */
public record HeightMetrics(
        long count,
        double maeM,
        double rmseM,
        double biasM,
        long buildingCount,
        double buildingMaeM,
        double buildingRmseM,
        double zeroRmseM) {

    /**
     * Compares two same-size single-band rasters.
     *
     * @param pred (Input) predicted height in metres; NaN = no data. Not modified.
     * @param truth (Input) true height in metres; NaN = no data. Not modified.
     * @param buildingMinM truth height above which a pixel counts as building (e.g. 0)
     */
    public static HeightMetrics compute(Raster pred, Raster truth, double buildingMinM) {
        if (pred.width() != truth.width() || pred.height() != truth.height()) {
            throw new IllegalArgumentException(
                    "prediction is "
                            + pred.width()
                            + "x"
                            + pred.height()
                            + " but truth is "
                            + truth.width()
                            + "x"
                            + truth.height());
        }
        long n = 0;
        long nb = 0;
        double sa = 0;
        double s2 = 0;
        double s = 0;
        double ba = 0;
        double b2 = 0;
        double z2 = 0;
        for (int y = 0; y < pred.height(); y++) {
            for (int x = 0; x < pred.width(); x++) {
                double p = pred.unsafeGetDouble(x, y);
                double t = truth.unsafeGetDouble(x, y);
                if (!Double.isFinite(p) || !Double.isFinite(t)) {
                    continue;
                }
                double e = p - t;
                n++;
                s += e;
                sa += Math.abs(e);
                s2 += e * e;
                z2 += t * t;
                if (t > buildingMinM) {
                    nb++;
                    ba += Math.abs(e);
                    b2 += e * e;
                }
            }
        }
        double nan = Double.NaN;
        return new HeightMetrics(
                n,
                n == 0 ? nan : sa / n,
                n == 0 ? nan : Math.sqrt(s2 / n),
                n == 0 ? nan : s / n,
                nb,
                nb == 0 ? nan : ba / nb,
                nb == 0 ? nan : Math.sqrt(b2 / nb),
                n == 0 ? nan : Math.sqrt(z2 / n));
    }
}
