package dev.surveyor.height.train;

import dev.surveyor.height.eval.HeightMetrics;

/**
 * One finished epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss of the epoch (in the loss's scaled units)
 * @param validation metrics on the validation tiles (null when there are none)
 * @param elapsedSeconds training time so far, this run and resumed ones
 * @param best whether these parameters are the best so far (kept as the model)
 */
public record EpochReport(
        int epoch,
        double trainLoss,
        HeightMetrics validation,
        double elapsedSeconds,
        boolean best) {}
