package dev.surveyor.craters.model;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import dev.surveyor.learn.ConfigTraining;
import java.util.ArrayList;
import java.util.List;

/** Settings of {@link CraterTraining}: data, split, architecture and optimisation. */
public class ConfigCraterTraining implements Config {
    private static final long serialVersionUID = 1L;

    /** Network architecture. */
    public ConfigCenterNet network = ConfigCenterNet.small();

    /** Windows and augmentation. */
    public ConfigAugmentation augmentation = new ConfigAugmentation();

    /** Optimisation, epochs, freezing, seed, threads, resume. */
    public ConfigTraining training = new ConfigTraining();

    /** Windows per batch. */
    public int batchSize = 8;

    /** Batches per epoch. */
    public int batchesPerEpoch = 50;

    /** Minimum crater diameter (px) in validation scoring. */
    public double minDiameterPx = 8;

    /**
     * Normalise every image by its own grey-level mean and std ({@link InputNormalisation}) instead
     * of the training set's (or, for a fine-tune, the source model's).
     */
    public boolean perImageNormalisation = false;

    /** Image names (substrings) excluded from training and validation (held-out test). */
    public List<String> exclude = new ArrayList<>();

    /** Image names (substrings) used for validation only; empty = none. */
    public List<String> validation = new ArrayList<>();

    /** The command line, stored in model.json. */
    public String command = "";

    @Override
    public void validate() {
        network.validate();
        augmentation.validate();
        training.validate();
        Checks.positive("batchSize", batchSize);
        Checks.positive("batchesPerEpoch", batchesPerEpoch);
        Checks.atLeast("minDiameterPx", minDiameterPx, 0.0);
        if (augmentation.windowPx % network.sizeMultiple() != 0) {
            throw new IllegalArgumentException(
                    "windowPx must be a multiple of "
                            + network.sizeMultiple()
                            + " for this network, got "
                            + augmentation.windowPx);
        }
    }
}
