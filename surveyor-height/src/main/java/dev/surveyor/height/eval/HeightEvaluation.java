package dev.surveyor.height.eval;

import java.util.List;

/**
 * Full evaluation of a predicted height raster.
 *
 * @param metrics MAE/RMSE on all and building pixels, predict-zero baseline
 * @param ssim mean SSIM (paper's definition, see {@link Ssim})
 * @param ssimRangeMinM height mapped to 0 for SSIM
 * @param ssimRangeMaxM height mapped to 255 for SSIM
 * @param bins errors by true-height bin
 */
public record HeightEvaluation(
        HeightMetrics metrics,
        double ssim,
        double ssimRangeMinM,
        double ssimRangeMaxM,
        List<HeightBinError> bins) {
    public HeightEvaluation {
        bins = List.copyOf(bins);
    }

    /** Default SSIM height range: 0 to 100 m mapped to 0–255. */
    public static final double DEFAULT_SSIM_MAX_M = 100.0;

    /** Evaluates a prediction against the truth ({@code w x h}, metres, NaN = no data). */
    public static HeightEvaluation of(
            float[] truthM,
            float[] predM,
            int w,
            int h,
            double buildingThresholdM,
            double ssimMinM,
            double ssimMaxM) {
        return new HeightEvaluation(
                HeightMetrics.of(truthM, predM, buildingThresholdM),
                Ssim.of(truthM, predM, w, h, ssimMinM, ssimMaxM),
                ssimMinM,
                ssimMaxM,
                HeightBinError.compute(truthM, predM, HeightBinError.DEFAULT_EDGES_M));
    }
}
