package dev.surveyor.craters.model;

import dev.surveyor.core.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;

/** Tiny crater model directories for tests: trained for two batches on a synthetic scene. */
final class TinyModels {
    private TinyModels() {}

    /**
     * Trains a tiny resnet-s ({@link CenterNetModelTest#tinyResnet}) for one epoch of two batches
     * of 64² windows and writes its model directory.
     *
     * @param out model directory to write
     * @param stride output stride, 2 or 4
     * @param seed training seed
     * @return {@code out}
     */
    static Path train(Path out, int stride, long seed) throws Exception {
        return train(out, stride, seed, null);
    }

    /** As {@link #train(Path, int, long)}, starting from {@code init}'s weights (or null). */
    static Path train(Path out, int stride, long seed, Path init) throws Exception {
        ConfigCraterTraining c = new ConfigCraterTraining();
        c.network = CenterNetModelTest.tinyResnet(stride);
        c.augmentation.windowPx = 64;
        c.batchSize = 2;
        c.batchesPerEpoch = 2;
        c.training.epochs = 1;
        c.training.learningRate = 1e-3;
        c.training.threads = 1;
        c.training.seed = seed;
        CraterTraining.train(
                List.of(SyntheticCraters.scene(64, 4, 8, 16, 300)),
                "synthetic",
                c,
                out,
                init,
                ProgressListener.NONE,
                e -> {});
        return out;
    }
}
