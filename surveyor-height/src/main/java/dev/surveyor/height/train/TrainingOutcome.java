package dev.surveyor.height.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param modelDir directory holding the best parameters and {@code model.json}
 * @param history one report per epoch (including resumed epochs)
 * @param bestEpoch epoch of the kept parameters
 * @param trainingSeconds total training time
 */
public record TrainingOutcome(
        Path modelDir, List<EpochReport> history, int bestEpoch, double trainingSeconds) {
    public TrainingOutcome {
        history = List.copyOf(history);
    }
}
