package dev.surveyor.height.eval;

/**
 * Error statistics of a predicted height raster against the truth, in metres.
 *
 * @param validPixels pixels where truth and prediction are both finite
 * @param maeM mean absolute error over valid pixels
 * @param rmseM root-mean-square error over valid pixels
 * @param zeroRmseM RMSE of predicting 0 everywhere (the baseline of the target)
 * @param buildingPixels valid pixels with truth above the building threshold
 * @param buildingMaeM MAE over building pixels (NaN when there are none)
 * @param buildingRmseM RMSE over building pixels (NaN when there are none)
 * @param meanBuildingHeightM mean true height of building pixels (NaN when there are none)
 * @param biasM mean of (prediction − truth) over valid pixels
 */
public record HeightMetrics(
        long validPixels,
        double maeM,
        double rmseM,
        double zeroRmseM,
        long buildingPixels,
        double buildingMaeM,
        double buildingRmseM,
        double meanBuildingHeightM,
        double biasM) {

    /** RMSE divided by the predict-zero RMSE (the target: at most 0.75). */
    public double rmseRatioToZero() {
        return rmseM / zeroRmseM;
    }

    /** Accumulates sums over any number of rasters; {@link #result()} gives the metrics. */
    public static final class Accumulator {
        private final double buildingThresholdM;
        private long n;
        private double sumAbs;
        private double sumSq;
        private double sumZeroSq;
        private double sumDiff;
        private long nb;
        private double sumAbsB;
        private double sumSqB;
        private double sumTruthB;

        /**
         * @param buildingThresholdM truth above this is a building pixel (0 for the ZY-3 labels).
         */
        public Accumulator(double buildingThresholdM) {
            this.buildingThresholdM = buildingThresholdM;
        }

        /** Adds co-registered truth and prediction samples (row-major, same length). */
        public Accumulator add(float[] truthM, float[] predM) {
            if (truthM.length != predM.length) {
                throw new IllegalArgumentException(
                        "truth has " + truthM.length + " samples but prediction " + predM.length);
            }
            for (int i = 0; i < truthM.length; i++) {
                double t = truthM[i];
                double p = predM[i];
                if (!Double.isFinite(t) || !Double.isFinite(p)) {
                    continue;
                }
                double d = p - t;
                n++;
                sumAbs += Math.abs(d);
                sumSq += d * d;
                sumZeroSq += t * t;
                sumDiff += d;
                if (t > buildingThresholdM) {
                    nb++;
                    sumAbsB += Math.abs(d);
                    sumSqB += d * d;
                    sumTruthB += t;
                }
            }
            return this;
        }

        /** The metrics so far. */
        public HeightMetrics result() {
            double nn = Math.max(n, 1);
            return new HeightMetrics(
                    n,
                    n == 0 ? Double.NaN : sumAbs / nn,
                    n == 0 ? Double.NaN : Math.sqrt(sumSq / nn),
                    n == 0 ? Double.NaN : Math.sqrt(sumZeroSq / nn),
                    nb,
                    nb == 0 ? Double.NaN : sumAbsB / nb,
                    nb == 0 ? Double.NaN : Math.sqrt(sumSqB / nb),
                    nb == 0 ? Double.NaN : sumTruthB / nb,
                    n == 0 ? Double.NaN : sumDiff / nn);
        }
    }

    /** Metrics of one raster pair. */
    public static HeightMetrics of(float[] truthM, float[] predM, double buildingThresholdM) {
        return new Accumulator(buildingThresholdM).add(truthM, predM).result();
    }
}
